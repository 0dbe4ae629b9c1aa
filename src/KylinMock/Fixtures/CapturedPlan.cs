using KylinMock.Jobs;

namespace KylinMock.Fixtures;

/// <summary>
/// A job captured from a real Kylin carries no plan: its default plan counts from when it is loaded,
/// so the job stays as captured until the clock moves, however long ago its pick-up or running step
/// would have been due.
/// </summary>
internal static class CapturedPlan
{
    /// <summary>Anchors a captured job's plan at <paramref name="now"/> (epoch ms): its next move is due after it.</summary>
    public static void Anchor(Job job, long now)
    {
        if (!job.PlanCountsFromLoad || JobLife.NextEventTime(job) is not { } due || due > now)
        {
            return;
        }

        var late = now - due + job.Plan.PickupDelayMs;
        if (job.State is ExecutableState.READY or ExecutableState.PENDING)
        {
            job.Plan = job.Plan with { PickupDelayMs = job.Plan.PickupDelayMs + late };
            return;
        }

        var running = job.Steps.ToList().FindIndex(s => s.State == ExecutableState.RUNNING);
        if (running >= 0)
        {
            var durations = Enumerable.Range(0, Math.Max(job.Steps.Count, job.Plan.StepDurationsMs.Count)).Select(job.Plan.StepDuration).ToArray();
            durations[running] += now - due + job.Plan.StepDuration(running);
            job.Plan = job.Plan with { StepDurationsMs = durations };
        }
    }
}
