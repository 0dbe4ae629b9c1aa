using KylinMock.Tests.Support;

namespace KylinMock.Tests.Cli;

/// <summary>The CLI packs as the <c>kylin-mock</c> dotnet tool, and the installed tool runs.</summary>
[NonParallelizable]
public class ToolPackageTests
{
    private static string Root => Path.GetFullPath(Path.Combine(TestContext.CurrentContext.TestDirectory, "..", "..", "..", "..", ".."));

    [Test]
    public void Pack_ThenInstall_GivesAKylinMockCommandThatServes()
    {
        var dir = Directory.CreateTempSubdirectory("kylinmock-tool-").FullName;
        try
        {
            var packages = Path.Combine(dir, "packages");
            var tools = Path.Combine(dir, "tools");

            // Its own artifacts path: the build does not touch the solution's bin and obj folders.
            var pack = MockProcess.RunCommand(
                "dotnet",
                ["pack", Path.Combine(Root, "src", "KylinMock.Cli", "KylinMock.Cli.csproj"), "-c", "Release", "-o", packages, "--artifacts-path", Path.Combine(dir, "artifacts"), "-p:Version=0.0.1-test"],
                TimeSpan.FromMinutes(5));
            Assert.That(pack.ExitCode, Is.Zero, pack.Output);

            var install = MockProcess.RunCommand(
                "dotnet",
                ["tool", "install", "KylinMock.Cli", "--tool-path", tools, "--add-source", packages, "--version", "0.0.1-test"],
                TimeSpan.FromMinutes(3));
            Assert.That(install.ExitCode, Is.Zero, install.Output);

            var help = MockProcess.RunCommand(Path.Combine(tools, "kylin-mock"), ["serve", "--help"], TimeSpan.FromMinutes(1));
            Assert.Multiple(() =>
            {
                Assert.That(help.ExitCode, Is.Zero, help.Output);
                Assert.That(help.Output, Does.Contain("kylin-mock serve").And.Contain("--max-page-size"));
            });
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
