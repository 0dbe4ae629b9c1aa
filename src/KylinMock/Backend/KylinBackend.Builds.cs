using KylinMock.Errors;
using KylinMock.Jobs;
using KylinMock.Models;

namespace KylinMock.Backend;

/// <summary>The jobs a completion request made, and the segments it could not cover (with their rows as shown).</summary>
/// <param name="Project">The project's stored name.</param>
/// <param name="Jobs">The jobs made.</param>
/// <param name="Failed">The blocked segments' rows.</param>
internal sealed record SegmentCompletion(string Project, IReadOnlyList<JobInfo?> Jobs, IReadOnlyList<SegmentRow> Failed);

/// <summary>The backend's build operations (Kylin's <c>OpenSegmentController</c>, <c>SegmentController</c>, <c>ModelBuildService</c>).</summary>
internal sealed partial class KylinBackend
{
    // CompleteSegments: at most this many segments unless parallel; the index statuses Kylin accepts.
    private const int MaxSegmentsToComplete = 100;
    private static readonly string[] IndexStatuses = ["NO_BUILD", "ONLINE", "BUILDING"];

    /// <summary>
    /// ModelBuildService.buildSegmentsManually. Checks in Kylin's order: project, priority, model, tag, the data range,
    /// partition values of a model without sub-partitions, then the build's own.
    /// </summary>
    public IReadOnlyList<JobInfo?> BuildSegments(ModelRequest request, string? start, string? end, bool subPartitionValues, bool buildAllIndexes) =>
        store.Write(view =>
        {
            var (model, settings) = BuildRequestChecks.ModelRequest(view, request);
            var range = SegmentRanges.Validate(start, end, model.PartitionDesc?.PartitionDateFormat, TimeZone);
            if (!model.MultiPartition && subPartitionValues)
            {
                throw KylinException.WithRaw(ErrorCode.PartitionValueNotSupport, $"Model \"{model.Alias}\" hasn’t set a partition column yet. Please set it first and try again.");
            }

            return SegmentBuilds.Build(view, model, range, buildAllIndexes, settings, TimeZone);
        });

    /// <summary>ModelBuildService.refreshSegmentById (one job a segment) or mergeSegmentsManually (at least two, KE-010022208).</summary>
    public IReadOnlyList<JobInfo?> RefreshOrMergeSegments(ModelRequest request, bool merge, IReadOnlyList<string>? ids, IReadOnlyList<string>? names, bool refreshAllIndexes) =>
        store.Write(view =>
        {
            var (model, settings) = BuildRequestChecks.ModelRequest(view, request);
            var segmentIds = SegmentBuilds.Resolve(view.Catalog, model, ids, names);
            if (!merge)
            {
                return SegmentBuilds.Refresh(view, model, segmentIds, refreshAllIndexes, settings);
            }

            return segmentIds.Count < 2
                ? throw new KylinException(ErrorCode.SegmentMergeLessThanTwo)
                : [SegmentBuilds.Merge(view, model, segmentIds, settings, TimeZone)];
        });

    /// <summary>ModelService.deleteSegmentById: every segment with <paramref name="purge"/>, else the named ones (none: KE-010022203).</summary>
    public void DeleteSegments(string project, string modelName, bool purge, IReadOnlyList<string>? ids, IReadOnlyList<string>? names) => store.Write(view =>
    {
        var model = ModelNames.Model(view.Catalog, ModelNames.Project(view, project), modelName);
        if (purge)
        {
            SegmentBuilds.Delete(view, model, null);
            return 0;
        }

        var resolved = SegmentBuilds.Resolve(view.Catalog, model, ids, names);
        SegmentBuilds.Delete(view, model, resolved.Count == 0 ? throw new KylinException(ErrorCode.SegmentEmptyId) : resolved);
        return 0;
    });

    /// <summary>ModelBuildService.buildIndicesManually: the job's type (or why none) and its id.</summary>
    public (string Type, string? JobId) BuildIndexes(ModelRequest request) => store.Write(view =>
    {
        var (model, settings) = BuildRequestChecks.ModelRequest(view, request);
        return SegmentBuilds.BuildIndexes(view, model, settings);
    });

    /// <summary>
    /// ModelBuildService.addIndexesToSegments: project, ids xor names, batch_index_ids xor index_status (KE-010022220),
    /// the model, the names, index_status (KE-010022221), at most 100 segments unless parallel (KE-010022222).
    /// </summary>
    public SegmentCompletion CompleteSegments(
        string project, string modelName, bool parallel, IReadOnlyList<string>? ids, IReadOnlyList<string>? names,
        IReadOnlyList<string>? batchIndexIds, IReadOnlyList<string>? indexStatus, int priority, string? tag) => store.Write(view =>
    {
        var name = ModelNames.Project(view, project);
        SegmentBuilds.CheckIdsXorNames(ids, names);
        if (batchIndexIds is { Count: > 0 } && indexStatus is { Count: > 0 })
        {
            throw new KylinException(ErrorCode.SegmentIndexConflictParameter);
        }

        var model = ModelNames.Model(view.Catalog, name, modelName);
        var segmentIds = SegmentBuilds.Resolve(view.Catalog, model, ids, names);
        if (indexStatus?.Any(s => !IndexStatuses.Contains(s.ToUpperInvariant())) == true)
        {
            throw new KylinException(ErrorCode.SegmentIndexStatusInvalid);
        }

        // OpenSegmentController.completeSegments: index_status becomes the batch of the model's indexes in those statuses;
        // with none, the answer is one INDEX_BUILD without a job id and nothing is checked further.
        var batch = batchIndexIds?.Select(ParseLayoutId).ToArray();
        if (indexStatus is { Count: > 0 })
        {
            batch = IndexStatusOf(view.Catalog, model).Where(p => indexStatus.Contains(p.Status, StringComparer.OrdinalIgnoreCase)).Select(p => p.Layout).ToArray();
            if (batch.Length == 0)
            {
                return new SegmentCompletion(name, [new JobInfo(JobType.INDEX_BUILD.ToString(), null)], []);
            }
        }

        if (!parallel && segmentIds.Count > MaxSegmentsToComplete)
        {
            throw new KylinException(ErrorCode.SegmentBuildTooMany);
        }

        // The tag is a String here: Jackson writes it as a JSON string in the job.
        var tagJson = tag is null ? null : Newtonsoft.Json.JsonConvert.ToString(tag);
        var (jobs, failed) = SegmentBuilds.Complete(view, model, segmentIds, parallel, new BuildSettings(priority, BuildRequestChecks.Tag(tagJson), batch));
        var rows = ModelNames.SegmentRows(view.Catalog, model.Uuid);
        return new SegmentCompletion(name, jobs, failed.Select(segment => rows.First(r => r.Segment.Id == segment.Id)).ToArray());
    });

    /// <summary>OpenSegmentController.checkSegments: project, the data range, the model; the segments overlapping the range.</summary>
    public IReadOnlyList<Segment> CheckSegments(string project, string modelName, string? start, string? end) => store.Read(view =>
    {
        var name = ModelNames.Project(view, project);
        var (from, to) = SegmentRanges.DataRange(start, end);
        var model = ModelNames.Model(view.Catalog, name, modelName);
        return view.Catalog.Segments(model.Uuid).Where(s => s.Overlaps(from, to)).ToArray();
    });

    /// <summary>
    /// OpenSegmentController.checkProjectMLP after checkProjectName (build, refresh and delete of sub-partitions): every
    /// project of the mock has <c>kylin.model.multi-partition-enabled</c> off, Kylin's default, so this is always KE-010001208.
    /// </summary>
    public void CheckProjectMultiPartition(string project)
    {
        var name = store.Read(view => ModelNames.Project(view, project));
        throw new KylinException(ErrorCode.ProjectMultiPartitionDisable, name);
    }

    /// <summary>
    /// GET .../segments/multi_partition (ModelService.getSegmentPartitions): project, model, then the segment
    /// (KE-010022210); no model of the mock is multi-level partitioned, so a segment has no sub-partitions.
    /// </summary>
    public void FindSegmentForPartitions(string project, string modelName, string segmentId) => store.Read(view =>
    {
        var name = ModelNames.Project(view, project);
        var model = ModelNames.Model(view.Catalog, name, modelName);
        return view.Catalog.Segments(model.Uuid).Any(s => s.Id == segmentId) ? 0 : throw new KylinException(ErrorCode.SegmentNotExistId, segmentId);
    });

    // Spring's List<Long> conversion: a value that is no number is a type mismatch (400 KE-010000003).
    private static long ParseLayoutId(string value) =>
        long.TryParse(value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? id
            : throw KylinException.WithRaw(ErrorCode.InvalidParameter, $"Failed to convert value of type 'java.lang.String[]' to required type 'java.util.List'; nested exception is java.lang.NumberFormatException: For input string: \"{value}\"").WithStatus(400);

    // IndexEntity.Status of each layout as FusionIndexService.getIndexes shows it: ONLINE when every READY segment holds
    // it, BUILDING when not and an unfinished job of the model builds, else NO_BUILD.
    private static IEnumerable<(long Layout, string Status)> IndexStatusOf(ModelCatalog catalog, DataModel model)
    {
        var ready = catalog.Segments(model.Uuid).Where(s => s.Status is SegmentStatus.READY or SegmentStatus.WARNING).ToArray();
        var everywhere = ready.Length == 0 ? 0 : ready.Min(s => s.IndexCount);
        var building = catalog.Jobs(model.Uuid).Any(j => !j.State.IsFinal());
        return ModelLayouts.Ids(model.TotalIndexes).Select((id, i) => (id, i < everywhere ? "ONLINE" : building ? "BUILDING" : "NO_BUILD"));
    }
}
