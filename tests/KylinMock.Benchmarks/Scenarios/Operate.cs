using System.Net.Http.Headers;
using System.Text;
using KylinMock.Benchmarks.Harness;
using KylinMock.Jobs;

namespace KylinMock.Benchmarks.Scenarios;

/// <summary>
/// <c>PUT /kylin/api/jobs/status</c> at concurrency 8: each worker alternates PAUSE and RESUME on jobs
/// of its own (PENDING or RUNNING, so both actions stay legal), against a static stub answering the same bytes.
/// </summary>
internal static class Operate
{
    private const string Path = "/kylin/api/jobs/status";
    private const int Concurrency = 8;

    public static async Task<IEnumerable<ScenarioRow>> Run(BenchSettings settings)
    {
        var jobs = 10_000;
        using var kylin = KylinMockServer.Start(new KylinMockOptions { Clock = new FixedClock(Reference.Now), JobCount = jobs, Seed = 42 });
        var live = kylin.Jobs.Snapshot().Where(j => j.Status is JobStatus.PENDING or JobStatus.RUNNING).Select(j => j.Id).ToArray();
        var mine = Enumerable.Range(0, Concurrency).Select(w => live.Where((_, i) => i % Concurrency == w).ToArray()).ToArray();
        byte[] Body(string action, string id) => Encoding.UTF8.GetBytes($"{{\"action\":\"{action}\",\"job_ids\":[\"{id}\"]}}");
        var pause = mine.Select(ids => ids.Select(id => Body("PAUSE", id)).ToArray()).ToArray();
        var resume = mine.Select(ids => ids.Select(id => Body("RESUME", id)).ToArray()).ToArray();
        HttpRequestMessage Request(int worker, long n)
        {
            var index = (int)(n / 2 % pause[worker].Length);
            var content = new ByteArrayContent(n % 2 == 0 ? pause[worker][index] : resume[worker][index]);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return new HttpRequestMessage(HttpMethod.Put, Path) { Content = content };
        }

        using var kylinClient = LoadLoop.Client(kylin.Url, Concurrency);
        var (status, answer) = await LoadLoop.Once(kylinClient, Request(0, 0));
        var (back, _) = await LoadLoop.Once(kylinClient, Request(0, 1));
        if ((int)status != 200 || (int)back != 200)
        {
            throw new InvalidOperationException($"PAUSE answered {(int)status}, RESUME {(int)back}");
        }

        var canned = new CannedAnswer("PUT", Path, 200, "application/vnd.apache.kylin-v4-public+json", answer);
        using var stub = StaticStub.Start(canned);
        await using var kestrel = await BareKestrel.Start(canned);
        using var stubClient = LoadLoop.Client(stub.Url, Concurrency);
        using var kestrelClient = LoadLoop.Client(kestrel.Url, Concurrency);

        var time = TimeSpan.FromSeconds(settings.Pick(2.0, 0.3));
        var count = settings.Pick(200_000L, 5_000L);
        Func<Task<double>> Side(HttpClient client, bool isMock) => async () =>
        {
            var result = await LoadLoop.Run(client, Concurrency, count, time, Request);
            if (isMock)
            {
                // A run can stop between a worker's PAUSE and its RESUME: start the next from the loaded estate.
                kylin.Reset();
            }

            return result.Failed == 0 ? result.PerSecond : throw new InvalidOperationException($"{result.Failed} requests failed");
        };

        Bench.Log($"operate: {live.Length} PENDING/RUNNING jobs of {jobs}, concurrency {Concurrency}");
        var r = await Bench.Alternate(1, settings.Pick(9, 3), Side(kylinClient, true), Side(stubClient, false), Side(kestrelClient, false));
        var mock = new Measurement("KylinMock", "req/s", Summary.Of(r[0]));
        var wireMock = new Measurement("static WireMock stub", "req/s", Summary.Of(r[1]));
        var bare = new Measurement("bare Kestrel", "req/s", Summary.Of(r[2]));
        var extra = new Dictionary<string, object> { ["jobs"] = jobs, ["operated_jobs"] = live.Length, ["concurrency"] = Concurrency };
        return
        [
            new ScenarioRow("operate_throughput", "Operate throughput (PAUSE/RESUME, c=8) vs static WireMock stub", mock, wireMock, Bench.Ratios(r[0], r[1]), Target.RatioAtLeast(0.7)) { Extra = extra },
            new ScenarioRow("operate_throughput_vs_kestrel", "Operate throughput (PAUSE/RESUME, c=8) vs bare Kestrel", mock, bare, Bench.Ratios(r[0], r[2]), null),
        ];
    }
}
