using System.Net.Http.Headers;
using System.Text;
using KylinMock.Benchmarks.Harness;
using KylinMock.Jobs;
using KylinMock.Models;

namespace KylinMock.Benchmarks.Scenarios;

/// <summary>
/// The whole build cycle at concurrency 8 over 1,000 partitioned models (issue 13, item 9): each cycle is
/// <c>POST /kylin/api/models/{m}/segments</c> for the model's next day, the clock moving (one millisecond
/// at every reading, and the build's plan due at once), then <c>GET .../segments</c> reading the segment
/// READY. The baseline is a static stub answering the same build request.
/// </summary>
internal static class BuildCycle
{
    private const int Concurrency = 8;
    private const int Models = 1_000;
    private const long Day = 86_400_000;
    private static readonly JobPlan AtOnce = JobPlan.Succeeds(0, new long[32]);

    public static async Task<IEnumerable<ScenarioRow>> Run(BenchSettings settings)
    {
        var start = Reference.Now;
        var (kylinServer, aliases, uuids) = StartWithModels(start, Models);
        using var kylin = kylinServer;

        var next = new long[Models];
        var origin = start.ToUnixTimeMilliseconds() / Day * Day - (10_000 * Day);
        HttpRequestMessage Request(int worker, long n)
        {
            // Worker w owns models w, w+8, ...; even n builds the model's next day, odd n reads its segments.
            var model = (int)((worker + (n / 2 * Concurrency)) % Models);
            if (n % 2 == 1)
            {
                return new HttpRequestMessage(HttpMethod.Get, $"/kylin/api/models/{aliases[model]}/segments?project=bench&page_size=1&sort_by=end_time");
            }

            kylin.Models.ScriptNextJob(uuids[model], AtOnce);
            var day = next[model]++;
            var body = $"{{\"project\":\"bench\",\"start\":\"{origin + (day * Day)}\",\"end\":\"{origin + ((day + 1) * Day)}\"}}";
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return new HttpRequestMessage(HttpMethod.Post, $"/kylin/api/models/{aliases[model]}/segments") { Content = content };
        }

        using var kylinClient = LoadLoop.Client(kylin.Url, Concurrency);
        var (status, answer) = await LoadLoop.Once(kylinClient, Request(0, 0));
        var (read, segments) = await LoadLoop.Once(kylinClient, Request(0, 1));
        if ((int)status != 200 || (int)read != 200 || !Encoding.UTF8.GetString(segments).Contains("\"status\":\"READY\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"build answered {(int)status} {Encoding.UTF8.GetString(answer)}, segments {(int)read}: {Encoding.UTF8.GetString(segments)}");
        }

        var canned = new CannedAnswer("POST", "/kylin/api/models/model_0000/segments", 200, "application/vnd.apache.kylin-v4-public+json", answer);
        using var stub = StaticStub.Start(canned);
        using var stubClient = LoadLoop.Client(stub.Url, Concurrency);
        HttpRequestMessage StubRequest(int worker, long n)
        {
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"project\":\"bench\",\"start\":\"1\",\"end\":\"2\"}"));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return new HttpRequestMessage(HttpMethod.Post, "/kylin/api/models/model_0000/segments") { Content = content };
        }

        var time = TimeSpan.FromSeconds(settings.Pick(2.0, 0.3));
        var count = settings.Pick(200_000L, 4_000L);
        async Task<double> Mock()
        {
            var result = await LoadLoop.Run(kylinClient, Concurrency, count, time, Request);
            return result.Failed == 0 ? result.PerSecond / 2 : throw new InvalidOperationException($"{result.Failed} requests failed");
        }

        async Task<double> Stub()
        {
            var result = await LoadLoop.Run(stubClient, Concurrency, count, time, StubRequest);
            return result.Failed == 0 ? result.PerSecond : throw new InvalidOperationException($"{result.Failed} requests failed");
        }

        Bench.Log($"build cycle: {Models} models, concurrency {Concurrency}");
        var r = await Bench.Alternate(1, settings.Pick(9, 3), Mock, Stub);
        var jobs = kylin.Jobs.Snapshot();
        var finished = jobs.Count(j => j.Status == JobStatus.FINISHED);
        var ready = kylin.Models.List("bench").Sum(m => kylin.Models.Segments(m.Uuid).Count(s => s.Segment.Status == SegmentStatus.READY));
        if (finished != jobs.Count || ready != jobs.Count)
        {
            throw new InvalidOperationException($"{jobs.Count} jobs: {finished} FINISHED, {ready} READY segments");
        }

        var extra = new Dictionary<string, object> { ["models"] = Models, ["concurrency"] = Concurrency, ["cycles"] = jobs.Count };
        return
        [
            new ScenarioRow("build_cycle", "Build cycle (POST segments, clock, FINISHED, READY; c=8, 1,000 models)", new Measurement("KylinMock", "cycles/s", Summary.Of(r[0])),
                new Measurement("static WireMock stub (the build request)", "req/s", Summary.Of(r[1])), Bench.Ratios(r[0], r[1]), Target.MedianAtLeast(500, "cycles/s")) { Extra = extra },
        ];
    }

    /// <summary>A server on a stepping clock with <paramref name="count"/> empty partitioned models in project "bench" (model_0000, ...).</summary>
    internal static (KylinMockServer Server, string[] Aliases, string[] Uuids) StartWithModels(DateTimeOffset start, int count)
    {
        var kylin = KylinMockServer.Start(new KylinMockOptions
        {
            Clock = new SteppingClock(start),
            Estate = new Estate([new Project("bench")], []) { Models = ModelEstate.Empty },
            MaxRunningJobsPerProject = 1_000_000,
        });
        var aliases = Enumerable.Range(0, count).Select(i => "model_" + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var uuids = aliases.Select(a => KylinMock.Jobs.StableHash.Uuid("bench:" + a)).ToArray();
        for (var i = 0; i < count; i++)
        {
            kylin.Models.Add(new DataModel
            {
                Uuid = uuids[i], Alias = aliases[i], Project = "bench", FactTable = "DEFAULT.FACT",
                PartitionDesc = new PartitionDesc("FACT.DT", "yyyy-MM-dd"), TotalIndexes = 3,
            });
        }

        return (kylin, aliases, uuids);
    }
}
