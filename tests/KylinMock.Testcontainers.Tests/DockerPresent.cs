namespace KylinMock.Testcontainers.Tests;

/// <summary>Before any test: Docker answers and has the image; otherwise every test fails (never skips) saying what to run.</summary>
[SetUpFixture]
public class DockerPresent
{
    [OneTimeSetUp]
    public void DaemonAndImage()
    {
        var (exit, output) = Docker.Cli("image", "inspect", "-f", "{{.Id}}", KylinMockBuilder.KylinMockImage);
        Assert.That(exit, Is.Zero, $"""
            Docker cannot run {KylinMockBuilder.KylinMockImage} (DOCKER_HOST={Environment.GetEnvironmentVariable("DOCKER_HOST")}): {output}
            Start the private daemon and build the image: eval "$(bash .ci/docker.sh start)" && bash .ci/docker.sh build (docs/container.md).
            """);
    }
}
