using System.Diagnostics;
using KylinMock.Benchmarks.Harness;
using KylinMock.Fixtures;
using KylinMock.Http;
using KylinMock.Jobs;
using KylinMock.Query;

namespace KylinMock.Benchmarks.Scenarios;

/// <summary>
/// <c>statuses=ERROR,RUNNING&amp;sort_by=total_duration&amp;page_size=20</c> over a million jobs: one
/// request's latency against one bare pass over the same live jobs (read each job's state and a field,
/// the floor for an unindexed filter); also the in-process query path (store read, query, JSON).
/// </summary>
internal static class ListAtScale
{
    private const string PathAndQuery = "/kylin/api/jobs?statuses=ERROR,RUNNING&sort_by=total_duration&page_size=20&time_filter=4";

    public static async Task<IEnumerable<ScenarioRow>> Run(BenchSettings settings)
    {
        var count = settings.Pick(1_000_000, 20_000);
        var reference = Reference.Now;
        Bench.Log($"list at scale: generating {count:N0} jobs");
        var estate = JobGenerator.Generate(42, count, reference);
        // A clock that moves (from the estate's instant, in real time): every request is a new millisecond,
        // so each one runs the query (a clock standing still would be answered from the list cache).
        using var kylin = KylinMockServer.Start(new KylinMockOptions { Clock = new MovingClock(reference), Estate = estate });
        estate = null;
        Bench.Settle();
        var filter = new JobFilter { Statuses = ["ERROR", "RUNNING"], SortBy = "total_duration", PageSize = 20, TimeFilter = 4 };
        using var client = LoadLoop.Client(kylin.Url, 1);

        var (status, body) = await LoadLoop.Once(client, new HttpRequestMessage(HttpMethod.Get, PathAndQuery));
        var inProcess = GetJobListProvider.Answer(kylin.Jobs, TimeZoneInfo.Utc, filter);
        if ((int)status != 200 || Count(body) != 20 || Count(inProcess) != 20)
        {
            throw new InvalidOperationException($"HTTP answered {(int)status}, or not a page of 20 jobs");
        }

        long sink = 0;
        Task<double> Bare() => Task.FromResult(Bench.Ms(() => sink += BarePass(kylin.Jobs)));
        Task<double> InProcess() => Task.FromResult(Bench.Ms(() => sink += GetJobListProvider.Answer(kylin.Jobs, TimeZoneInfo.Utc, filter).Length));
        async Task<double> Http()
        {
            var clock = Stopwatch.StartNew();
            var (s, b) = await LoadLoop.Once(client, new HttpRequestMessage(HttpMethod.Get, PathAndQuery));
            var ms = clock.Elapsed.TotalMilliseconds;
            return (int)s == 200 ? ms : throw new InvalidOperationException($"HTTP answered {(int)s}");
        }

        Bench.Log($"list at scale: {count:N0} jobs, alternating bare pass / HTTP / in-process");
        // A long warm-up: the query runs once per request, so it takes a few dozen requests to reach its optimized code.
        var r = await Bench.Alternate(settings.Pick(15, 2), settings.Pick(21, 5), Bare, Http, InProcess);
        GC.KeepAlive(sink);
        var bare = new Measurement("bare pass over the jobs", "ms", Summary.Of(r[0]));
        var http = new Measurement("KylinMock over HTTP", "ms", Summary.Of(r[1]));
        var query = new Measurement("in-process: store read + query + JSON", "ms", Summary.Of(r[2]));
        var extra = new Dictionary<string, object> { ["jobs"] = count, ["matching"] = Matching(kylin.Jobs), ["answer_bytes"] = body.Length };
        var scaled = settings.Smoke ? "smoke: 20,000 jobs" : null;
        return
        [
            new ScenarioRow("list_at_scale_http", "List at scale (1M jobs), one HTTP request vs one bare pass", http, bare, Bench.Ratios(r[1], r[0]), Target.RatioAtMost(3)) { Extra = extra, Note = scaled },
            new ScenarioRow("list_at_scale_in_process", "List at scale (1M jobs), in-process query path vs one bare pass", query, bare, Bench.Ratios(r[2], r[0]), null) { Note = scaled },
        ];
    }

    // The floor for an unindexed filter: touch every job under the store's lock, read its state and, for a match, a field.
    internal static long BarePass(JobStore store) => store.Read(view => BarePass(view.Jobs));

    private static long BarePass(ReadOnlySpan<Job> jobs)
    {
        long sum = 0;
        for (var i = 0; i < jobs.Length; i++)
        {
            var job = jobs[i];
            if (job.State is ExecutableState.ERROR or ExecutableState.RUNNING)
            {
                sum += job.CreateTime;
            }
        }

        return sum;
    }

    private static int Count(byte[] answer) =>
        System.Text.Json.JsonDocument.Parse(answer).RootElement.GetProperty("data").GetProperty("value").GetArrayLength();

    private static int Matching(JobStore store) => store.Read(view =>
    {
        var matching = 0;
        foreach (var job in view.Jobs)
        {
            matching += job.State is ExecutableState.ERROR or ExecutableState.RUNNING ? 1 : 0;
        }

        return matching;
    });
}
