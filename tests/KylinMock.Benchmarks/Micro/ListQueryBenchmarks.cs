using BenchmarkDotNet.Attributes;
using KylinMock.Benchmarks.Harness;
using KylinMock.Fixtures;
using KylinMock.Http;
using KylinMock.Jobs;
using KylinMock.Query;

namespace KylinMock.Benchmarks.Micro;

/// <summary>
/// The list endpoint's in-process half (store read, query, page copy, JSON; no cache) against one
/// bare pass over the same jobs, with the bytes each answer allocates.
/// </summary>
[MemoryDiagnoser]
public class ListQueryBenchmarks
{
    private static readonly JobFilter FirstPage = new() { TimeFilter = 4, PageSize = 10 };
    private static readonly JobFilter ErrorAndRunningByTotalDuration = new() { TimeFilter = 4, Statuses = ["ERROR", "RUNNING"], SortBy = "total_duration", PageSize = 20 };
    private JobStore store = null!;

    /// <summary>How many jobs the store holds.</summary>
    [Params(10_000, 1_000_000)]
    public int Jobs { get; set; }

    /// <summary>Generates the estate once per size.</summary>
    [GlobalSetup]
    public void Setup()
    {
        store = new JobStore(new FixedClock(Reference.Now));
        store.Load(JobGenerator.Generate(42, Jobs, Reference.Now));
    }

    /// <summary>The floor for an unindexed filter: read every job's state and, for a match, a field.</summary>
    [Benchmark(Baseline = true)]
    public long BarePass() => Scenarios.ListAtScale.BarePass(store);

    /// <summary><c>time_filter=4&amp;page_size=10</c>.</summary>
    [Benchmark]
    public int FirstPageByLastModified() => GetJobListProvider.Answer(store, TimeZoneInfo.Utc, FirstPage).Length;

    /// <summary><c>statuses=ERROR,RUNNING&amp;sort_by=total_duration&amp;page_size=20</c>.</summary>
    [Benchmark]
    public int ErrorAndRunningByTotalDurationPage() => GetJobListProvider.Answer(store, TimeZoneInfo.Utc, ErrorAndRunningByTotalDuration).Length;
}
