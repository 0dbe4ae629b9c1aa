using System.Globalization;
using Docker.DotNet.Models;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Images;

namespace KylinMock.Testcontainers;

/// <summary>
/// Builds a KylinMock container: the <c>kylin-mock</c> image running <c>serve</c>, with the mock's options
/// as builder methods. Any other argument of <c>serve</c> goes through <c>WithCommand</c> unchanged.
/// </summary>
/// <example>
/// <code>
/// await using var kylin = new KylinMockBuilder().WithManualClock(DateTimeOffset.Parse("2026-03-15T12:00:00Z")).Build();
/// await kylin.StartAsync();
/// var jobs = kylin.KylinUrl; // http://127.0.0.1:PORT/kylin/api/
/// </code>
/// </example>
public sealed class KylinMockBuilder : ContainerBuilder<KylinMockBuilder, KylinMockContainer, KylinMockConfiguration>
{
    /// <summary>The image this module version is made for; <c>bash .ci/docker.sh build</c> tags it (never pulled).</summary>
    public const string KylinMockImage = "kylinmock/kylin-mock:0.1.0";

    /// <summary>The port <c>serve</c> listens on inside the container (its default).</summary>
    public const ushort KylinMockPort = 7070;

    /// <summary>Where <see cref="WithFixture"/> puts the fixture file inside the container.</summary>
    public const string FixturePath = "/fixtures/fixture.json";

    /// <summary>Initializes a builder for <see cref="KylinMockImage"/>.</summary>
    public KylinMockBuilder()
        : this(KylinMockImage)
    {
    }

    /// <summary>Initializes a builder for another tag of the KylinMock image.</summary>
    /// <param name="image">The image, <c>repository:tag</c>.</param>
    public KylinMockBuilder(string image)
        : this(new KylinMockConfiguration())
    {
        DockerResourceConfiguration = Init().WithImage(image).DockerResourceConfiguration;
    }

    private KylinMockBuilder(KylinMockConfiguration resourceConfiguration)
        : base(resourceConfiguration)
    {
        DockerResourceConfiguration = resourceConfiguration;
    }

    /// <inheritdoc />
    protected override KylinMockConfiguration DockerResourceConfiguration { get; }

    /// <summary>The seed of the generated estate (serve's <c>--seed</c>, 42 by default): same seed, same jobs.</summary>
    /// <param name="seed">The seed.</param>
    /// <returns>The builder.</returns>
    public KylinMockBuilder WithSeed(int seed) => WithCommand("--seed", seed.ToString(CultureInfo.InvariantCulture));

    /// <summary>How many jobs to generate (serve's <c>--jobs</c>, 500 by default).</summary>
    /// <param name="count">The number of jobs.</param>
    /// <returns>The builder.</returns>
    public KylinMockBuilder WithJobs(int count) => WithCommand("--jobs", count.ToString(CultureInfo.InvariantCulture));

    /// <summary>A clock that stands still at <paramref name="start"/> until the control API moves it (serve's <c>--clock manual --now</c>).</summary>
    /// <param name="start">Where the clock starts.</param>
    /// <returns>The builder.</returns>
    public KylinMockBuilder WithManualClock(DateTimeOffset start) =>
        WithCommand("--clock", "manual", "--now", start.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));

    /// <summary>Serves a fixture file of the host (serve's <c>--fixture</c>), copied into the container at <see cref="FixturePath"/>.</summary>
    /// <param name="hostPath">The fixture file on this machine.</param>
    /// <returns>The builder.</returns>
    public KylinMockBuilder WithFixture(string hostPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(hostPath);
        return WithResourceMapping(new FileInfo(hostPath), new FileInfo(FixturePath)).WithCommand("--fixture", FixturePath);
    }

    /// <summary>Requires <paramref name="token"/> in <c>X-KylinMock-Token</c> on the control API (serve's <c>--token</c>); the container's control client sends it.</summary>
    /// <param name="token">The token (not empty).</param>
    /// <returns>The builder.</returns>
    public KylinMockBuilder WithControlToken(string token)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        return Merge(DockerResourceConfiguration, new KylinMockConfiguration(controlToken: token)).WithCommand("--token", token);
    }

    /// <summary>
    /// Shares the Docker host's network instead of a bridge and a mapped port: serve listens on the host's
    /// loopback on a port it picks, read from its readiness line. For a local daemon without a bridge.
    /// </summary>
    /// <returns>The builder.</returns>
    public KylinMockBuilder WithHostNetwork() =>
        Merge(DockerResourceConfiguration, new KylinMockConfiguration(hostNetwork: true))
            .WithCreateParameterModifier(parameters => (parameters.HostConfig ??= new HostConfig()).NetworkMode = "host")
            .WithCommand("--host", "127.0.0.1", "--port", "0");

    /// <inheritdoc />
    public override KylinMockContainer Build()
    {
        Validate();
        var builder = DockerResourceConfiguration.HostNetwork == true ? this : WithPortBinding(KylinMockPort, true);
        return new KylinMockContainer(builder.WithWaitStrategy(Wait.ForUnixContainer().AddCustomWaitStrategy(new ReadinessWait(), wait => wait.WithInterval(TimeSpan.FromMilliseconds(50)))).DockerResourceConfiguration);
    }

    /// <inheritdoc />
    protected override KylinMockBuilder Init() =>
        base.Init()
            .WithImagePullPolicy(PullPolicy.Never)
            .WithCommand("serve");

    /// <inheritdoc />
    protected override KylinMockBuilder Clone(IResourceConfiguration<CreateContainerParameters> resourceConfiguration) =>
        Merge(DockerResourceConfiguration, new KylinMockConfiguration(resourceConfiguration));

    /// <inheritdoc />
    protected override KylinMockBuilder Clone(IContainerConfiguration resourceConfiguration) =>
        Merge(DockerResourceConfiguration, new KylinMockConfiguration(resourceConfiguration));

    /// <inheritdoc />
    protected override KylinMockBuilder Merge(KylinMockConfiguration oldValue, KylinMockConfiguration newValue) =>
        new(new KylinMockConfiguration(oldValue, newValue));
}
