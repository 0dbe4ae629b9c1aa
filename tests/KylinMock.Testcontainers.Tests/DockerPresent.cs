namespace KylinMock.Testcontainers.Tests;

/// <summary>Before any test: Docker answers and has the image; otherwise every test fails (never skips) saying what to run.</summary>
[SetUpFixture]
public class DockerPresent
{
    [OneTimeSetUp]
    public void DaemonAndImage()
    {
        Assert.That(DotNet.Testcontainers.Configurations.TestcontainersSettings.ResourceReaperEnabled, Is.False,
            "Ryuk is an image from a registry: set TESTCONTAINERS_RYUK_DISABLED=true (eval \"$(bash .ci/docker.sh start)\" exports it).");
        var (exit, output) = Docker.Cli("image", "inspect", "-f", "{{.Id}}", KylinMockBuilder.KylinMockImage);
        Assert.That(exit, Is.Zero, $"""
            Docker cannot run {KylinMockBuilder.KylinMockImage} (DOCKER_HOST={Environment.GetEnvironmentVariable("DOCKER_HOST")}): {output}
            Start the private daemon and build the image: eval "$(bash .ci/docker.sh start)" && bash .ci/docker.sh build (docs/container.md).
            """);
    }
}
