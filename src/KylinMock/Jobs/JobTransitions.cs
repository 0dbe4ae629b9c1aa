using KylinMock.Errors;

namespace KylinMock.Jobs;

/// <summary>
/// The effect of each action on a job, its steps and its times (<c>NExecutableManager.resumeJob</c>,
/// <c>restartJob</c>, <c>pauseJob</c>, <c>discardJob</c> and <c>JobService.discardJob</c>). A state
/// the action does not apply to is KE-010032211; an illegal low-level move is KE-010032215.
/// </summary>
internal static class JobTransitions
{
    /// <summary>Applies <paramref name="action"/> to <paramref name="job"/> at <paramref name="now"/> (epoch ms).</summary>
    public static void Apply(Job job, JobAction action, long now)
    {
        ArgumentNullException.ThrowIfNull(job);
        switch (action)
        {
            case JobAction.RESUME:
                Resume(job, now);
                break;
            case JobAction.RESTART:
                Restart(job, now);
                break;
            case JobAction.PAUSE:
                Pause(job, now);
                break;
            case JobAction.DISCARD:
                Discard(job, now);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action, null);
        }
    }

    // Failed, paused and running steps go back to READY; succeeded steps are kept; the error is cleared. Their stages
    // keep what they finished (NExecutableManager.resumeJob: only ERROR, PAUSED and RUNNING stages go back to READY).
    private static void Resume(Job job, long now)
    {
        if (job.State is not (ExecutableState.ERROR or ExecutableState.PAUSED))
        {
            throw Refused(JobAction.RESUME, job);
        }

        for (var i = 0; i < job.Steps.Count; i++)
        {
            var step = job.Steps[i];
            if (step.State is ExecutableState.ERROR or ExecutableState.PAUSED or ExecutableState.RUNNING)
            {
                step.keptStages = JobStages.Resumed(job, i, now);
                step.keptAt = now;
                StateMoves.MoveStep(job, step, ExecutableState.READY, now);
                step.FailedMessage = null;
                step.FailedStack = null;
            }
        }

        StateMoves.MoveJob(job, ExecutableState.READY, now);
    }

    // Every step back to READY with its times reset; the job as if created now.
    private static void Restart(Job job, long now)
    {
        if (job.State.IsFinal())
        {
            throw Refused(JobAction.RESTART, job);
        }

        foreach (var step in job.Steps)
        {
            StateMoves.MoveStep(job, step, ExecutableState.READY, now);
            step.StartTime = 0;
            step.EndTime = 0;
            step.AccumulatedDuration = 0;
            step.LastRunningStartTime = 0;
            step.CreateTime = now;
            step.SuccessIndexCount = 0;
            step.keptStages = null;
            step.FailedMessage = null;
            step.FailedStack = null;
        }

        StateMoves.MoveJob(job, ExecutableState.READY, now);
        job.LastModified = now;
        job.CreateTime = now;
        job.StartTime = 0;
        job.EndTime = 0;
        job.ReadySince = now;
    }

    // The job and its running step stop; finished steps keep their times, so the wait is kept.
    private static void Pause(Job job, long now)
    {
        if (!job.State.IsProgressing())
        {
            throw Refused(JobAction.PAUSE, job);
        }

        foreach (var step in job.Steps)
        {
            if (step.State == ExecutableState.RUNNING)
            {
                StateMoves.MoveStep(job, step, ExecutableState.PAUSED, now);
            }
        }

        StateMoves.MoveJob(job, ExecutableState.PAUSED, now);
    }

    // A finished job cannot be discarded; a discarded one is left alone; SUICIDAL cannot move (KE-010032215).
    private static void Discard(Job job, long now)
    {
        if (job.State == ExecutableState.SUCCEED)
        {
            throw Refused(JobAction.DISCARD, job);
        }

        if (job.State == ExecutableState.DISCARDED)
        {
            return;
        }

        if (!ExecutableStates.IsLegalMove(job.State, ExecutableState.DISCARDED))
        {
            throw new KylinException(ErrorCode.IllegalJobStateTransfer);
        }

        foreach (var step in job.Steps)
        {
            if (step.State != ExecutableState.SUCCEED)
            {
                StateMoves.MoveStep(job, step, ExecutableState.DISCARDED, now);
            }
        }

        StateMoves.MoveJob(job, ExecutableState.DISCARDED, now);
    }

    /// <summary>Kylin ends an unfinished job itself (its target segments are gone): its unfinished steps and the job go SUICIDAL.</summary>
    public static void Suicide(Job job, long now)
    {
        if (job.State.IsFinal())
        {
            return;
        }

        foreach (var step in job.Steps)
        {
            if (step.State != ExecutableState.SUCCEED)
            {
                StateMoves.MoveStep(job, step, ExecutableState.SUICIDAL, now);
            }
        }

        StateMoves.MoveJob(job, ExecutableState.SUICIDAL, now);
    }

    private static KylinException Refused(JobAction action, Job job) =>
        new(ErrorCode.JobUpdateStatusFailed, action.ToString(), job.Id, job.State.ToString());
}
