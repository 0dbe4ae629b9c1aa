using KylinMock.Benchmarks.Harness;

namespace KylinMock.Benchmarks.Scenarios;

/// <summary>
/// <c>GET /kylin/api/jobs?time_filter=4&amp;page_size=10</c> over 10,000 jobs at concurrency 8: KylinMock
/// against a static WireMock.Net stub (and bare Kestrel) answering the identical bytes captured from it.
/// </summary>
internal static class ListThroughput
{
    public const string PathAndQuery = "/kylin/api/jobs?time_filter=4&page_size=10";
    private const int Concurrency = 8;

    public static async Task<IEnumerable<ScenarioRow>> Run(BenchSettings settings)
    {
        var jobs = 10_000;
        var reference = Reference.Now;
        using var kylin = KylinMockServer.Start(new KylinMockOptions { Clock = new FixedClock(reference), JobCount = jobs, Seed = 42 });
        using var kylinClient = LoadLoop.Client(kylin.Url, Concurrency);

        // The same estate on a clock that moves at every reading: every request is computed afresh.
        using var moving = KylinMockServer.Start(new KylinMockOptions { Clock = new SteppingClock(reference), JobCount = jobs, Seed = 42 });
        using var movingClient = LoadLoop.Client(moving.Url, Concurrency);
        // What a standalone user gets by default: the system clock, moving every millisecond, so the
        // answer cache rarely holds and each answer is read off the store's order afresh.
        using var system = KylinMockServer.Start(new KylinMockOptions { Clock = TimeProvider.System, JobCount = jobs, Seed = 42 });
        using var systemClient = LoadLoop.Client(system.Url, Concurrency);
        var (status, body, contentType) = await Capture(kylinClient);
        if ((int)status != 200)
        {
            throw new InvalidOperationException($"the list answered {(int)status}");
        }

        var canned = new CannedAnswer("GET", "/kylin/api/jobs", 200, contentType, body);
        using var stub = StaticStub.Start(canned);
        await using var kestrel = await BareKestrel.Start(canned);
        using var stubClient = LoadLoop.Client(stub.Url, Concurrency);
        using var kestrelClient = LoadLoop.Client(kestrel.Url, Concurrency);
        await Identical(stubClient, body, "stub");
        await Identical(kestrelClient, body, "Kestrel");

        var time = TimeSpan.FromSeconds(settings.Pick(2.0, 0.3));
        var count = settings.Pick(200_000L, 5_000L);
        Func<Task<double>> Side(HttpClient client) => async () =>
        {
            var result = await LoadLoop.Run(client, Concurrency, count, time, (_, _) => new HttpRequestMessage(HttpMethod.Get, PathAndQuery));
            return result.Failed == 0 ? result.PerSecond : throw new InvalidOperationException($"{result.Failed} requests failed");
        };

        Bench.Log($"list throughput: {jobs} jobs, {body.Length} bytes per answer, concurrency {Concurrency}");
        var r = await Bench.Alternate(settings.Pick(1, 1), settings.Pick(9, 3), Side(kylinClient), Side(stubClient), Side(kestrelClient), Side(movingClient), Side(systemClient));
        await Identical(kylinClient, body, "KylinMock (after the run)");

        var mock = new Measurement("KylinMock", "req/s", Summary.Of(r[0]));
        var wireMock = new Measurement("static WireMock stub", "req/s", Summary.Of(r[1]));
        var bare = new Measurement("bare Kestrel", "req/s", Summary.Of(r[2]));
        var uncached = new Measurement("KylinMock, clock moving (no cached answer)", "req/s", Summary.Of(r[3]));
        var systemClock = new Measurement("KylinMock, system clock", "req/s", Summary.Of(r[4]));
        var extra = new Dictionary<string, object> { ["jobs"] = jobs, ["concurrency"] = Concurrency, ["answer_bytes"] = body.Length, ["seconds_per_repetition"] = time.TotalSeconds };
        return
        [
            new ScenarioRow("list_throughput", "List throughput (10k jobs, c=8) vs static WireMock stub", mock, wireMock, Bench.Ratios(r[0], r[1]), Target.RatioAtLeast(0.85)) { Extra = extra },
            new ScenarioRow("list_throughput_vs_kestrel", "List throughput (10k jobs, c=8) vs bare Kestrel", mock, bare, Bench.Ratios(r[0], r[2]), null),
            new ScenarioRow("list_throughput_uncached", "List throughput (10k jobs, c=8), clock moving at every request, vs static WireMock stub", uncached, wireMock, Bench.Ratios(r[3], r[1]), null),
            new ScenarioRow("list_throughput_system_clock", "List throughput (10k jobs, c=8), system clock, vs static WireMock stub", systemClock, wireMock, Bench.Ratios(r[4], r[1]), Target.RatioAtLeast(0.85)),
            new ScenarioRow("wiremock_cost", "Static WireMock stub vs bare Kestrel (what WireMock costs)", wireMock, bare, Bench.Ratios(r[1], r[2]), null),
        ];
    }

    private static async Task<(System.Net.HttpStatusCode Status, byte[] Body, string ContentType)> Capture(HttpClient client)
    {
        using var response = await client.GetAsync(PathAndQuery);
        return (response.StatusCode, await response.Content.ReadAsByteArrayAsync(), response.Content.Headers.ContentType!.ToString());
    }

    private static async Task Identical(HttpClient client, byte[] expected, string who)
    {
        var (_, body) = await LoadLoop.Once(client, new HttpRequestMessage(HttpMethod.Get, PathAndQuery));
        if (!body.AsSpan().SequenceEqual(expected))
        {
            throw new InvalidOperationException($"{who} does not answer the captured bytes");
        }
    }
}
