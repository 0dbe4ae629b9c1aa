using KylinMock.Benchmarks.Harness;
using KylinMock.Fixtures;

namespace KylinMock.Benchmarks.Scenarios;

/// <summary><c>JobGenerator.Generate</c>: a million jobs (time and retained bytes per job) and 10,000 jobs warm.</summary>
internal static class Generation
{
    // In a method of its own, so nothing of the estate is alive once it returns (the next repetition starts clean).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static (double Ms, double AllocatedPerJob, double RetainedPerJob) GenerateOnce(int count, DateTimeOffset reference)
    {
        Bench.Settle();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var estate = JobGenerator.Generate(42, count, reference);
        var ms = clock.Elapsed.TotalMilliseconds;
        var allocatedPerJob = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / (double)count;
        var retainedPerJob = (GC.GetTotalMemory(forceFullCollection: true) - before) / (double)count;
        GC.KeepAlive(estate);
        return (ms, allocatedPerJob, retainedPerJob);
    }

    public static Task<IEnumerable<ScenarioRow>> Run(BenchSettings settings)
    {
        var reference = Reference.Now;
        var big = settings.Pick(1_000_000, 50_000);
        var bigTimes = new List<double>();
        var retained = new List<double>();
        var allocated = new List<double>();
        Bench.Log($"generation: {big:N0} jobs x {settings.Pick(3, 1)}");
        for (var rep = 0; rep < settings.Pick(3, 1); rep++)
        {
            var (ms, allocatedPerJob, retainedPerJob) = GenerateOnce(big, reference);
            bigTimes.Add(ms);
            allocated.Add(allocatedPerJob);
            retained.Add(retainedPerJob);
            Bench.Log($"generation: {big:N0} jobs in {ms:N0} ms, {retainedPerJob:N0} B/job retained");
        }

        var small = 10_000;
        for (var w = 0; w < 5; w++)
        {
            JobGenerator.Generate(42, small, reference);
        }

        Bench.Settle();
        var smallTimes = new List<double>();
        for (var rep = 0; rep < settings.Pick(30, 5); rep++)
        {
            smallTimes.Add(Bench.Ms(() => JobGenerator.Generate(42, small, reference)));
        }

        var scaled = settings.Smoke ? "smoke: 50,000 jobs; target not evaluated" : null;
        var bigBudget = settings.Pick(5_000.0, 5_000.0 * big / 1_000_000);
        return Task.FromResult<IEnumerable<ScenarioRow>>(
        [
            new ScenarioRow("generation_1m", "Generation of 1M jobs (cold estate, warm process)", new Measurement("JobGenerator.Generate", "ms", Summary.Of(bigTimes)), null, null, Target.MedianAtMost(bigBudget, "ms"))
            {
                Note = scaled,
                Extra = new Dictionary<string, object> { ["jobs"] = big, ["allocated_bytes_per_job"] = Summary.Of(allocated).Median, ["retained_bytes_per_job"] = Summary.Of(retained).Median },
            },
            new ScenarioRow("generation_retained", "Generation: retained bytes per job", new Measurement("retained per job", "B", Summary.Of(retained)), null, null, Target.MedianAtMost(2048, "B")) { Note = settings.Smoke ? "smoke: 50,000 jobs" : null },
            new ScenarioRow("generation_10k", "Generation of 10k jobs (warm)", new Measurement("JobGenerator.Generate", "ms", Summary.Of(smallTimes)), null, null, Target.MedianAtMost(100, "ms")),
        ]);
    }
}
