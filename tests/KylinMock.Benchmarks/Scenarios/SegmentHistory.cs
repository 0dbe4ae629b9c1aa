using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using KylinMock.Benchmarks.Harness;
using KylinMock.Jobs;
using KylinMock.Models;

namespace KylinMock.Benchmarks.Scenarios;

/// <summary>
/// Issue 23, item 8, as it was reproduced: (1) one model with 7,700 READY segments, <c>GET .../segments?page_size=10</c>
/// against the same model with 10 segments; (2) 2,100 builds of one model with the clock standing still (every job stays
/// pending), the last 100 builds' latency against the first 100's. Both ratios say whether a request's cost grows with
/// the model's history.
/// </summary>
internal static class SegmentHistory
{
    private const long Day = 86_400_000;

    public static async Task<IEnumerable<ScenarioRow>> Run(BenchSettings settings)
    {
        var many = settings.Pick(7_700, 500);
        var pages = settings.Pick(40, 5);
        var few = await PageLatency(10, pages);
        var big = await PageLatency(many, pages);
        Bench.Log($"segments page: {few.Median:0.###} ms at 10 segments, {big.Median:0.###} ms at {many:N0}");

        var builds = settings.Pick(2_100, 300);
        var (first, last) = await PendingBuilds(builds);
        Bench.Log($"pending builds: first 100 {first.Median:0.###} ms, last 100 {last.Median:0.###} ms");
        return
        [
            new ScenarioRow("segments_page_history", $"GET segments?page_size=10 at {many:N0} segments vs 10 (one model)",
                new Measurement($"{many:N0} segments", "ms", big), new Measurement("10 segments", "ms", few), Ratio(big, few), null)
            {
                Extra = new Dictionary<string, object> { ["segments"] = many, ["requests"] = pages },
            },
            new ScenarioRow("pending_builds_history", $"Build latency: last 100 of {builds:N0} pending builds of one model vs first 100 (clock still)",
                new Measurement("last 100", "ms", last), new Measurement("first 100", "ms", first), Ratio(last, first), null)
            {
                Extra = new Dictionary<string, object> { ["builds"] = builds },
            },
        ];
    }

    private static Summary Ratio(Summary a, Summary b)
    {
        var r = a.Median / b.Median;
        return new Summary(r, r, r, r, r, [r]);
    }

    private static (KylinMockServer Server, DataModel Model) Start(IEnumerable<Segment> segments, Func<DataModel, IEnumerable<Segment>> make)
    {
        var server = KylinMockServer.Start(new KylinMockOptions
        {
            Clock = new StillClock(Reference.Now),
            Estate = new Estate([new Project("bench")], []) { Models = ModelEstate.Empty },
            MaxRunningJobsPerProject = 1_000_000,
        });
        var model = new DataModel
        {
            Uuid = StableHash.Uuid("bench:history"), Alias = "history", Project = "bench", FactTable = "DEFAULT.FACT",
            PartitionDesc = new PartitionDesc("FACT.DT", "yyyy-MM-dd"), TotalIndexes = 3,
        };
        server.Models.Add(model, segments.Concat(make(model)));
        return (server, model);
    }

    private static async Task<Summary> PageLatency(int count, int requests)
    {
        var origin = Reference.Now.ToUnixTimeMilliseconds() / Day * Day - ((count + 10L) * Day);
        var (server, model) = Start([], m => Enumerable.Range(0, count).Select(i => new Segment
        {
            Id = StableHash.Uuid("seg:" + i), ModelUuid = m.Uuid, Name = "s" + i, Start = origin + (i * Day), End = origin + ((i + 1) * Day),
            Status = SegmentStatus.READY, IndexCount = 3, IndexCountTotal = 3, CreateTime = origin, LastBuildTime = origin,
        }));
        using (server)
        {
            using var client = LoadLoop.Client(server.Url, 1);
            var times = new List<double>();
            for (var i = -3; i < requests; i++)
            {
                var clock = Stopwatch.StartNew();
                var (status, _) = await LoadLoop.Once(client, new HttpRequestMessage(HttpMethod.Get, $"/kylin/api/models/{model.Alias}/segments?project=bench&page_size=10"));
                if ((int)status != 200)
                {
                    throw new InvalidOperationException($"segments answered {(int)status}");
                }

                if (i >= 0)
                {
                    times.Add(clock.Elapsed.TotalMilliseconds);
                }
            }

            return Summary.Of(times);
        }
    }

    private static async Task<(Summary First, Summary Last)> PendingBuilds(int builds)
    {
        var origin = Reference.Now.ToUnixTimeMilliseconds() / Day * Day - ((builds + 10L) * Day);
        var (server, model) = Start([], _ => []);
        using (server)
        {
            using var client = LoadLoop.Client(server.Url, 1);
            var times = new List<double>();
            for (var i = 0; i < builds; i++)
            {
                var content = new ByteArrayContent(Encoding.UTF8.GetBytes($"{{\"project\":\"bench\",\"start\":\"{origin + (i * Day)}\",\"end\":\"{origin + ((i + 1) * Day)}\"}}"));
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                var clock = Stopwatch.StartNew();
                var (status, body) = await LoadLoop.Once(client, new HttpRequestMessage(HttpMethod.Post, $"/kylin/api/models/{model.Alias}/segments") { Content = content });
                times.Add(clock.Elapsed.TotalMilliseconds);
                if ((int)status != 200)
                {
                    throw new InvalidOperationException($"build {i} answered {(int)status}: {Encoding.UTF8.GetString(body)}");
                }
            }

            var unfinished = server.Jobs.Snapshot().Count(j => j.Status is not (JobStatus.FINISHED or JobStatus.DISCARDED));
            if (unfinished != builds)
            {
                throw new InvalidOperationException($"{unfinished} of {builds} builds pending: the clock moved");
            }

            return (Summary.Of(times.Skip(10).Take(100)), Summary.Of(times.TakeLast(100)));
        }
    }
}

/// <summary>A clock standing still: every job the scenario makes stays pending.</summary>
internal sealed class StillClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
