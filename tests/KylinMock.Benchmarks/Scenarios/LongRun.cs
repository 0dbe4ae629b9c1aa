using System.Diagnostics;
using System.Text.RegularExpressions;
using KylinMock.Benchmarks.Harness;

namespace KylinMock.Benchmarks.Scenarios;

/// <summary>
/// Many requests against one standalone <c>kylin-mock serve</c> process (10,000 jobs, journal of 1,000,
/// system clock): per tenth of the run its throughput and the process's resident memory (VmRSS).
/// </summary>
internal static partial class LongRun
{
    /// <summary>The stated bound on the standalone process's resident memory.</summary>
    public const double MemoryBoundMiB = 512;

    private const int Concurrency = 8;
    private const int Slices = 10;

    public static async Task<IEnumerable<ScenarioRow>> Run(BenchSettings settings)
    {
        var total = settings.LongRunRequests;
        var dll = CliDll();
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { dll, "serve", "--port", "0", "--jobs", "10000", "--journal", "1000" })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start " + dll);
        try
        {
            var url = await Ready(process);
            Bench.Log($"long run: {total:N0} requests against pid {process.Id} at {url}");
            using var client = LoadLoop.Client(url, Concurrency);
            HttpRequestMessage Request(int worker, long n) => new(HttpMethod.Get, $"/kylin/api/jobs?time_filter=4&page_size=10&page_offset={(n + worker) % 10}");
            // Tiered compilation settles over the first seconds under load: the slices start after it.
            var warm = await LoadLoop.Run(client, Concurrency, settings.Pick(150_000, 1_000), TimeSpan.FromSeconds(settings.Pick(30, 2)), Request);
            var startRss = RssMiB(process.Id, "VmRSS");
            var throughput = new List<double>();
            var rss = new List<double>();
            long failed = warm.Failed;
            for (var slice = 0; slice < Slices; slice++)
            {
                var result = await LoadLoop.Run(client, Concurrency, total / Slices, TimeSpan.FromMinutes(10), Request);
                failed += result.Failed;
                throughput.Add(result.PerSecond);
                rss.Add(RssMiB(process.Id, "VmRSS"));
                Bench.Log($"long run: slice {slice + 1}/{Slices}: {result.PerSecond:N0} req/s, RSS {rss[^1]:N0} MiB");
            }

            var peak = RssMiB(process.Id, "VmHWM");
            if (failed > 0)
            {
                throw new InvalidOperationException($"{failed} requests failed in the long run");
            }

            var first = new Summary(throughput[0], throughput[0], throughput[0], throughput[0], throughput[0], [throughput[0]]);
            var last = new Summary(throughput[^1], throughput[^1], throughput[^1], throughput[^1], throughput[^1], [throughput[^1]]);
            var ratio = throughput[^1] / throughput[0];
            var extra = new Dictionary<string, object>
            {
                ["requests"] = total,
                ["concurrency"] = Concurrency,
                ["throughput_per_slice"] = throughput.Select(t => Math.Round(t)).ToArray(),
                ["rss_mib_per_slice"] = rss.Select(m => Math.Round(m, 1)).ToArray(),
                ["rss_mib_before_first_slice"] = Math.Round(startRss, 1),
                ["peak_rss_mib"] = Math.Round(peak, 1),
            };
            var note = $"{total:N0} requests ({Slices} slices) after {warm.Completed:N0} warm-up requests";
            return
            [
                new ScenarioRow("long_run_throughput", "Long run: last 10% throughput vs first 10%", new Measurement("last tenth", "req/s", last), new Measurement("first tenth", "req/s", first), new Summary(ratio, ratio, ratio, ratio, ratio, [ratio]), Target.RatioAtLeast(0.9))
                {
                    Extra = extra,
                    Note = note,
                },
                new ScenarioRow("long_run_memory", $"Long run: resident memory per tenth (bound {MemoryBoundMiB} MiB)", new Measurement("VmRSS per tenth", "MiB", Summary.Of(rss)), null, null, Target.MaxAtMost(MemoryBoundMiB, "MiB"))
                {
                    Note = $"peak (VmHWM) {peak:0} MiB; max per-tenth RSS {rss.Max():0} MiB",
                    Extra = new Dictionary<string, object> { ["peak_rss_mib"] = Math.Round(peak, 1), ["max_rss_mib"] = Math.Round(rss.Max(), 1) },
                },
            ];
        }
        finally
        {
            Stop(process);
        }
    }

    // The CLI's own build output (its runtimeconfig and deps), built with the same configuration as this harness.
    private static string CliDll()
    {
#if DEBUG
        const string configuration = "Debug";
#else
        const string configuration = "Release";
#endif
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KylinMock.sln")))
            {
                return Path.Combine(dir.FullName, "src", "KylinMock.Cli", "bin", configuration, "net10.0", "kylin-mock.dll");
            }
        }

        throw new InvalidOperationException("KylinMock.sln not found above " + AppContext.BaseDirectory);
    }

    internal static async Task<string> Ready(Process process)
    {
        var ready = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new List<string>();
        void Line(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.Add(line);
            }

            if (ReadinessLine().Match(line) is { Success: true } m)
            {
                ready.TrySetResult(m.Groups[1].Value);
            }
        }

        process.OutputDataReceived += (_, e) => Line(e.Data);
        process.ErrorDataReceived += (_, e) => Line(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        // A process that ends before its readiness line will never print it.
        _ = process.WaitForExitAsync().ContinueWith(_ => ready.TrySetCanceled(), TaskScheduler.Default);
        try
        {
            return await ready.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch (Exception e) when (e is TimeoutException or TaskCanceledException)
        {
            lock (output)
            {
                throw new InvalidOperationException("kylin-mock did not become ready:\n" + string.Join('\n', output), e);
            }
        }
    }

    internal static double RssMiB(int pid, string field)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                var kb = long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
                return kb / 1024.0;
            }
        }

        return double.NaN;
    }

    internal static void Stop(Process process)
    {
        if (process.HasExited)
        {
            return;
        }

        // SIGTERM, as a script would stop it (the process was started here; it is addressed by its id).
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        if (!process.WaitForExit(10_000))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    [GeneratedRegex(@"KylinMock listening on (\S+)")]
    private static partial Regex ReadinessLine();
}
