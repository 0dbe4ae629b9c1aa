using KylinMock.Jobs;

namespace KylinMock.Models;

/// <summary>
/// The segments' <c>status_to_display</c> from the model's segments and its unfinished jobs
/// (src/core-job/.../job/common/SegmentUtil.getSegmentStatusToDisplay), for every segment of a model in one pass.
/// </summary>
internal static class SegmentDisplay
{
    /// <summary>
    /// Each segment's shown status, in the order of <paramref name="modelSegments"/> (range order). NEW: REFRESHING when
    /// the first segment overlapping it covers its whole range, LOADING when none overlaps it or an unfinished INC_BUILD
    /// targets it, else MERGING. READY/WARNING: LOCKED when a NEW segment overlaps it (OVERLAP when only READY ones do),
    /// LOADING when an unfinished INDEX_BUILD or SUB_PARTITION_BUILD targets it, WARNING for a WARNING segment, else ONLINE.
    /// The cost is the segments plus their overlaps and the unfinished jobs' targets, never the model's history.
    /// </summary>
    /// <param name="modelSegments">All segments of the model, in range order.</param>
    /// <param name="unfinishedJobs">The model's jobs (only unfinished ones count; pass the catalog's unfinished index).</param>
    public static string[] StatusesToDisplay(IReadOnlyList<Segment> modelSegments, IEnumerable<Job> unfinishedJobs)
    {
        ArgumentNullException.ThrowIfNull(modelSegments);
        ArgumentNullException.ThrowIfNull(unfinishedJobs);
        var targeted = Targets(unfinishedJobs);
        var count = modelSegments.Count;
        var reach = new long[count];
        for (var i = 0; i < count; i++)
        {
            reach[i] = Math.Max(i == 0 ? long.MinValue : reach[i - 1], modelSegments[i].End);
        }

        var shown = new string[count];
        for (var i = 0; i < count; i++)
        {
            var segment = modelSegments[i];
            Segment? firstOverlap = null;
            var anyNewOverlap = false;

            // Earlier segments reach into this one only while the running maximum of their ends does; the last hit is the first in range order.
            for (var j = i - 1; j >= 0 && reach[j] > segment.Start; j--)
            {
                if (Overlapping(modelSegments[j], segment))
                {
                    firstOverlap = modelSegments[j];
                    anyNewOverlap |= modelSegments[j].Status == SegmentStatus.NEW;
                }
            }

            // Later segments start at or after this one: they overlap only while they start before its end.
            for (var j = i + 1; j < count && modelSegments[j].Start < segment.End; j++)
            {
                if (Overlapping(modelSegments[j], segment))
                {
                    firstOverlap ??= modelSegments[j];
                    anyNewOverlap |= modelSegments[j].Status == SegmentStatus.NEW;
                }
            }

            shown[i] = Decide(segment, firstOverlap, anyNewOverlap, targeted.GetValueOrDefault(segment.Id));
        }

        return shown;
    }

    private static bool Overlapping(Segment other, Segment segment) =>
        !ReferenceEquals(other, segment) && other.Id != segment.Id && other.Overlaps(segment.Start, segment.End);

    private static string Decide(Segment segment, Segment? firstOverlap, bool anyNewOverlap, Targeted targeted)
    {
        if (segment.Status == SegmentStatus.NEW)
        {
            if (firstOverlap is not null && firstOverlap.EntirelyOverlaps(segment))
            {
                return "REFRESHING";
            }

            return firstOverlap is null || targeted.HasFlag(Targeted.IncrementalBuild) ? "LOADING" : "MERGING";
        }

        if (firstOverlap is not null)
        {
            return anyNewOverlap ? "LOCKED" : "OVERLAP";
        }

        if (targeted.HasFlag(Targeted.IndexBuild))
        {
            return "LOADING";
        }

        return segment.Status == SegmentStatus.WARNING ? "WARNING" : "ONLINE";
    }

    // Which unfinished jobs (ExecutableState.isRunning = not final) target each segment.
    private static Dictionary<string, Targeted> Targets(IEnumerable<Job> jobs)
    {
        var targeted = new Dictionary<string, Targeted>(StringComparer.Ordinal);
        foreach (var job in jobs)
        {
            var kind = job.JobName switch
            {
                JobType.INC_BUILD => Targeted.IncrementalBuild,
                JobType.INDEX_BUILD or JobType.SUB_PARTITION_BUILD => Targeted.IndexBuild,
                _ => Targeted.None,
            };
            if (kind == Targeted.None || job.State.IsFinal())
            {
                continue;
            }

            foreach (var id in job.TargetSegments)
            {
                targeted[id] = targeted.GetValueOrDefault(id) | kind;
            }
        }

        return targeted;
    }

    [Flags]
    private enum Targeted
    {
        None = 0,
        IncrementalBuild = 1,
        IndexBuild = 2,
    }
}
