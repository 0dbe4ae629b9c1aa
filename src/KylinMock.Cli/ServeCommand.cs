using System.CommandLine;
using System.Runtime.InteropServices;
using KylinMock.Clocks;
using KylinMock.Control;
using KylinMock.Fixtures;

namespace KylinMock.Cli;

/// <summary><c>kylin-mock serve</c>: runs the mock until Ctrl+C or SIGTERM.</summary>
internal static class ServeCommand
{
    /// <summary>Exit code for a bad argument or fixture.</summary>
    public const int BadInput = 2;

    /// <summary>Exit code when the port cannot be bound.</summary>
    public const int PortUnavailable = 3;

    /// <summary>The environment variable that, when set, replaces loopback as <c>--host</c>'s default (the image sets 0.0.0.0).</summary>
    public const string HostVariable = "KYLINMOCK_HOST";

    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "TCP port to listen on (0 takes a free port).", DefaultValueFactory = _ => 7070 }.Within(0, 65535);
        var host = new Option<string>("--host") { Description = $"Address to listen on (${HostVariable} when set, else loopback). Loopback unless you need otherwise.", DefaultValueFactory = _ => DefaultHost() };
        var seed = new Option<int>("--seed") { Description = "Seed of the generated estate (same seed, same jobs).", DefaultValueFactory = _ => 42 };
        var jobs = new Option<int>("--jobs") { Description = "How many jobs to generate.", DefaultValueFactory = _ => 500 }.Within(0, 10_000_000);
        var fixture = new Option<FileInfo?>("--fixture") { Description = "A fixture file to serve instead of a generated estate (keeps its recorded times)." };
        var now = new Option<string?>("--now") { Description = "Where the clock starts: ISO-8601 instant or epoch milliseconds (default: the current time)." };
        var clock = new Option<string>("--clock") { Description = "system: time flows; manual: time stands still until moved.", DefaultValueFactory = _ => "system" };
        clock.AcceptOnlyFromAmong("system", "manual");
        var token = new Option<string?>("--token") { Description = "Require this value in the X-KylinMock-Token header on the control API (/__kylinmock/)." };
        var parent = new Option<int[]>("--exit-with-parent") { Description = "Stop when a process with one of these ids ends (run-mock.ps1 passes its own).", Hidden = true };
        var maxFixture = new Option<long>("--max-fixture-mb") { Description = "Refuse fixture files larger than this many MiB.", DefaultValueFactory = _ => 8192 }.Within(1, 1_048_576L);
        var maxBody = new Option<long>("--max-body-mb") { Description = "Refuse Kylin request bodies larger than this many MiB (413).", DefaultValueFactory = _ => 32 }.Within(1, 1_048_576L);
        var maxPage = new Option<int>("--max-page-size") { Description = "Refuse a job list whose page would hold more jobs than this (400; Kylin has no ceiling).", DefaultValueFactory = _ => 100_000 }.Within(1, int.MaxValue);
        var journal = new Option<int>("--journal") { Description = "How many requests the journal keeps (oldest forgotten; 0 = off).", DefaultValueFactory = _ => 1000 }.Within(0, 10_000_000);
        var notifier = new Option<string?>("--job-finished-notifier-url") { Description = "Kylin's kylin.job.finished-notifier-url: POST each job whose run ends there." };
        var factRows = new Option<long>("--fact-rows") { Description = "Rows generated for each model's fact table on the first query (the SQL engine).", DefaultValueFactory = _ => 1_000 }.Within(0, 100_000_000L);
        var lookupRows = new Option<long>("--lookup-rows") { Description = "Rows generated for every other table.", DefaultValueFactory = _ => 100 }.Within(0, 100_000_000L);
        var kylin = new Option<int>("--kylin") { Description = "Which Kylin to be: 5 (v4/v2 API) or 4 (the legacy v1 API: plain JSON, cubes, Kylin 4's jobs).", DefaultValueFactory = _ => 5 };
        kylin.AcceptOnlyFromAmong("4", "5");
        var command = new Command("serve", "Serve the Kylin 5 Job API (or with --kylin 4, Kylin 4's v1 API) at http://HOST:PORT/kylin/api until Ctrl+C or SIGTERM.")
        {
            port, host, seed, jobs, fixture, now, clock, token, journal, maxBody, maxPage, maxFixture, notifier, kylin, factRows, lookupRows, parent,
        };
        command.SetAction(async (parse, cancel) =>
        {
            var start = DateTimeOffset.UtcNow;
            if (parse.GetValue(now) is { } nowText && !InstantParser.TryParse("--now", nowText, out start, out var error))
            {
                await Console.Error.WriteLineAsync("kylin-mock: " + error);
                return BadInput;
            }

            if (!ClockRange.Contains(start))
            {
                await Console.Error.WriteLineAsync($"kylin-mock: --now \"{start.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}\" is outside the clock's range, {ClockRange.Earliest.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'} to {ClockRange.Latest.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}.");
                return BadInput;
            }

            Uri? notifierUrl = null;
            if (parse.GetValue(notifier) is { } notifierText
                && !(Uri.TryCreate(notifierText, UriKind.Absolute, out notifierUrl) && (notifierUrl.Scheme == Uri.UriSchemeHttp || notifierUrl.Scheme == Uri.UriSchemeHttps)))
            {
                await Console.Error.WriteLineAsync($"kylin-mock: --job-finished-notifier-url \"{notifierText}\" is not an http or https URL.");
                return BadInput;
            }

            TimeProvider time = parse.GetValue(clock) == "manual"
                ? new ManualClock(start)
                : new OffsetSystemClock(start);
            var options = new KylinMockOptions
            {
                Port = parse.GetValue(port),
                Host = parse.GetValue(host)!,
                Seed = parse.GetValue(seed),
                JobCount = parse.GetValue(jobs),
                FixturePath = parse.GetValue(fixture)?.FullName,
                Clock = time,
                ControlToken = parse.GetValue(token),
                JournalCapacity = parse.GetValue(journal),
                MaxRequestBodyBytes = parse.GetValue(maxBody) * 1024 * 1024,
                MaxFixtureBytes = parse.GetValue(maxFixture) * 1024 * 1024,
                MaxPageSize = parse.GetValue(maxPage),
                JobFinishedNotifierUrl = notifierUrl,
                KylinVersion = parse.GetValue(kylin),
                SqlEngine = new KylinMock.Sql.DuckDbSqlEngine { FactRows = parse.GetValue(factRows), LookupRows = parse.GetValue(lookupRows) },
            };
            return await Serve(options, parse.GetValue(parent), cancel);
        });
        return command;
    }

    private static async Task<int> Serve(KylinMockOptions options, int[]? parentIds, CancellationToken cancel)
    {
        // The handlers are in place before the server starts, so a signal during a long fixture load
        // or right after the readiness line is never lost: it stops the server as soon as it is up.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }

        KylinMockServer server;
        try
        {
            server = KylinMockServer.Start(options);
        }
        catch (FixtureException e)
        {
            await Console.Error.WriteLineAsync("kylin-mock: " + e.Message);
            return BadInput;
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync("kylin-mock: " + FirstLine(e.Message));
            return BadInput;
        }
        catch (IOException e)
        {
            await Console.Error.WriteLineAsync("kylin-mock: " + char.ToLowerInvariant(e.Message[0]) + e.Message[1..]);
            return PortUnavailable;
        }

        foreach (var id in parentIds ?? [])
        {
            _ = ParentWatch.StopWhenGone(id, stop);
        }

        using (server)
        {
            if (!IsLoopback(options.Host))
            {
                Console.WriteLine($"kylin-mock: listening on {options.Host}, reachable from other machines.");
            }

            if (InheritedSignals.SigintIgnored())
            {
                // .NET keeps a SIGINT inherited as ignored ignored (as a background job of a script is
                // started), so Ctrl+C and kill -INT cannot reach the handler above; SIGTERM always can.
                Console.WriteLine("kylin-mock: SIGINT is ignored (inherited from the launching process); stop with SIGTERM.");
            }

            Console.WriteLine($"KylinMock listening on {server.Url} ({server.Jobs.Count} jobs). Press Ctrl+C to stop.");
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token);
            }
            catch (OperationCanceledException)
            {
                Console.WriteLine("KylinMock stopped.");
            }
        }

        return 0;
    }

    // A container has no loopback shared with its host: its image says where to listen, --host still wins.
    private static string DefaultHost() =>
        Environment.GetEnvironmentVariable(HostVariable) is { Length: > 0 } host ? host : "127.0.0.1";

    // Any loopback address (127.0.0.0/8, ::1) or localhost is this machine only.
    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (System.Net.IPAddress.TryParse(host, out var address) && System.Net.IPAddress.IsLoopback(address));

    private static string FirstLine(string message) => message.Split('\n', 2)[0].TrimEnd('\r');
}
