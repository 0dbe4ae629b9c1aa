using System.Diagnostics;

namespace KylinMock.Benchmarks.Harness;

/// <summary>How big a run is: the full run the targets are stated for, or a seconds-long smoke run.</summary>
internal sealed record BenchSettings(bool Smoke, long LongRunRequests)
{
    /// <summary>The full size, or the smoke size when smoking.</summary>
    public T Pick<T>(T full, T smoke) => Smoke ? smoke : full;
}

/// <summary>Alternated repetitions: both (or all) sides of a ratio run in turn, after a warm-up of each.</summary>
internal static class Bench
{
    /// <summary>
    /// Runs every side <paramref name="warmups"/> times (discarded), then <paramref name="repetitions"/>
    /// rounds of all sides; the order rotates each round so no side always runs first.
    /// </summary>
    public static async Task<List<double>[]> Alternate(int warmups, int repetitions, params Func<Task<double>>[] sides)
    {
        for (var w = 0; w < warmups; w++)
        {
            foreach (var side in sides)
            {
                await side().ConfigureAwait(false);
            }
        }

        var results = sides.Select(_ => new List<double>(repetitions)).ToArray();
        for (var r = 0; r < repetitions; r++)
        {
            for (var k = 0; k < sides.Length; k++)
            {
                var s = (r + k) % sides.Length;
                results[s].Add(await sides[s]().ConfigureAwait(false));
            }
        }

        return results;
    }

    /// <summary>Per-round ratios a[i] / b[i].</summary>
    public static Summary Ratios(IReadOnlyList<double> a, IReadOnlyList<double> b) => Summary.Of(a.Select((x, i) => x / b[i]));

    /// <summary>Elapsed milliseconds of a synchronous action.</summary>
    public static double Ms(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalMilliseconds;
    }

    public static void Log(string text) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {text}");

    /// <summary>A full, compacting collection, so one measurement does not pay for the last one's garbage.</summary>
    public static void Settle()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    }
}
