using KylinMock.Fixtures;
using KylinMock.Tests.Support;

namespace KylinMock.Tests.Cli;

/// <summary>The committed fixtures are exactly what their recorded origin generates.</summary>
[NonParallelizable]
public class FixtureRegenerationTests
{
    private static string Root => Path.GetFullPath(Path.Combine(TestContext.CurrentContext.TestDirectory, "..", "..", "..", "..", ".."));

    private static string Committed => Path.Combine(Root, "fixtures", "jobs.json");

    [Test]
    public void CommittedFixture_IsSeed42WithAbout500Jobs()
    {
        var fixture = FixtureReader.Read(Committed);
        Assert.Multiple(() =>
        {
            Assert.That(fixture.Origin?.Seed, Is.EqualTo(42));
            Assert.That(fixture.Estate.Jobs, Has.Count.EqualTo(500));
        });
    }

    [Test]
    public void CommittedFixture_IsWhatTheGeneratorWritesFromItsOrigin()
    {
        var origin = FixtureReader.Read(Committed).Origin!;
        var estate = JobGenerator.Generate(origin.Seed, origin.JobCount, origin.ReferenceTime);
        using var text = new StringWriter();
        FixtureWriter.Write(text, new Fixture(estate, origin), origin.ReferenceTime.ToUnixTimeMilliseconds());
        Assert.That(text.ToString(), Is.EqualTo(File.ReadAllText(Committed)));
    }

    [Test]
    public void GenerateCommand_SameInputs_WriteTheSameBytes()
    {
        var dir = Directory.CreateTempSubdirectory("kylinmock-generate-").FullName;
        try
        {
            var a = Path.Combine(dir, "a.json");
            var b = Path.Combine(dir, "b.json");
            Assert.That(MockProcess.Run("generate", "--seed", "9", "--jobs", "200", "--now", "2026-05-05T05:05:05Z", "--out", a).ExitCode, Is.Zero);
            Assert.That(MockProcess.Run("generate", "--seed", "9", "--jobs", "200", "--now", "1777957505000", "--out", b).ExitCode, Is.Zero);
            Assert.That(File.ReadAllBytes(b), Is.EqualTo(File.ReadAllBytes(a)));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void RegenerateScript_ReproducesTheCommittedFixturesByteForByte()
    {
        var dir = Directory.CreateTempSubdirectory("kylinmock-regenerate-").FullName;
        try
        {
            var info = new System.Diagnostics.ProcessStartInfo("dotnet") { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { "pwsh", "-NoProfile", "-File", Path.Combine(Root, "fixtures", "regenerate.ps1"), "-OutDir", dir })
            {
                info.ArgumentList.Add(arg);
            }

            using var script = System.Diagnostics.Process.Start(info)!;
            var output = script.StandardOutput.ReadToEndAsync();
            var errors = script.StandardError.ReadToEndAsync();
            Assert.That(script.WaitForExit(300_000), Is.True);
            Assert.That(script.ExitCode, Is.Zero, output.Result + errors.Result);
            Assert.That(File.ReadAllBytes(Path.Combine(dir, "jobs.json")), Is.EqualTo(File.ReadAllBytes(Committed)));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
