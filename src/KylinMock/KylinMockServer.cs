using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using KylinMock.Clocks;
using KylinMock.Control;
using KylinMock.Fixtures;
using KylinMock.Http;
using KylinMock.Jobs;
using KylinMock.Security;

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
    /// <summary>How long <see cref="Stop"/> lets requests in flight finish before it aborts their connections.</summary>
    public static TimeSpan ShutdownGrace { get; } = TimeSpan.FromSeconds(1.5);

    // How long Stop waits for the socket to be free again before it fails.
    private static readonly TimeSpan PortReleaseTimeout = TimeSpan.FromSeconds(5);

    private readonly KylinHost host;
    private readonly ServerContext context;
    private readonly Notify.JobFinishedNotifier? notifier;
    private int stopped;

    private KylinMockServer(KylinMockOptions options, KylinHost host, ServerContext context, Notify.JobFinishedNotifier? notifier)
    {
        this.notifier = notifier;
        Options = options;
        this.host = host;
        this.context = context;
        Jobs = context.Backend.Jobs;
        Models = context.Backend.Models;
        Rows = new Sql.KylinRows(context.Backend);
        Port = host.Port;
        var name = options.Host.Contains(':', StringComparison.Ordinal) ? "[" + options.Host + "]" : options.Host;
        Url = $"http://{name}:{Port}";
    }

    /// <summary>The base URL, for example <c>http://127.0.0.1:45123</c>; Kylin's API is under <c>/kylin/api</c>.</summary>
    public string Url { get; }

    /// <summary>The port the server listens on.</summary>
    public int Port { get; }

    /// <summary>The options the server was started with.</summary>
    public KylinMockOptions Options { get; }

    /// <summary>The job store: every job of this server, caught up with <see cref="Clock"/> whenever it is read.</summary>
    public JobStore Jobs { get; }

    /// <summary>The estate's models and segments: find, list, add a model with its segments.</summary>
    public Models.KylinModels Models { get; }

    /// <summary>The server's composition root (the benchmark harness reaches the engine's database through it).</summary>
    internal ServerContext Context => context;

    /// <summary>The rows the SQL engine answers queries from (needs <see cref="KylinMockOptions.SqlEngine"/>).</summary>
    public Sql.KylinRows Rows { get; }

    /// <summary>The clock the server reads time from (the one given in the options).</summary>
    public TimeProvider Clock => Options.Clock;

    /// <summary>The requests the Kylin endpoints received (bounded by <see cref="KylinMockOptions.JournalCapacity"/>).</summary>
    public RequestJournal Journal => context.Backend.Journal;

    /// <summary>The faults armed on the Kylin endpoints: delays, Kylin errors, dropped or malformed answers.</summary>
    public FaultList Faults => context.Backend.Faults;

    /// <summary>Starts a server with default options: seed 42, 500 jobs generated relative to the system clock.</summary>
    public static KylinMockServer Start() => Start(new KylinMockOptions());

    /// <summary>Starts a server; it is listening when this returns. A port that cannot be bound is an <see cref="IOException"/>.</summary>
    public static KylinMockServer Start(KylinMockOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var estate = LoadEstate(options);
        var notifier = options.JobFinishedNotifierUrl is { } url ? new Notify.JobFinishedNotifier(url, options.JobFinishedNotifierUsername, options.JobFinishedNotifierPassword, options.Clock) : null;
        var backend = new Backend.KylinBackend(options, estate, notifier);
        if (options.KylinVersion == 4 && backend.DuplicateCubeName() is { } refused)
        {
            notifier?.Dispose();
            throw new ArgumentException(refused, nameof(options));
        }

        var context = new ServerContext(backend)
        {
            ControlToken = options.ControlToken,
            ChineseMessages = options.ChineseMessages,
            MaxPageSize = options.MaxPageSize,
            KylinVersion = options.KylinVersion,
        };
        var host = options.Host.Contains(':', StringComparison.Ordinal) ? "[" + options.Host + "]" : options.Host;
        EnsurePortFree(options);
        KylinHost listening;
        try
        {
            listening = KylinHost.Start(host, options, context);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            notifier?.Dispose();
            context.Backend.Sql?.Dispose();
            throw new IOException($"Cannot listen on {options.Host}:{options.Port}: {e.GetBaseException().Message}", e);
        }

        return new KylinMockServer(options, listening, context, notifier);
    }

    // A taken port is reported at once in one line, rather than after WireMock's start timeout.
    // "localhost" is both loopbacks to Kestrel, so both are probed (IPv6 only where the machine has it).
    private static void EnsurePortFree(KylinMockOptions options)
    {
        if (options.Port == 0)
        {
            return;
        }

        IPAddress[] addresses = IPAddress.TryParse(options.Host, out var address) ? [address]
            : options.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ? [IPAddress.Loopback, .. Socket.OSSupportsIPv6 ? [IPAddress.IPv6Loopback] : Array.Empty<IPAddress>()]
            : [];
        foreach (var probeAddress in addresses)
        {
            try
            {
                using var probe = new TcpListener(probeAddress, options.Port);
                probe.Start();
                probe.Stop();
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse || probeAddress == address)
            {
                throw new IOException($"Cannot listen on {options.Host}:{options.Port}: {e.Message}", e);
            }
            catch (SocketException)
            {
                // An IPv6 loopback the machine cannot bind at all is Kestrel's to skip, not a taken port.
            }
        }
    }

    /// <summary>
    /// Back to the loaded estate and fresh users (failed logins and locks forgotten); faults disarmed and
    /// the journal cleared. The clock is the caller's: it is not moved.
    /// </summary>
    public void Reset() => context.Backend.Reset(restartClock: false);

    /// <summary>
    /// Stops listening; requests in flight get <see cref="ShutdownGrace"/> to finish, then their
    /// connections are aborted (a half-sent request cannot hold the server). Returns once the port is
    /// free again; an <see cref="IOException"/> if it is not free within a few seconds.
    /// </summary>
    public void Stop()
    {
        if (Interlocked.Exchange(ref stopped, 1) == 1)
        {
            return;
        }

        host.Stop(ShutdownGrace);
        notifier?.Dispose();
        context.Backend.Queries.Clear();
        context.Backend.Sql?.Dispose();
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
            if (Directory.Exists(path))
            {
                throw new FixtureException($"{path}: is a directory, not a fixture file.");
            }

            // A FIFO or a device reports no length and could block or never end: only a regular file is read.
            if (File.Exists(path) && new FileInfo(path).Length == 0)
            {
                throw new FixtureException($"{path}: is empty or not a regular file (a FIFO, a device); a fixture is a JSON file.");
            }

            if (File.Exists(path) && new FileInfo(path).Length is var size && size > options.MaxFixtureBytes)
            {
                throw new FixtureException($"{path}: {size} bytes is larger than the fixture limit of {options.MaxFixtureBytes} bytes (KylinMockOptions.MaxFixtureBytes, --max-fixture-mb).");
            }

            return FixtureReader.Read(path).Estate;
        }

        return JobGenerator.Generate(options.Seed, options.JobCount, options.Clock.GetUtcNow(), kylin4: options.KylinVersion == 4);
    }

    // WireMock's Stop does not wait for Kestrel to let go of the socket; a port still held after
    // the timeout is an error, not a silent return (the next Start on it would fail far from here).
    private void WaitForPortRelease()
    {
        var address = IPAddress.TryParse(Options.Host, out var ip) ? ip : IPAddress.Loopback;
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var probe = new TcpListener(address, Port);
                probe.Start();
                probe.Stop();
                return;
            }
            catch (SocketException) when (waited.Elapsed < PortReleaseTimeout)
            {
                Thread.Sleep(20);
            }
            catch (SocketException e)
            {
                throw new IOException($"{Options.Host}:{Port} is still in use {PortReleaseTimeout.TotalSeconds:0} s after the server stopped: {e.Message}", e);
            }
        }
    }
}
