namespace KylinMock.Jobs;

/// <summary>
/// Kylin's derived timing fields, computed at an instant exactly as <c>AbstractExecutable</c>,
/// <c>DefaultExecutable</c> and <c>ExecutableResponse</c> compute them.
/// </summary>
internal static class JobTiming
{
    /// <summary>A step's duration (<c>AbstractExecutable.getDuration(output)</c>).</summary>
    public static long StepDuration(JobStep step, long now)
    {
        if (step.AccumulatedDuration != 0)
        {
            return step.AccumulatedDuration + (step.State == ExecutableState.RUNNING ? now - step.LastRunningStartTime : 0);
        }

        if (step.StartTime == 0)
        {
            return 0;
        }

        return step.EndTime == 0 ? now - step.StartTime : step.EndTime - step.StartTime;
    }

    /// <summary>
    /// A step's wait (<c>AbstractExecutable.getWaitTime</c>): step 0 waits from the job's creation,
    /// step n from the previous step's end, and only once that step SUCCEEDed; an unstarted step
    /// waits until now (or until the job was discarded or killed itself).
    /// </summary>
    public static long StepWait(Job job, int index, long now)
    {
        var step = job.Steps[index];
        var lastEnd = job.CreateTime;
        if (index > 0)
        {
            var previous = job.Steps[index - 1];
            lastEnd = previous.EndTime;
            if (lastEnd == 0 || previous.State != ExecutableState.SUCCEED)
            {
                return 0;
            }
        }

        var start = step.StartTime;
        if (start == 0)
        {
            start = job.State is ExecutableState.DISCARDED or ExecutableState.SUICIDAL ? job.EndTime : now;
        }

        var wait = start - lastEnd;
        return wait < 0 ? 0 : wait;
    }

    /// <summary>The job's duration: the sum of its steps' durations (CHAIN mode).</summary>
    public static long Duration(Job job, long now)
    {
        var steps = job.Steps;
        long total = 0;
        for (var i = 0; i < steps.Count; i++)
        {
            total += StepDuration(steps[i], now);
        }

        return total;
    }

    /// <summary>The job's wait: the sum of its steps' waits.</summary>
    public static long WaitTime(Job job, long now)
    {
        long total = 0;
        for (var i = 0; i < job.Steps.Count; i++)
        {
            total += StepWait(job, i, now);
        }

        return total;
    }

    /// <summary>The percentage of steps displayed FINISHED (<c>ExecutableResponse.getProgress</c>).</summary>
    public static double Progress(Job job)
    {
        if (job.Steps.Count == 0)
        {
            return 0.0;
        }

        return 100.0 * Succeeded(job.Steps) / job.Steps.Count;
    }

    /// <summary>
    /// The total duration Kylin's sort bean sorts by (<c>ExecutablePOSortBean.computeTotalDuration</c>):
    /// now minus creation while READY or RUNNING, else the end of the last started step minus creation.
    /// It differs from the response's <c>total_duration</c>, which is why Kylin re-sorts the page.
    /// </summary>
    public static long SortTotalDuration(Job job, long now) => SortTotalDuration(job, now, out _);

    /// <summary>
    /// <see cref="SortTotalDuration(Job, long)"/>, kept on the job once it no longer depends on the
    /// instant (the job is not progressing and every step it started has ended) until the job changes:
    /// a list sorted by total_duration over a million jobs then reads no steps of finished or failed jobs.
    /// </summary>
    internal static long SortTotalDurationKept(Job job, long now)
    {
        if (job.sortTotalAt == job.revision + 1)
        {
            return job.sortTotal;
        }

        var value = SortTotalDuration(job, now, out var usedNow);
        if (!usedNow)
        {
            job.sortTotal = value;
            job.sortTotalAt = job.revision + 1;
        }

        return value;
    }

    private static long SortTotalDuration(Job job, long now, out bool usedNow)
    {
        usedNow = false;
        if (job.Steps.Count == 0)
        {
            return 0;
        }

        if (job.State.IsProgressing())
        {
            usedNow = true;
            return now - job.CreateTime;
        }

        // Indexed, not foreach: over an IReadOnlyList a foreach allocates an enumerator, and a million-job list runs this per job.
        var steps = job.Steps;
        long duration = 0;
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            if (step.StartTime == 0)
            {
                break;
            }

            usedNow |= step.EndTime == 0;
            duration = (step.EndTime == 0 ? now : step.EndTime) - job.CreateTime;
        }

        if (duration != 0)
        {
            return duration;
        }

        usedNow |= job.EndTime == 0;
        return (job.EndTime == 0 ? now : job.EndTime) - job.CreateTime;
    }

    private static int Succeeded(IReadOnlyList<JobStep> steps)
    {
        var succeeded = 0;
        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i].State == ExecutableState.SUCCEED)
            {
                succeeded++;
            }
        }

        return succeeded;
    }
}
