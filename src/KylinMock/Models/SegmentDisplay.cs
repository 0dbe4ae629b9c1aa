using KylinMock.Jobs;

namespace KylinMock.Models;

/// <summary>
/// A segment's <c>status_to_display</c> from the model's segments and its unfinished jobs
/// (src/core-job/.../job/common/SegmentUtil.getSegmentStatusToDisplay).
/// </summary>
internal static class SegmentDisplay
{
    /// <summary>
    /// NEW: REFRESHING when another segment covers its whole range, LOADING when none overlaps it or an
    /// unfinished INC_BUILD targets it, else MERGING. READY/WARNING: LOCKED when a NEW segment overlaps it
    /// (OVERLAP when only READY ones do), LOADING when an unfinished INDEX_BUILD or SUB_PARTITION_BUILD
    /// targets it, WARNING for a WARNING segment, else ONLINE.
    /// </summary>
    /// <param name="segment">The segment.</param>
    /// <param name="modelSegments">All segments of its model, in range order.</param>
    /// <param name="modelJobs">The model's jobs (only unfinished ones count).</param>
    public static string StatusToDisplay(Segment segment, IReadOnlyList<Segment> modelSegments, IReadOnlyList<Job> modelJobs)
    {
        ArgumentNullException.ThrowIfNull(segment);
        ArgumentNullException.ThrowIfNull(modelSegments);
        ArgumentNullException.ThrowIfNull(modelJobs);
        Segment? firstOverlap = null;
        var anyNewOverlap = false;
        foreach (var other in modelSegments)
        {
            if (ReferenceEquals(other, segment) || other.Id == segment.Id || !other.Overlaps(segment.Start, segment.End))
            {
                continue;
            }

            firstOverlap ??= other;
            anyNewOverlap |= other.Status == SegmentStatus.NEW;
        }

        if (segment.Status == SegmentStatus.NEW)
        {
            if (firstOverlap is not null && firstOverlap.EntirelyOverlaps(segment))
            {
                return "REFRESHING";
            }

            return firstOverlap is null || Targeted(segment, modelJobs, JobType.INC_BUILD) ? "LOADING" : "MERGING";
        }

        if (firstOverlap is not null)
        {
            return anyNewOverlap ? "LOCKED" : "OVERLAP";
        }

        if (Targeted(segment, modelJobs, JobType.INDEX_BUILD, JobType.SUB_PARTITION_BUILD))
        {
            return "LOADING";
        }

        return segment.Status == SegmentStatus.WARNING ? "WARNING" : "ONLINE";
    }

    /// <summary>Whether an unfinished job of one of <paramref name="types"/> targets the segment (ExecutableState.isRunning = not final).</summary>
    private static bool Targeted(Segment segment, IReadOnlyList<Job> jobs, params JobType[] types)
    {
        foreach (var job in jobs)
        {
            if (!job.State.IsFinal() && Array.IndexOf(types, job.JobName) >= 0 && job.TargetSegments.Contains(segment.Id))
            {
                return true;
            }
        }

        return false;
    }
}
