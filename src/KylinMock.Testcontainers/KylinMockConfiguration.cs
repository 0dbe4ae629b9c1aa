using Docker.DotNet.Models;
using DotNet.Testcontainers.Configurations;

namespace KylinMock.Testcontainers;

/// <summary>The KylinMock container's configuration: Testcontainers' own plus what the control client needs to know.</summary>
public sealed class KylinMockConfiguration : ContainerConfiguration
{
    /// <summary>Initializes an empty configuration.</summary>
    public KylinMockConfiguration()
    {
    }

    /// <summary>Initializes a configuration with the mock's own settings (null: not set here).</summary>
    /// <param name="controlToken">The control API's token (serve's <c>--token</c>), sent as <c>X-KylinMock-Token</c>.</param>
    /// <param name="hostNetwork">Whether the container shares the Docker host's network (serve picks its own loopback port).</param>
    internal KylinMockConfiguration(string? controlToken = null, bool? hostNetwork = null)
    {
        ControlToken = controlToken;
        HostNetwork = hostNetwork;
    }

    /// <summary>Initializes a configuration from Testcontainers' resource configuration (an immutable copy).</summary>
    /// <param name="resourceConfiguration">The Docker resource configuration.</param>
    public KylinMockConfiguration(IResourceConfiguration<CreateContainerParameters> resourceConfiguration)
        : base(resourceConfiguration)
    {
    }

    /// <summary>Initializes a configuration from Testcontainers' container configuration (an immutable copy).</summary>
    /// <param name="resourceConfiguration">The container configuration.</param>
    public KylinMockConfiguration(IContainerConfiguration resourceConfiguration)
        : base(resourceConfiguration)
    {
    }

    /// <summary>Initializes a configuration from another one (an immutable copy).</summary>
    /// <param name="resourceConfiguration">The configuration to copy.</param>
    public KylinMockConfiguration(KylinMockConfiguration resourceConfiguration)
        : this(new KylinMockConfiguration(), resourceConfiguration)
    {
    }

    /// <summary>Initializes a configuration that is <paramref name="oldValue"/> with <paramref name="newValue"/>'s settings on top.</summary>
    /// <param name="oldValue">The configuration so far.</param>
    /// <param name="newValue">The settings added to it.</param>
    public KylinMockConfiguration(KylinMockConfiguration oldValue, KylinMockConfiguration newValue)
        : base(oldValue, newValue)
    {
        ArgumentNullException.ThrowIfNull(oldValue);
        ArgumentNullException.ThrowIfNull(newValue);
        ControlToken = newValue.ControlToken ?? oldValue.ControlToken;
        HostNetwork = newValue.HostNetwork ?? oldValue.HostNetwork;
    }

    /// <summary>The control API's token (serve's <c>--token</c>), or null when the control API is open.</summary>
    public string? ControlToken { get; }

    /// <summary>True when the container shares the Docker host's network; null or false: a bridge and a mapped port.</summary>
    public bool? HostNetwork { get; }
}
