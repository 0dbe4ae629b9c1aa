using KylinMock.Tests.Support;

namespace KylinMock.Tests.Cli;

/// <summary>
/// The publish command in docs/standalone.md gives one self-contained <c>kylin-mock</c> file for linux-x64 that serves
/// with no dotnet on PATH and no DOTNET_ROOT, prints the same readiness line and takes the same options.
/// </summary>
[NonParallelizable]
public class SingleBinaryTests
{
    /// <summary>docs/standalone.md's command, without its <c>-o dist/linux-x64</c>.</summary>
    private static readonly string[] Publish = ["publish", "src/KylinMock.Cli", "-c", "Release", "-r", "linux-x64"];

    private string dir = string.Empty;
    private string binary = string.Empty;

    private static string Root => Path.GetFullPath(Path.Combine(TestContext.CurrentContext.TestDirectory, "..", "..", "..", "..", ".."));

    [OneTimeSetUp]
    public void PublishBinary()
    {
        dir = Directory.CreateTempSubdirectory("kylinmock-binary-").FullName;
        var output = Path.Combine(dir, "linux-x64");

        // Run from the repository root, as docs/standalone.md says; its own artifacts path keeps bin and obj untouched.
        var publish = MockProcess.RunCommand(
            "sh",
            ["-c", $"cd \"{Root}\" && dotnet {string.Join(' ', Publish)} -o \"{output}\" --artifacts-path \"{Path.Combine(dir, "artifacts")}\""],
            TimeSpan.FromMinutes(8));
        Assert.That(publish.ExitCode, Is.Zero, publish.Output);
        binary = Path.Combine(output, "kylin-mock");
    }

    [OneTimeTearDown]
    public void Clean() => Directory.Delete(dir, recursive: true);

    [Test]
    public void Docs_DocumentThePublishCommand()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "docs", "standalone.md"));
        Assert.That(readme, Does.Contain($"dotnet {string.Join(' ', Publish)} -o dist/linux-x64"));
    }

    [Test]
    public void Publish_GivesOneExecutableFile_WithTheRuntimeInside()
    {
        Assert.Multiple(() =>
        {
            Assert.That(File.Exists(binary), Is.True);
            Assert.That(Directory.GetFiles(Path.GetDirectoryName(binary)!, "*.dll"), Is.Empty, "no assembly beside the binary");
            Assert.That(new FileInfo(binary).Length, Is.GreaterThan(50_000_000), "the .NET and ASP.NET Core runtimes are bundled");
        });
    }

    [Test]
    public void Binary_WithoutDotnetOnPathOrDotnetRoot_ServesTheSeedDocumentsList()
    {
        // env -i: an empty environment (no PATH to dotnet, no DOTNET_ROOT), then the binary by its full path.
        using var mock = MockProcess.StartCommand("env", ["-i", "PATH=/nonexistent", "HOME=" + dir, binary, "serve", "--port", "0", "--jobs", "20"]);
        using var http = new KylinHttp(mock.Url);
        var list = http.Get("/kylin/api/jobs?time_filter=0&page_size=1");
        Assert.Multiple(() =>
        {
            Assert.That(mock.Output, Does.Match(@"KylinMock listening on http://127\.0\.0\.1:\d+ \(20 jobs\)\."));
            Assert.That(list.Status, Is.EqualTo(200), list.Text);
            Assert.That((string?)list.Json["code"], Is.EqualTo("000"));
            Assert.That(LoadedFrom(mock), Has.None.Contains("/usr/share/dotnet"), "no installed runtime is loaded");
        });
        Assert.That(mock.Stop(), Is.Zero);
    }

    [TestCase("serve")]
    [TestCase("generate")]
    [TestCase("capture")]
    public void Binary_TakesTheSameOptionsAsTheTool(string command)
    {
        var single = MockProcess.RunCommand("env", ["-i", "PATH=/nonexistent", "HOME=" + dir, binary, command, "--help"], TimeSpan.FromMinutes(1));
        var tool = MockProcess.Run(command, "--help");
        Assert.Multiple(() =>
        {
            Assert.That(single.ExitCode, Is.Zero, single.Output);
            Assert.That(single.Output, Is.EqualTo(tool.Output));
        });
    }

    private static IEnumerable<string> LoadedFrom(MockProcess mock) =>
        File.ReadAllLines($"/proc/{mock.ProcessId}/maps").Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? string.Empty);
}
