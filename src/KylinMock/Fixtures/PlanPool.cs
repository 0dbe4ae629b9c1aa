using KylinMock.Jobs;

namespace KylinMock.Fixtures;

/// <summary>
/// Plans drawn once per estate, per job type, and shared by the jobs that pick them (a
/// <see cref="JobPlan"/> is immutable): realistic step durations without a plan per job.
/// </summary>
internal sealed class PlanPool
{
    private readonly JobPlan[][] succeeding;
    private readonly JobPlan[][] failing;

    /// <summary>Draws, for every job type, enough plans that a small estate rarely repeats one.</summary>
    public PlanPool(SeededDraws draws, int jobCount)
    {
        var size = Math.Clamp(jobCount / 4, 16, 1024);
        var shapes = JobShapes.All;
        succeeding = new JobPlan[shapes.Count][];
        failing = new JobPlan[shapes.Count][];
        foreach (var shape in shapes)
        {
            var ok = new JobPlan[size];
            var failed = new JobPlan[size];
            for (var i = 0; i < size; i++)
            {
                ok[i] = Draw(draws, shape);
                failed[i] = WithFailure(draws, shape, Draw(draws, shape));
            }

            succeeding[shape.Index] = ok;
            failing[shape.Index] = failed;
        }
    }

    /// <summary>A plan for a job of <paramref name="shape"/> that fails (at some step, for some runs) or never does.</summary>
    public JobPlan Pick(SeededDraws draws, JobShape shape, bool fails)
    {
        var plans = fails ? failing[shape.Index] : succeeding[shape.Index];
        return plans[draws.Number(0, plans.Length - 1)];
    }

    private static JobPlan Draw(SeededDraws draws, JobShape shape)
    {
        var durations = new long[shape.StepNames.Length];
        for (var i = 0; i < durations.Length; i++)
        {
            durations[i] = Skewed(draws, i == shape.MainStep ? shape.MainMs : JobShapes.MinorMs);
        }

        return new JobPlan { PickupDelayMs = draws.Number(1_000, 120_000), StepDurationsMs = durations };
    }

    private static JobPlan WithFailure(SeededDraws draws, JobShape shape, JobPlan plan)
    {
        // The main step fails most; a failure usually clears on RESUME, sometimes never does.
        var step = draws.Number(0, 9) < 7 ? shape.MainStep : draws.Number(0, shape.StepNames.Length - 1);
        var runs = draws.Number(0, 4) == 0 ? int.MaxValue : 1;
        var message = EstateNames.FailureMessages[draws.Number(0, EstateNames.FailureMessages.Length - 1)];
        return plan.FailingAt(step, runs, message);
    }

    // Short runs are common, long ones rare: the product of two uniform draws leans to the minimum.
    private static long Skewed(SeededDraws draws, (int Min, int Max) range)
    {
        var span = range.Max - range.Min;
        return range.Min + ((long)draws.Number(0, span) * draws.Number(0, span) / Math.Max(span, 1));
    }
}
