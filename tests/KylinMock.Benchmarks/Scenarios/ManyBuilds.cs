using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using KylinMock.Benchmarks.Harness;
using KylinMock.Jobs;
using KylinMock.Models;

namespace KylinMock.Benchmarks.Scenarios;

/// <summary>
/// Issue 23: 100,000 builds through the API (1,000 partitioned models, 100 days each, concurrency 8, each build's job
/// due at once on a clock moving a millisecond at every reading): per tenth of the run, the harness process's resident
/// memory (the server is embedded) and the job list's latency (<c>GET /kylin/api/jobs?time_filter=4&amp;page_size=10</c>,
/// the median of 20). The list's last tenth against its first says whether it grows with the history.
/// </summary>
internal static class ManyBuilds
{
    private const int Concurrency = 8;
    private const int Models = 1_000;
    private const int Slices = 10;
    private const long Day = 86_400_000;
    private static readonly JobPlan AtOnce = JobPlan.Succeeds(0, new long[3]);

    public static async Task<IEnumerable<ScenarioRow>> Run(BenchSettings settings)
    {
        var total = settings.Pick(100_000, 2_000);
        var start = Reference.Now;
        var (kylinServer, aliases, uuids) = BuildCycle.StartWithModels(start, Models);
        using var kylin = kylinServer;
        var origin = start.ToUnixTimeMilliseconds() / Day * Day - ((total / Models + 10L) * Day);
        long issued = -1;
        HttpRequestMessage Build(int worker, long n)
        {
            var k = Interlocked.Increment(ref issued);
            var model = (int)(k % Models);
            var day = k / Models;
            kylin.Models.ScriptNextJob(uuids[model], AtOnce);
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes($"{{\"project\":\"bench\",\"start\":\"{origin + (day * Day)}\",\"end\":\"{origin + ((day + 1) * Day)}\"}}"));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return new HttpRequestMessage(HttpMethod.Post, $"/kylin/api/models/{aliases[model]}/segments") { Content = content };
        }

        using var client = LoadLoop.Client(kylin.Url, Concurrency);
        using var lister = LoadLoop.Client(kylin.Url, 1);
        var pid = Environment.ProcessId;
        var rss = new List<double>();
        var lists = new List<Summary>();
        var rates = new List<double>();
        for (var slice = 0; slice < Slices; slice++)
        {
            var result = await LoadLoop.Run(client, Concurrency, total / Slices, TimeSpan.FromMinutes(30), Build);
            if (result.Failed > 0)
            {
                throw new InvalidOperationException($"{result.Failed} builds failed");
            }

            rates.Add(result.PerSecond);
            lists.Add(await ListLatency(lister));
            GC.Collect();
            rss.Add(LongRun.RssMiB(pid, "VmRSS"));
            Bench.Log($"many builds: {(slice + 1) * (total / Slices):N0} builds, {result.PerSecond:N0} builds/s, list {lists[^1].Median:0.###} ms, RSS {rss[^1]:N0} MiB");
        }

        var jobs = kylin.Jobs.Snapshot();
        if (jobs.Count != total || jobs.Any(j => j.Status != JobStatus.FINISHED))
        {
            throw new InvalidOperationException($"{jobs.Count} jobs of {total}, {jobs.Count(j => j.Status == JobStatus.FINISHED)} FINISHED");
        }

        var peak = LongRun.RssMiB(pid, "VmHWM");
        var ratio = lists[^1].Median / lists[0].Median;
        var extra = new Dictionary<string, object>
        {
            ["builds"] = total,
            ["models"] = Models,
            ["concurrency"] = Concurrency,
            ["builds_per_second_per_slice"] = rates.Select(r => Math.Round(r)).ToArray(),
            ["list_median_ms_per_slice"] = lists.Select(l => Math.Round(l.Median, 3)).ToArray(),
            ["rss_mib_per_slice"] = rss.Select(m => Math.Round(m, 1)).ToArray(),
            ["peak_rss_mib"] = Math.Round(peak, 1),
        };
        return
        [
            new ScenarioRow("many_builds_list", $"Job list latency after {total:N0} API builds: last tenth vs first", new Measurement("last tenth", "ms", lists[^1]), new Measurement("first tenth", "ms", lists[0]), new Summary(ratio, ratio, ratio, ratio, ratio, [ratio]), null)
            {
                Extra = extra,
                Note = $"builds/s per tenth {string.Join(", ", rates.Select(r => r.ToString("0", System.Globalization.CultureInfo.InvariantCulture)))}",
            },
            new ScenarioRow("many_builds_memory", $"Resident memory per tenth of {total:N0} API builds (harness process, server embedded)", new Measurement("VmRSS per tenth", "MiB", Summary.Of(rss)), null, null, null)
            {
                Note = $"peak (VmHWM) {peak:0} MiB",
            },
        ];
    }

    private static async Task<Summary> ListLatency(HttpClient client)
    {
        var times = new List<double>();
        for (var i = -2; i < 20; i++)
        {
            var clock = Stopwatch.StartNew();
            var (status, _) = await LoadLoop.Once(client, new HttpRequestMessage(HttpMethod.Get, "/kylin/api/jobs?time_filter=4&page_size=10"));
            if ((int)status != 200)
            {
                throw new InvalidOperationException($"the job list answered {(int)status}");
            }

            if (i >= 0)
            {
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        return Summary.Of(times);
    }
}
