using System.Net;
using System.Text.Json.Nodes;

namespace KylinMock.Testcontainers.Tests;

/// <summary>The builder's options, the image's pinned tag, its user and how it stops.</summary>
[NonParallelizable]
public class ConfiguredContainerTests
{
    // One container with a token and serve arguments of its own; the fixture and the stop each start their own.
    private KylinMockContainer kylin = null!;

    [OneTimeSetUp]
    public async Task StartContainer()
    {
        kylin = Docker.Builder().WithControlToken("s3cret").WithCommand("--jobs", "3", "--seed", "7").Build();
        await kylin.StartAsync();
    }

    [OneTimeTearDown]
    public async Task DisposeContainer() => await kylin.DisposeAsync();

    [Test]
    public void Image_PinnedTag_IsWhatTheBuildScriptTags()
    {
        Assert.That(Docker.Script(".ci/docker.sh", "tag"), Is.EqualTo(KylinMockBuilder.KylinMockImage));
    }

    // One pinned tag: the module's constant, the build script's, and every place that names the image.
    [TestCase("README.md")]
    [TestCase("docs/container.md")]
    [TestCase("tests/Clients/python-docker/kylinmock_container.py")]
    [TestCase("tests/Clients/node-testcontainers/build.test.mjs")]
    public void Image_NamedInAFile_IsThePinnedTag(string file)
    {
        var named = System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(Path.Combine(Docker.Root, file)), @"kylinmock/kylin-mock:[\w.-]+");
        Assert.Multiple(() =>
        {
            Assert.That(named, Is.Not.Empty);
            Assert.That(named.Select(m => m.Value), Is.All.EqualTo(KylinMockBuilder.KylinMockImage));
        });
    }

    [Test]
    public async Task ControlToken_Set_TheControlClientSendsItAndARequestWithoutItIsRefused()
    {
        await kylin.Control.ResetAsync();
        using var bare = new HttpClient();
        using var refused = await bare.PostAsync(new Uri(kylin.BaseUrl, "__kylinmock/reset"), null);
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    // Whatever serve accepts, the container accepts: WithCommand appends serve's arguments unchanged.
    [Test]
    public async Task ServeArguments_GivenWithCommand_ReachServeUnchanged()
    {
        var health = await kylin.Control.HealthAsync();
        Assert.That((int)health["jobs"]!, Is.EqualTo(3));
    }

    [Test]
    public void Process_InTheContainer_RunsAsANonRootUser()
    {
        var (exit, pid) = Docker.Cli("inspect", "-f", "{{.State.Pid}}", kylin.Id);
        Assert.That(exit, Is.Zero, pid);
        var uid = File.ReadAllLines($"/proc/{pid}/status").Single(l => l.StartsWith("Uid:", StringComparison.Ordinal));
        Assert.That(uid.Split('\t', StringSplitOptions.RemoveEmptyEntries).Skip(1), Is.All.EqualTo("10001"));
    }

    [Test]
    public async Task Fixture_FromThisMachine_IsServed()
    {
        var fixture = Path.Combine(Docker.Root, "fixtures", "jobs.json");
        var expected = JsonNode.Parse(await File.ReadAllTextAsync(fixture))!["jobs"]!.AsArray().Count;
        await using var kylin = Docker.Builder().WithFixture(fixture).Build();
        await kylin.StartAsync();

        var health = await kylin.Control.HealthAsync();
        Assert.That((int)health["jobs"]!, Is.EqualTo(expected));
    }

    // docker stop sends the image's STOPSIGNAL (SIGTERM) and kills after its timeout: exit code 0 and serve's own
    // last line say the mock stopped itself on SIGTERM (a kill would give 137 and no line).
    [Test]
    public async Task Stop_SendsSigterm_TheMockStopsItselfWithExitCodeZero()
    {
        await using var kylin = Docker.Builder().WithJobs(1).Build();
        await kylin.StartAsync();

        await kylin.StopAsync();

        var (stdout, _) = await kylin.GetLogsAsync();
        Assert.Multiple(async () =>
        {
            Assert.That(await kylin.GetExitCodeAsync(), Is.Zero);
            Assert.That(stdout, Does.EndWith("KylinMock stopped.\n"));
        });
    }
}
