namespace KylinMock.Jobs;

/// <summary>
/// Kylin's <c>discard_safety</c>: true for every job (<c>AbstractExecutable.safetyIfDiscard</c>) but a non-final
/// INC_BUILD whose discard would leave a hole in its model's segments (<c>NSparkCubingJob.safetyIfDiscard</c>).
/// A job keeps whether its discard would leave a hole in <see cref="Job.DiscardSafety"/>.
/// </summary>
internal static class JobSafety
{
    /// <summary>Whether discarding the job is safe, as the list shows it.</summary>
    public static bool DiscardSafety(Job job) =>
        job.DiscardSafety || job.JobName != JobType.INC_BUILD || job.State.IsFinal();
}
