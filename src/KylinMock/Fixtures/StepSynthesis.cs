using KylinMock.Jobs;

namespace KylinMock.Fixtures;

/// <summary>
/// Rebuilds the steps of a job captured without them (Kylin's list shows <c>"steps":[]</c>): the
/// type's steps, as many succeeded as the step ratio says, the current one in the job's state, the
/// job's running time shared among the steps that ran.
/// </summary>
internal static class StepSynthesis
{
    public static JobStep[] Steps(Job job, float? stepRatio, long? duration)
    {
        var names = job.JobName.StepNames();
        var n = names.Count;
        var done = job.State == ExecutableState.SUCCEED
            ? n
            : Math.Clamp(JobStages.SucceededSteps(names, stepRatio ?? 0f), 0, n - 1);
        var started = job.StartTime > 0;
        var ran = job.State == ExecutableState.SUCCEED ? n : done + (started ? 1 : 0);
        var total = duration ?? (job.EndTime > 0 && started ? job.EndTime - job.StartTime : 0);
        var share = ran > 0 ? total / ran : 0;
        var steps = new JobStep[n];
        for (var i = 0; i < n; i++)
        {
            var step = new JobStep(job.Id, i, names[i]) { CreateTime = job.CreateTime };
            var start = job.StartTime + (i * share);
            if (i < done)
            {
                Ran(step, ExecutableState.SUCCEED, start, start + share);
            }
            else if (i == done && started && job.State != ExecutableState.SUCCEED)
            {
                Current(job, step, start, share);
            }
            else if (job.State is ExecutableState.DISCARDED or ExecutableState.SUICIDAL)
            {
                step.State = job.State;
            }

            steps[i] = step;
        }

        return steps;
    }

    private static void Current(Job job, JobStep step, long start, long share)
    {
        switch (job.State)
        {
            case ExecutableState.RUNNING:
                step.State = ExecutableState.RUNNING;
                step.StartTime = start;
                step.LastRunningStartTime = start;
                break;
            case ExecutableState.READY or ExecutableState.PENDING:
                Ran(step, ExecutableState.READY, start, start + share);
                break;
            default:
                Ran(step, job.State, start, job.EndTime > 0 ? job.EndTime : start + share);
                if (job.State == ExecutableState.ERROR)
                {
                    step.FailedMessage = "Step \"" + step.Name + "\" failed.";
                }

                break;
        }
    }

    private static void Ran(JobStep step, ExecutableState state, long start, long end)
    {
        step.State = state;
        step.StartTime = start;
        step.EndTime = end;
        step.AccumulatedDuration = end - start;
    }
}
