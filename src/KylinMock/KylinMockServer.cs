using System.Net;
using System.Net.Sockets;
using KylinMock.Control;
using KylinMock.Fixtures;
using KylinMock.Http;
using KylinMock.Jobs;
using KylinMock.Security;
using WireMock.Logging;
using WireMock.Server;
using WireMock.Settings;

namespace KylinMock;

/// <summary>
/// A running KylinMock: an in-process Apache Kylin 5 Job API on a free port. Start one per test
/// (or per fixture); servers in one process share nothing.
/// <code>
/// using var kylin = KylinMockServer.Start(new KylinMockOptions { Clock = fakeTime });
/// var client = new HttpClient { BaseAddress = new Uri(kylin.Url) };
/// </code>
/// </summary>
public sealed class KylinMockServer : IDisposable
{
    private readonly WireMockServer wireMock;
    private readonly ServerContext context;
    private int stopped;

    private KylinMockServer(KylinMockOptions options, WireMockServer wireMock, ServerContext context)
    {
        Options = options;
        this.wireMock = wireMock;
        this.context = context;
        Jobs = context.Store;
        Port = wireMock.Ports[0];
        var host = options.Host.Contains(':', StringComparison.Ordinal) ? "[" + options.Host + "]" : options.Host;
        Url = $"http://{host}:{Port}";
    }

    /// <summary>The base URL, for example <c>http://127.0.0.1:45123</c>; Kylin's API is under <c>/kylin/api</c>.</summary>
    public string Url { get; }

    /// <summary>The port the server listens on.</summary>
    public int Port { get; }

    /// <summary>The options the server was started with.</summary>
    public KylinMockOptions Options { get; }

    /// <summary>The job store: every job of this server, caught up with <see cref="Clock"/> whenever it is read.</summary>
    public JobStore Jobs { get; }

    /// <summary>The clock the server reads time from (the one given in the options).</summary>
    public TimeProvider Clock => Options.Clock;

    /// <summary>The requests the Kylin endpoints received (bounded by <see cref="KylinMockOptions.JournalCapacity"/>).</summary>
    public RequestJournal Journal => context.Journal;

    /// <summary>The faults armed on the Kylin endpoints: delays, Kylin errors, dropped or malformed answers.</summary>
    public FaultList Faults => context.Faults;

    /// <summary>Starts a server with default options: seed 42, 500 jobs generated relative to the system clock.</summary>
    public static KylinMockServer Start() => Start(new KylinMockOptions());

    /// <summary>Starts a server; it is listening when this returns. A port that cannot be bound is an <see cref="IOException"/>.</summary>
    public static KylinMockServer Start(KylinMockOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var estate = LoadEstate(options);
        var jobs = new JobStore(options.Clock, options.MaxRunningJobsPerProject, options.Seed);
        jobs.Load(estate);
        var users = new UserDirectory(options.Users, options.Clock);
        var context = new ServerContext(jobs, users, options.Clock, options.TimeZone)
        {
            Journal = new RequestJournal(options.JournalCapacity),
            Faults = new FaultList(),
            ClockControl = new ClockControl(options.Clock),
            ControlToken = options.ControlToken,
            Sessions = new SessionStore(options.Clock),
            ChineseMessages = options.ChineseMessages,
            MaxPageSize = options.MaxPageSize,
        };
        var host = options.Host.Contains(':', StringComparison.Ordinal) ? "[" + options.Host + "]" : options.Host;
        EnsurePortFree(options);
        WireMockServer wireMock;
        try
        {
            wireMock = StartWireMock(host, options, () => context.Port);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new IOException($"Cannot listen on {options.Host}:{options.Port}: {e.GetBaseException().Message}", e);
        }

        context.Port = wireMock.Ports[0];
        KylinRoutes.Register(wireMock, context);
        return new KylinMockServer(options, wireMock, context);
    }

    private static WireMockServer StartWireMock(string host, KylinMockOptions options, Func<int> port) =>
        WireMockServer.Start(new WireMockServerSettings
        {
            Urls = [$"http://{host}:{options.Port}"],
            StartAdminInterface = false,
            ReadStaticMappings = false,
            MaxRequestLogCount = 0,
            DoNotSaveDynamicResponseInLogEntry = true,
            DisableJsonBodyParsing = true,
            DisableRequestBodyDecompressing = true,
            DisableDeserializeFormUrlEncoded = true,
            AllowBodyForAllHttpMethods = true,
            Logger = new WireMockNullLogger(),
            PreWireMockMiddlewareInit = app => SafetyNet.Install(app, port, options.MaxRequestBodyBytes),
        });

    // A taken port is reported at once in one line, rather than after WireMock's start timeout.
    private static void EnsurePortFree(KylinMockOptions options)
    {
        if (options.Port == 0 || !IPAddress.TryParse(options.Host, out var address))
        {
            return;
        }

        try
        {
            using var probe = new TcpListener(address, options.Port);
            probe.Start();
            probe.Stop();
        }
        catch (SocketException e)
        {
            throw new IOException($"Cannot listen on {options.Host}:{options.Port}: {e.Message}", e);
        }
    }

    /// <summary>
    /// Back to the loaded estate and fresh users (failed logins and locks forgotten); faults disarmed and
    /// the journal cleared. The clock is the caller's: it is not moved.
    /// </summary>
    public void Reset() => ControlPlane.Reset(context, restartClock: false);

    /// <summary>Stops listening; returns once the port is free again.</summary>
    public void Stop()
    {
        if (Interlocked.Exchange(ref stopped, 1) == 1)
        {
            return;
        }

        wireMock.Stop();
        wireMock.Dispose();
        WaitForPortRelease();
    }

    /// <inheritdoc />
    public void Dispose() => Stop();

    private static Estate LoadEstate(KylinMockOptions options)
    {
        if (options.Estate is { } estate)
        {
            return estate;
        }

        if (options.FixturePath is { } path)
        {
            if (File.Exists(path) && new FileInfo(path).Length is var size && size > options.MaxFixtureBytes)
            {
                throw new FixtureException($"{path}: {size} bytes is larger than the fixture limit of {options.MaxFixtureBytes} bytes (KylinMockOptions.MaxFixtureBytes, --max-fixture-mb).");
            }

            return FixtureReader.Read(path).Estate;
        }

        return JobGenerator.Generate(options.Seed, options.JobCount, options.Clock.GetUtcNow());
    }

    // WireMock's Stop does not wait for Kestrel to let go of the socket.
    private void WaitForPortRelease()
    {
        var address = IPAddress.TryParse(Options.Host, out var ip) ? ip : IPAddress.Loopback;
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var probe = new TcpListener(address, Port);
                probe.Start();
                probe.Stop();
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(20);
            }
        }
    }
}
