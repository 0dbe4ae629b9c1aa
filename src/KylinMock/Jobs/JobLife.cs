namespace KylinMock.Jobs;

/// <summary>
/// A job's automatic life (<c>DefaultExecutable</c>): READY until the scheduler picks it up, then
/// its steps run in order (CHAIN), each READY -> RUNNING -> SUCCEED, or -> ERROR, which ends the job in
/// ERROR; when every step has succeeded the job is SUCCEED. Driven by the plan and the clock only.
/// </summary>
internal static class JobLife
{
    /// <summary>When the job's next automatic move is due, or null when it waits for a user.</summary>
    public static long? NextEventTime(Job job)
    {
        // Checked: plans and loaded times are bounded, so a sum that overflows is a bug, never a wrapped date.
        switch (job.State)
        {
            case ExecutableState.READY:
                return checked(job.ReadySince + job.Plan.PickupDelayMs);
            case ExecutableState.RUNNING:
                var index = RunningStepIndex(job);
                if (index < 0)
                {
                    return job.LastModified;
                }

                return checked(job.Steps[index].LastRunningStartTime + JobStages.RunLength(job, index));
            default:
                return null;
        }
    }

    /// <summary>The scheduler picks the job up at <paramref name="at"/>: the job and its first unfinished step run.</summary>
    public static void PickUp(Job job, long at)
    {
        StateMoves.MoveJob(job, ExecutableState.RUNNING, at);
        job.Runs++;
        StartNextStep(job, at);
    }

    /// <summary>Processes the due move of a RUNNING job at <paramref name="at"/>: its running step ends.</summary>
    public static void FinishRunningStep(Job job, long at)
    {
        var index = RunningStepIndex(job);
        if (index < 0)
        {
            StartNextStep(job, at);
            return;
        }

        var step = job.Steps[index];
        if (job.Plan.Fails(index, job.Runs))
        {
            StateMoves.MoveStep(job, step, ExecutableState.ERROR, at);
            step.FailedMessage = job.Plan.FailureMessage ?? "Step \"" + step.Name + "\" failed.";
            step.FailedStack = "org.apache.kylin.engine.spark.job.KylinBuildEnv: " + step.FailedMessage;
            StateMoves.MoveJob(job, ExecutableState.ERROR, at);
            return;
        }

        StateMoves.MoveStep(job, step, ExecutableState.SUCCEED, at);
        step.SuccessIndexCount = step.IndexCount;
        StartNextStep(job, at);
    }

    /// <summary>Runs every automatic move of this one job due up to <paramref name="now"/> (no concurrency limit).</summary>
    public static void CatchUp(Job job, long now)
    {
        while (NextEventTime(job) is { } due && due <= now)
        {
            if (job.State == ExecutableState.READY)
            {
                PickUp(job, due);
            }
            else
            {
                FinishRunningStep(job, due);
            }
        }
    }

    private static void StartNextStep(Job job, long at)
    {
        foreach (var step in job.Steps)
        {
            if (step.State != ExecutableState.SUCCEED)
            {
                step.FailedMessage = null;
                step.FailedStack = null;
                StateMoves.MoveStep(job, step, ExecutableState.RUNNING, at);
                return;
            }
        }

        StateMoves.MoveJob(job, ExecutableState.SUCCEED, at);
    }

    private static int RunningStepIndex(Job job)
    {
        for (var i = 0; i < job.Steps.Count; i++)
        {
            if (job.Steps[i].State == ExecutableState.RUNNING)
            {
                return i;
            }
        }

        return -1;
    }
}
