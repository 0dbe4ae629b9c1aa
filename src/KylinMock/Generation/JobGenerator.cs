using Bogus;
using KylinMock.Jobs;

namespace KylinMock.Fixtures;

/// <summary>
/// Generates a realistic Kylin estate (projects, models, tables and jobs in every status) from a
/// seed, reproducible field for field on any machine, culture and time zone.
/// </summary>
internal static class JobGenerator
{
    // Jobs and their data ranges reach ~17 months back; this keeps every epoch time positive.
    private static readonly DateTimeOffset MinReferenceTime = DateTimeOffset.UnixEpoch.AddYears(2);

    // One job in twenty is placed in the last day, so even a small estate has something for time_filter=0.
    private const int LastDayEvery = 20;

    /// <summary>
    /// Generates a realistic Kylin estate from a seed, a job count and a reference instant.
    /// </summary>
    /// <param name="seed">The seed; the same seed, count and reference give the same estate, another seed another one.</param>
    /// <param name="jobCount">How many jobs to generate (0 or more).</param>
    /// <param name="referenceTime">
    /// The "now" of the estate: every job was created before it and shows its status as of it (jobs
    /// still PENDING or RUNNING carry on along their plans afterwards). Only its instant matters; it
    /// must be 1972 or later.
    /// </param>
    /// <returns>3-6 projects and <paramref name="jobCount"/> jobs in storage order (creation time, then id).</returns>
    /// <exception cref="ArgumentOutOfRangeException">A negative <paramref name="jobCount"/> or a reference before 1972.</exception>
    public static Estate Generate(int seed, int jobCount, DateTimeOffset referenceTime) => Generate(seed, jobCount, referenceTime, kylin4: false);

    /// <summary>The estate of <see cref="Generate(int, int, DateTimeOffset)"/>; a Kylin 4 one has only Kylin 4's job types, with Kylin 4's plans.</summary>
    internal static Estate Generate(int seed, int jobCount, DateTimeOffset referenceTime, bool kylin4)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(jobCount);
        if (referenceTime < MinReferenceTime)
        {
            // One line, no "Actual value was": the CLI shows this message as is.
            throw new ArgumentOutOfRangeException(nameof(referenceTime), string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the reference time {referenceTime.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'} is before 1972-01-01: generated jobs reach ~17 months back and Kylin's times are positive epoch milliseconds."));
        }

        var referenceMs = referenceTime.ToUnixTimeMilliseconds();
        var random = new Randomizer(seed);
        var estate = EstateBuilder.Build(random, referenceMs);
        var factory = new JobFactory(random, estate, new PlanPool(random), referenceMs, kylin4);

        var jobs = new Job[jobCount];
        var createTimes = new long[jobCount];
        for (var i = 0; i < jobCount; i++)
        {
            var job = factory.Next(lastDay: i % LastDayEvery == 0);
            jobs[i] = job;
            createTimes[i] = job.CreateTime;
        }

        SortInStorageOrder(createTimes, jobs);
        var books = estate.Books.SelectMany(b => b).ToArray();
        return new Estate(estate.Projects, jobs)
        {
            Models = new Models.ModelEstate(estate.Tables, books.Select(b => b.Model).ToArray(), books.SelectMany(b => b.Segments).ToArray())
            {
                InternalTables = InternalTableDrafts.Of(estate.Projects, estate.Tables, referenceMs),
            },
        };
    }

    // Kylin's store lists jobs by creation time; equal times are put in id order (ordinal) so the
    // result does not depend on the sort algorithm.
    private static void SortInStorageOrder(long[] createTimes, Job[] jobs)
    {
        Array.Sort(createTimes, jobs);
        var runStart = 0;
        for (var i = 1; i <= jobs.Length; i++)
        {
            if (i == jobs.Length || createTimes[i] != createTimes[runStart])
            {
                if (i - runStart > 1)
                {
                    Array.Sort(jobs, runStart, i - runStart, ById.Instance);
                }

                runStart = i;
            }
        }
    }

    private sealed class ById : IComparer<Job>
    {
        public static readonly ById Instance = new();

        public int Compare(Job? x, Job? y) => string.CompareOrdinal(x?.Id, y?.Id);
    }
}
