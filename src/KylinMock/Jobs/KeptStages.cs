using System.Globalization;

namespace KylinMock.Jobs;

/// <summary>
/// What RESUME keeps of a step's stages (<c>NExecutableManager.resumeJob</c>): SUCCEED and SKIP stages keep their
/// state, times and info; ERROR, PAUSED and RUNNING stages go back to READY (shown PENDING) with their times and
/// <c>indexSuccessCount</c> kept, so <c>ExecutableResponse.calculateStepRatio</c> still counts them. When the step runs
/// again only the stages not done run; a stage that had started keeps its first start (<c>ExecutableOutputPO.addStartTime</c>)
/// and adds the new run to its duration (<c>addDuration</c>).
/// </summary>
internal static class KeptStages
{
    /// <summary>Whether a stage counts as done (<c>calculateSuccessStage</c>: SUCCEED, SKIP or WARNING).</summary>
    public static bool IsDone(JobStage stage) => stage.Status is JobStatus.FINISHED or JobStatus.SKIP or JobStatus.WARNING;

    /// <summary>The timeline as RESUME leaves it: done stages as they were, every other one READY (PENDING) with its times and info.</summary>
    public static JobStage[] AtResume(JobStage[] timeline) =>
        timeline.Select(s => IsDone(s) ? s : s with { Status = JobStatus.PENDING }).ToArray();

    /// <summary>The weight of the stages still to run, and of all of them.</summary>
    public static (long Live, long All) LiveWeight(JobStage[] kept, int[] weights)
    {
        long live = 0;
        long all = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            all += weights[i];
            if (i >= kept.Length || !IsDone(kept[i]))
            {
                live += weights[i];
            }
        }

        return (live, all);
    }

    /// <summary>A stage not kept done, as the current run reads it (<paramref name="read"/>) over what RESUME kept.</summary>
    public static JobStage Continue(JobStage kept, JobStage read)
    {
        if (read.Status == JobStatus.PENDING)
        {
            return kept;
        }

        var merged = kept.StartTime == 0 ? read : read with { StartTime = kept.StartTime, Duration = kept.Duration + read.Duration };
        if (kept.IndexSuccessInfo is not { } before || read.IndexSuccessInfo is not { } now || read.IndexCount == 0)
        {
            return merged;
        }

        // The layers built before the stop stay built: the new run reports on the rest.
        var done = long.Parse(before, CultureInfo.InvariantCulture);
        var reported = long.Parse(now, CultureInfo.InvariantCulture);
        var total = Math.Min(read.IndexCount, done + ((read.IndexCount - done) * reported / read.IndexCount));
        return merged with { SuccessIndexCount = total, IndexSuccessInfo = total.ToString(CultureInfo.InvariantCulture) };
    }
}
