using KylinMock.Jobs;

namespace KylinMock.Fixtures;

/// <summary>
/// The plan of a job that came without one (captured from a real Kylin): drawn from a seed derived
/// from the job id, so the same file lives the same way on every run.
/// </summary>
internal static class DefaultPlan
{
    public static JobPlan For(string jobId, int stepCount)
    {
        var random = new Bogus.Randomizer(StableHash.Of(jobId));
        var steps = new long[stepCount];
        for (var i = 0; i < stepCount; i++)
        {
            steps[i] = random.Long(10_000, 600_000);
        }

        return new JobPlan { PickupDelayMs = random.Long(5_000, 60_000), StepDurationsMs = steps };
    }
}
