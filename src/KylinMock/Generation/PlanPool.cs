using Bogus;
using KylinMock.Jobs;

namespace KylinMock.Fixtures;

/// <summary>
/// Plans drawn per job type and shared by later jobs (a <see cref="JobPlan"/> is immutable): the first
/// jobs of each type get a plan of their own, later ones reuse one, so a million jobs hold a few
/// thousand plans.
/// </summary>
internal sealed class PlanPool(Randomizer random)
{
    private const int Capacity = 256;
    private readonly JobPlan[][] succeeding = NewPools();
    private readonly JobPlan[][] failing = NewPools();
    private readonly int[] succeedingCount = new int[JobShapes.All.Count];
    private readonly int[] failingCount = new int[JobShapes.All.Count];

    /// <summary>A plan for a job of <paramref name="shape"/> that fails (at some step, for some runs) or never does.</summary>
    public JobPlan Pick(JobShape shape, bool fails)
    {
        var plans = fails ? failing[shape.Index] : succeeding[shape.Index];
        var counts = fails ? failingCount : succeedingCount;
        if (counts[shape.Index] < Capacity)
        {
            var plan = Draw(shape);
            plans[counts[shape.Index]++] = fails ? WithFailure(shape, plan) : plan;
            return plans[counts[shape.Index] - 1];
        }

        return plans[random.Number(0, Capacity - 1)];
    }

    private static JobPlan[][] NewPools()
    {
        var pools = new JobPlan[JobShapes.All.Count][];
        for (var i = 0; i < pools.Length; i++)
        {
            pools[i] = new JobPlan[Capacity];
        }

        return pools;
    }

    private JobPlan Draw(JobShape shape)
    {
        var durations = new long[shape.StepNames.Length];
        for (var i = 0; i < durations.Length; i++)
        {
            durations[i] = Skewed(i == shape.MainStep ? shape.MainMs : JobShapes.MinorMs);
        }

        return new JobPlan { PickupDelayMs = random.Number(1_000, 120_000), StepDurationsMs = durations };
    }

    private JobPlan WithFailure(JobShape shape, JobPlan plan)
    {
        // The main step fails most; a failure usually clears on RESUME, sometimes never does.
        var step = random.Number(0, 9) < 7 ? shape.MainStep : random.Number(0, shape.StepNames.Length - 1);
        var runs = random.Number(0, 4) == 0 ? int.MaxValue : 1;
        var message = EstateNames.FailureMessages[random.Number(0, EstateNames.FailureMessages.Length - 1)];
        return plan.FailingAt(step, runs, message);
    }

    // Short runs are common, long ones rare: the product of two uniform draws leans to the minimum.
    private long Skewed((int Min, int Max) range)
    {
        var span = range.Max - range.Min;
        return range.Min + ((long)random.Number(0, span) * random.Number(0, span) / Math.Max(span, 1));
    }
}
