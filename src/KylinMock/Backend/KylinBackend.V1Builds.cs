using KylinMock.Jobs;
using KylinMock.Models;

using KylinMock.Kylin4;

namespace KylinMock.Backend;

/// <summary>Kylin 4's <c>JobBuildRequest</c> (JobBuildRequest.java:23-33): <c>force</c> is <c>force || forceMergeEmptySegment</c>.</summary>
internal sealed record BuildRequest(long StartTime, long EndTime, string? BuildType, bool Force);

/// <summary>
/// The backend's Kylin 4 build: <c>PUT /cubes/{c}/build</c> and <c>/rebuild</c> (CC:408-458, JS:232-302, CM:681-872; contract §2.5, §4.3):
/// every refusal in Kylin's order, each a 500 carrying the raw message, before anything changes; then one NEW segment and one job
/// with Kylin 4's plan, whose end makes the segment READY (SegmentEffects).
/// </summary>
internal sealed partial class KylinBackend
{
    private const int MaxBuildingSegments = 10;
    private static readonly string[] JobTypeEnum = ["BUILD", "MERGE", "REFRESH", "OPTIMIZE", "CHECKPOINT", "TABLE_SAMPLING"];

    /// <summary>Submits the build and answers its JobInstance straight after submission.</summary>
    public JobInstance BuildCube(string cubeName, BuildRequest request)
    {
        // new TSRange(start, end) runs before the try block (CC:422): a bare IllegalStateException (SegmentRange.java:63-66).
        if (request.StartTime > request.EndTime && !(request.StartTime <= 0 && request.EndTime == long.MaxValue))
        {
            throw Kylin4Error.Plain(Kylin4Error.IllegalState, null);
        }

        return store.Write(view =>
        {
            var catalog = view.Catalog;
            var model = CubeView.Find(catalog, cubeName) ?? throw Kylin4Error.WrappedAs(null, Kylin4Error.NullPointer, null);
            var segments = catalog.Segments(model.Uuid);
            var building = segments.Count(s => s.Status == SegmentStatus.NEW);
            if (building >= MaxBuildingSegments)
            {
                throw BuildRefused($"There is already {building} building segment; ");
            }

            var type = request.BuildType ?? throw BuildRefused("Name is null");
            if (!JobTypeEnum.Contains(type))
            {
                throw BuildRefused("No enum constant org.apache.kylin.common.constant.JobTypeEnum." + type);
            }

            if (model.Broken)
            {
                throw BuildRefused($"Broken cube '{model.Alias}' can't be built.");
            }

            var (segment, jobType, steps) = type switch
            {
                "BUILD" => (NewBuild(view, model, request), JobType.INC_BUILD, Kylin4Plans.Build),
                "REFRESH" => (NewRefresh(view, model, request), JobType.INDEX_REFRESH, Kylin4Plans.Build),
                "MERGE" => (NewMerge(view, model, request), JobType.INDEX_MERGE, Kylin4Plans.Merge),
                _ => throw BuildRefused($"Invalid build type: '{type}'."),
            };
            catalog.AddSegment(segment);
            var job = view.Submit(new JobOrder(model.Project, jobType, model.Uuid, catalog.TakeNextPlan(model.Uuid))
            {
                Id = view.NewUuid(),
                SubjectAlias = model.Alias,
                TargetSegments = [segment.Id],
                DataRange = (segment.Start, segment.End),
                StepNames = steps,
            });
            return JobInstances.Instance(job, catalog, view.Now);
        });
    }

    // BUILD (CM:681-715): start 0 follows the last segment; an unpartitioned model is a full build; a READY range it covers whole is rebuilt.
    private static Segment NewBuild(JobStore.StoreView view, DataModel model, BuildRequest request)
    {
        var segments = view.Catalog.Segments(model.Uuid);
        var (start, end) = model.PartitionDesc is null ? (0L, Segment.InfiniteEnd) : (request.StartTime, request.EndTime);
        if (model.PartitionDesc is not null && start == 0)
        {
            start = segments.Count > 0 ? segments.Max(s => s.End) : 0;
        }

        CheckBuildRange(model, start, end);
        CheckBuildOverlap(model, segments, start, end, covered: s => s.Status != SegmentStatus.NEW && start <= s.Start && s.End <= end);
        return NewCubeSegment(view, model, start, end, JobInstances.SegmentName(start, end));
    }

    // REFRESH (CM:717-759): each end must be some segment's start or end; the new segment has the replaced one's name.
    private static Segment NewRefresh(JobStore.StoreView view, DataModel model, BuildRequest request)
    {
        var segments = view.Catalog.Segments(model.Uuid);
        var (start, end) = model.PartitionDesc is null ? (0L, Segment.InfiniteEnd) : (request.StartTime, request.EndTime);
        CheckBuildRange(model, start, end);
        var bounds = segments.SelectMany(s => new[] { s.Start, s.End }).ToHashSet();
        var name = JobInstances.SegmentName(start, end);
        if (!bounds.Contains(start) || !bounds.Contains(end))
        {
            throw BuildRefused($"The new refreshing segment {model.Alias}[{name}] does not match any existing segment in cube CUBE[name={model.Alias}]");
        }

        CheckBuildOverlap(model, segments, start, end, covered: s => s.Status != SegmentStatus.NEW);
        return NewCubeSegment(view, model, start, end, name);
    }

    // MERGE (CM:782-872): the READY segments inside the range, at least two, without gaps unless forced; named after the requested range.
    private static Segment NewMerge(JobStore.StoreView view, DataModel model, BuildRequest request)
    {
        var segments = view.Catalog.Segments(model.Uuid);
        if (segments.Count == 0)
        {
            throw BuildRefused($"Cube CUBE[name={model.Alias}] has no segments");
        }

        if (model.PartitionDesc is null)
        {
            throw BuildRefused("there is no partition date column specified, only full build is supported");
        }

        var (start, end) = (request.StartTime, request.EndTime);
        CheckBuildRange(model, start, end);
        var merged = segments.Where(s => s.Status != SegmentStatus.NEW && start <= s.Start && s.End <= end).OrderBy(s => s.Start).ToArray();
        if (merged.Length < 2)
        {
            throw BuildRefused($"Range TSRange[{start},{end}) must contain at least 2 segments, but there is {merged.Length}");
        }

        for (var i = 0; !request.Force && i + 1 < merged.Length; i++)
        {
            if (merged[i].End != merged[i + 1].Start)
            {
                throw BuildRefused($"Merging segments must not have gaps between {model.Alias}[{merged[i].Name}] and {model.Alias}[{merged[i + 1].Name}]");
            }
        }

        var (first, last) = (merged[0].Start, merged[^1].End);
        CheckBuildOverlap(model, segments, first, last, covered: s => s.Status != SegmentStatus.NEW && first <= s.Start && s.End <= last);
        return NewCubeSegment(view, model, first, last, JobInstances.SegmentName(start, end)) with { Merged = true };
    }

    // CubeSegment.validate (CSEG:457-464).
    private static void CheckBuildRange(DataModel model, long start, long end)
    {
        if (start >= end)
        {
            throw BuildRefused($"Invalid segment, dateRangeStart({start}) must be smaller than dateRangeEnd({end}) in segment {model.Alias}[{JobInstances.SegmentName(start, end)}]");
        }
    }

    // Segments.validate (SEGS:430-455): any overlap with a NEW segment, or a partial one with a READY segment the new one does not replace.
    private static void CheckBuildOverlap(DataModel model, IReadOnlyList<Segment> segments, long start, long end, Func<Segment, bool> covered)
    {
        var name = JobInstances.SegmentName(start, end);
        foreach (var s in segments)
        {
            if (s.Overlaps(start, end) && !covered(s))
            {
                var (a, b) = s.Start <= start ? (s.Name, name) : (name, s.Name);
                throw BuildRefused($"Segments overlap: {model.Alias}[{a}] and {model.Alias}[{b}]");
            }
        }
    }

    private static Segment NewCubeSegment(JobStore.StoreView view, DataModel model, long start, long end, string name) => new()
    {
        Id = view.NewUuid(),
        ModelUuid = model.Uuid,
        Name = name,
        Start = start,
        End = end,
        Status = SegmentStatus.NEW,
        CreateTime = view.Now,
    };

    // CC:447-457 wraps every Throwable as InternalErrorException(message, e): 500 with the raw message.
    private static Kylin4Error BuildRefused(string text) => Kylin4Error.WrappedAs(text, Kylin4Error.BadRequest, text);
}
