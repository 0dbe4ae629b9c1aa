using KylinMock.Jobs;

namespace KylinMock.Models;

/// <summary>
/// What the end of a model job does to its segments, in the same step as the move, under the store's
/// lock (build contract §7; NSparkCubingJob/NSparkMergingJob and their update-metadata steps, cancelJob):
/// a build, refresh, merge or index build that succeeds makes its target segments READY and the model ONLINE, a refresh
/// drops the segment its copy replaces, a merge the segments it merged, an index build fills its targets'
/// indexes; a discarded (or suicidal) build, refresh or merge removes its non-READY target segments. An
/// ERROR job changes nothing: its segment stays NEW until the job is resumed or discarded.
/// </summary>
internal static class SegmentEffects
{
    /// <summary>Applies the effect of <paramref name="job"/>'s new state, if any.</summary>
    public static void Apply(ModelCatalog catalog, Job job)
    {
        if (job.JobName.SubjectKind() != SubjectKind.Model || job.TargetSegments.Count == 0 || catalog.FindByUuid(job.TargetModel) is not { } model)
        {
            return;
        }

        if (job.State == ExecutableState.SUCCEED)
        {
            Succeeded(catalog, model, job);
        }
        else if (job.State is ExecutableState.DISCARDED or ExecutableState.SUICIDAL && RemovesTargetsOnDiscard(job.JobName))
        {
            catalog.RemoveSegments(model.Uuid, s => s.Status != SegmentStatus.READY && job.TargetSegments.Contains(s.Id));
        }
    }

    // NSparkCubingJob.cancelJob and NSparkMergingJob.cancelJob; an INDEX_BUILD leaves its segments.
    private static bool RemovesTargetsOnDiscard(JobType type) =>
        type is JobType.INC_BUILD or JobType.INDEX_REFRESH or JobType.INDEX_MERGE;

    private static void Succeeded(ModelCatalog catalog, DataModel model, Job job)
    {
        var targets = catalog.Segments(model.Uuid).Where(s => job.TargetSegments.Contains(s.Id)).ToArray();
        if (targets.Length == 0)
        {
            return;
        }

        foreach (var target in targets)
        {
            catalog.ReplaceSegment(Built(target, model, job));

            // A refresh drops the segment its copy replaces, a merge those it merged, and a Kylin 4 build the READY
            // segments its range covers (UpdateMetadataUtil:80-85); a Kylin 5 load covers none (its range may not overlap).
            if (job.JobName is JobType.INDEX_REFRESH or JobType.INDEX_MERGE or JobType.INC_BUILD)
            {
                catalog.RemoveSegments(model.Uuid, s => s.Id != target.Id && target.Start <= s.Start && s.End <= target.End);
            }
        }

        MarkDataflowStatus(catalog, model);
    }

    // ExecutableHandler.markDFStatus, called by every build handler (ExecutableAddSegmentHandler, ExecutableAddCuboidHandler
    // for INDEX_BUILD, ExecutableMergeOrRefreshHandler): OFFLINE -> ONLINE unless NDataflowManager.isOfflineModel, which
    // holds for a multi-level partitioned model while its project has MLP off (always, in the mock), and then ONLINE -> OFFLINE.
    // The mock has no way to take a Kylin 5 model offline by hand (PUT /models/{m}/status is not served).
    private static void MarkDataflowStatus(ModelCatalog catalog, DataModel model)
    {
        var offline = model.MultiPartition;
        if (model.StoredStatus == ModelStatus.ONLINE && offline)
        {
            catalog.SetStoredStatus(model.Uuid, ModelStatus.OFFLINE);
        }
        else if (model.StoredStatus == ModelStatus.OFFLINE && !offline)
        {
            catalog.SetStoredStatus(model.Uuid, ModelStatus.ONLINE);
        }
    }

    // The numbers a finished build leaves are drawn from the segment id, so the same run shows the same sizes.
    // A job that named its layouts (batch_index_ids) builds only those: a new or refreshed segment holds them, an index
    // build adds them to what the segment held.
    private static Segment Built(Segment segment, DataModel model, Job job)
    {
        var rows = 1_000L + (StableHash.Of(segment.Id) & 0xFFFFF);
        var layouts = ModelLayouts.CountAfter(model, segment, job.TargetLayouts, replaces: job.JobName != JobType.INDEX_BUILD);
        return segment with
        {
            Status = segment.Status == SegmentStatus.NEW ? SegmentStatus.READY : segment.Status,
            LastBuildTime = job.EndTime,
            IndexCount = layouts,
            IndexCountTotal = layouts,
            SourceCount = rows,
            SourceBytesSize = rows * 120,
            RowCount = rows,
            BytesSize = rows * 16 * Math.Max(1, model.TotalIndexes),
            FileCount = Math.Max(1, model.TotalIndexes),
        };
    }
}
