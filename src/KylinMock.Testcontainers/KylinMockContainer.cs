using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using DotNet.Testcontainers.Containers;

namespace KylinMock.Testcontainers;

/// <summary>
/// A started KylinMock container: where its Kylin API answers, the credentials Kylin's default administrator
/// logs in with, and the mock's control API (<c>/__kylinmock/</c>) over HTTP.
/// </summary>
public sealed partial class KylinMockContainer : DockerContainer
{
    private readonly KylinMockConfiguration configuration;
    private int? hostNetworkPort;

    /// <summary>Initializes a container from its configuration (<see cref="KylinMockBuilder.Build"/> does it).</summary>
    /// <param name="configuration">The container's configuration.</param>
    public KylinMockContainer(KylinMockConfiguration configuration)
        : base(configuration)
    {
        this.configuration = configuration;
        Control = new KylinMockControl(() => BaseUrl, configuration.ControlToken);
    }

    /// <summary>Kylin's default administrator, whom the mock accepts: <c>ADMIN</c>.</summary>
    public string Username => "ADMIN";

    /// <summary>Kylin's default administrator's password: <c>KYLIN</c>.</summary>
    public string Password => "KYLIN";

    /// <summary>The mock's root, <c>http://HOST:PORT/</c> (the control API is under <c>__kylinmock/</c>).</summary>
    public Uri BaseUrl => new($"http://{(configuration.HostNetwork == true ? "127.0.0.1" : Hostname)}:{Port}/");

    /// <summary>Kylin's REST API, <c>http://HOST:PORT/kylin/api/</c>: what a Kylin client is pointed at.</summary>
    public Uri KylinUrl => new(BaseUrl, "kylin/api/");

    /// <summary>The mock's control API: reset, clock, jobs, models, faults, journal and verification.</summary>
    public KylinMockControl Control { get; }

    /// <summary>The port the mock answers on, from this machine.</summary>
    public int Port => configuration.HostNetwork == true
        ? hostNetworkPort ?? throw new InvalidOperationException("the container has not printed its readiness line yet")
        : GetMappedPublicPort(KylinMockBuilder.KylinMockPort);

    /// <summary>
    /// An <see cref="HttpClient"/> for Kylin's API: base address <see cref="KylinUrl"/>, Basic credentials of
    /// <see cref="Username"/>, and Kylin 5's <c>Accept: application/vnd.apache.kylin-v4-public+json</c>.
    /// </summary>
    /// <returns>A new client; the caller disposes it.</returns>
    public HttpClient CreateKylinClient()
    {
        var client = new HttpClient { BaseAddress = KylinUrl };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Username}:{Password}")));
        client.DefaultRequestHeaders.Accept.ParseAdd("application/vnd.apache.kylin-v4-public+json");
        return client;
    }

    /// <summary>Reads the readiness line from the logs; true once it is there (and, on the host's network, its port).</summary>
    internal async Task<bool> ReadReadinessLineAsync()
    {
        var (stdout, _) = await GetLogsAsync().ConfigureAwait(false);
        var ready = ReadinessLine().Match(stdout);
        if (ready.Success && configuration.HostNetwork == true)
        {
            hostNetworkPort = int.Parse(ready.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture);
        }

        return ready.Success;
    }

    /// <inheritdoc />
    protected override ValueTask DisposeAsyncCore()
    {
        Control.Dispose();
        return base.DisposeAsyncCore();
    }

    // serve's readiness line: "KylinMock listening on http://HOST:PORT (N jobs). Press Ctrl+C to stop."
    [GeneratedRegex(@"KylinMock listening on http://\S+:(?<port>\d+) \(")]
    private static partial Regex ReadinessLine();
}
