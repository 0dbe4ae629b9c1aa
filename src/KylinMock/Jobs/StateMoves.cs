using KylinMock.Errors;

namespace KylinMock.Jobs;

/// <summary>
/// The low-level moves of a job and its steps between <see cref="ExecutableState"/>s, with Kylin's
/// timing side effects (<c>ExecutableManager.updateJobOutput</c>): entering RUNNING sets the start
/// (if 0) and clears the end; leaving RUNNING sets the end and adds the run to the duration.
/// </summary>
internal static class StateMoves
{
    /// <summary>Moves the job; an illegal move is Kylin's KE-010032215.</summary>
    public static void MoveJob(Job job, ExecutableState to, long at)
    {
        var from = job.State;
        if (from == to)
        {
            return;
        }

        if (!ExecutableStates.IsLegalMove(from, to))
        {
            throw new KylinException(ErrorCode.IllegalJobStateTransfer);
        }

        if (to == ExecutableState.RUNNING)
        {
            if (job.StartTime == 0)
            {
                job.StartTime = at;
            }

            job.EndTime = 0;
        }
        else if (from == ExecutableState.RUNNING)
        {
            job.EndTime = at;
        }
        else if (to is ExecutableState.DISCARDED or ExecutableState.SUICIDAL)
        {
            // ExecutableOutputPO.addStartTime/addEndTime: a job discarded while not running gets a start (if it had none) and an end.
            if (job.StartTime == 0)
            {
                job.StartTime = at;
            }

            job.EndTime = at;
        }

        if (to == ExecutableState.READY)
        {
            job.ReadySince = at;
        }

        job.State = to;
        job.LastModified = at;
        job.history.Add(to);
    }

    /// <summary>Moves a step, keeping its running time; the job's last-modified time follows.</summary>
    public static void MoveStep(Job job, JobStep step, ExecutableState to, long at)
    {
        var from = step.State;
        if (from == to)
        {
            return;
        }

        if (to == ExecutableState.RUNNING)
        {
            if (step.StartTime == 0)
            {
                step.StartTime = at;
            }

            step.EndTime = 0;
            step.LastRunningStartTime = at;
        }
        else if (from == ExecutableState.RUNNING)
        {
            step.EndTime = at;
            step.AccumulatedDuration += at - step.LastRunningStartTime;
        }

        step.State = to;
        job.LastModified = at;
    }
}
