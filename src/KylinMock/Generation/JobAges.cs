using Bogus;

namespace KylinMock.Fixtures;

/// <summary>
/// How long before the reference time a generated job lives: over the past ~13 months, denser in
/// recent weeks, so every <c>time_filter</c> window holds jobs and some jobs are older than a year.
/// </summary>
internal static class JobAges
{
    private const long Day = 86_400_000;

    // Days back (from, to) and weight per mille; the 366th day is left empty so "older than a year"
    // holds in a leap year too.
    private static readonly (int FromDays, int ToDays, int Weight)[] Buckets =
    [
        (0, 1, 60), (1, 7, 140), (7, 28, 200), (28, 366, 500), (367, 397, 100),
    ];

    /// <summary>Draws an age in ms; <paramref name="lastDay"/> forces the last day.</summary>
    public static long Draw(Randomizer random, bool lastDay)
    {
        var bucket = lastDay ? Buckets[0] : Pick(random);
        var spanSeconds = (bucket.ToDays - bucket.FromDays) * 86_400;

        // Whole seconds then milliseconds: Randomizer.Number is int-ranged and exact (its Long goes through decimal).
        return (bucket.FromDays * Day) + (random.Number(0, spanSeconds - 1) * 1000L) + random.Number(0, 999);
    }

    private static (int FromDays, int ToDays, int Weight) Pick(Randomizer random)
    {
        var draw = random.Number(0, 999);
        foreach (var bucket in Buckets)
        {
            if (draw < bucket.Weight)
            {
                return bucket;
            }

            draw -= bucket.Weight;
        }

        return Buckets[^1];
    }
}
