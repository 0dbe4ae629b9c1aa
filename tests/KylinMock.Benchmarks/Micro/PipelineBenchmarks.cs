using BenchmarkDotNet.Attributes;
using KylinMock.Benchmarks.Harness;

namespace KylinMock.Benchmarks.Micro;

/// <summary>
/// Where a list request's time goes, one request at a time over loopback HTTP: the static WireMock stub serving the
/// list's bytes (the baseline), the whole Kylin pipeline around an operation that does almost nothing
/// (<c>GET /kylin/api/user/authentication</c>: SafetyNet, the route table, faults, the V2ApiFilter, Basic auth and
/// the session, negotiation, Spring's headers, the journal), and the list itself on a standing clock (the answer
/// cache holds, so the operation is a cache lookup under the backend's lock). The pipeline's row minus the stub's is
/// what the pipeline costs; the list's minus the pipeline's is what the operation costs.
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private KylinMockServer? kylin;
    private StaticStub? stub;
    private HttpClient? kylinClient;
    private HttpClient? stubClient;

    /// <summary>A server over 10,000 jobs on a standing clock, and a stub serving its list's bytes.</summary>
    [GlobalSetup]
    public void Setup()
    {
        kylin = KylinMockServer.Start(new KylinMockOptions { Clock = new FixedClock(Reference.Now), JobCount = 10_000, Seed = 42 });
        kylinClient = LoadLoop.Client(kylin.Url, 1);
        var answer = kylinClient.GetAsync(Scenarios.ListThroughput.PathAndQuery).GetAwaiter().GetResult();
        var body = answer.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
        stub = StaticStub.Start(new CannedAnswer("GET", "/kylin/api/jobs", 200, answer.Content.Headers.ContentType!.ToString(), body));
        stubClient = LoadLoop.Client(stub.Url, 1);
    }

    /// <summary>Stops both servers.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        kylinClient?.Dispose();
        stubClient?.Dispose();
        kylin?.Dispose();
        stub?.Dispose();
    }

    /// <summary>The static stub's list bytes.</summary>
    [Benchmark(Baseline = true)]
    public Task<byte[]> Stub() => stubClient!.GetByteArrayAsync(Scenarios.ListThroughput.PathAndQuery);

    /// <summary>The pipeline around a near-empty operation (the logged-in user).</summary>
    [Benchmark]
    public Task<byte[]> Pipeline() => kylinClient!.GetByteArrayAsync("/kylin/api/user/authentication");

    /// <summary>The list on a standing clock (the kept answer).</summary>
    [Benchmark]
    public Task<byte[]> List() => kylinClient!.GetByteArrayAsync(Scenarios.ListThroughput.PathAndQuery);
}
