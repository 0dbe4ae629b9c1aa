using System.Diagnostics;
using KylinMock.Benchmarks.Harness;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace KylinMock.Benchmarks.Scenarios;

/// <summary>
/// In a warm process: <c>KylinMockServer.Start()</c> with the default options (seed 42, 500 jobs) until its
/// first list request is answered, against a bare <c>WireMockServer.Start()</c> with one static mapping
/// until its first request is answered. Stopping is not timed.
/// </summary>
internal static class Startup
{
    public static async Task<IEnumerable<ScenarioRow>> Run(BenchSettings settings)
    {
        byte[] canned;
        using (var first = KylinMockServer.Start())
        using (var client = LoadLoop.Client(first.Url, 1))
        {
            canned = (await LoadLoop.Once(client, new HttpRequestMessage(HttpMethod.Get, ListThroughput.PathAndQuery))).Body;
        }

        async Task<double> Kylin()
        {
            var clock = Stopwatch.StartNew();
            var kylin = KylinMockServer.Start(new KylinMockOptions());
            double ms;
            using (var client = LoadLoop.Client(kylin.Url, 1))
            {
                var (status, _) = await LoadLoop.Once(client, new HttpRequestMessage(HttpMethod.Get, ListThroughput.PathAndQuery));
                ms = clock.Elapsed.TotalMilliseconds;
                Check((int)status);
            }

            kylin.Dispose();
            return ms;
        }

        async Task<double> WireMock()
        {
            var clock = Stopwatch.StartNew();
            var server = WireMockServer.Start();
            server.Given(Request.Create().WithPath("/kylin/api/jobs").UsingGet())
                .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/vnd.apache.kylin-v4-public+json").WithBody(canned));
            double ms;
            using (var client = LoadLoop.Client(server.Url!, 1))
            {
                var (status, _) = await LoadLoop.Once(client, new HttpRequestMessage(HttpMethod.Get, ListThroughput.PathAndQuery));
                ms = clock.Elapsed.TotalMilliseconds;
                Check((int)status);
            }

            server.Stop();
            server.Dispose();
            return ms;
        }

        Bench.Log("start-up: alternating KylinMockServer.Start / WireMockServer.Start");
        var r = await Bench.Alternate(settings.Pick(3, 1), settings.Pick(15, 3), Kylin, WireMock);
        var mock = new Measurement("KylinMockServer.Start (500 jobs) to first list answer", "ms", Summary.Of(r[0]));
        var bare = new Measurement("WireMockServer.Start to first static answer", "ms", Summary.Of(r[1]));
        return [new ScenarioRow("startup", "Start-up to first answer (warm process)", mock, bare, Bench.Ratios(r[0], r[1]), Target.RatioAtMost(1.5))];
    }

    private static void Check(int status)
    {
        if (status != 200)
        {
            throw new InvalidOperationException($"the first request answered {status}");
        }
    }
}
