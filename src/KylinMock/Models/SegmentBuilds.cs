using KylinMock.Errors;
using KylinMock.Jobs;

namespace KylinMock.Models;

/// <summary>
/// The job-producing segment operations of one model, inside the store's lock (DLS/ModelBuildService
/// buildSegmentsManually, refreshSegmentById, mergeSegmentsManually; MOD/ModelService checkMergeSegments,
/// deleteSegmentById, purgeModelManually). Every check runs before anything changes, so a refused
/// request changes nothing.
/// </summary>
internal static class SegmentBuilds
{
    /// <summary>POST .../segments after the controller's checks: a full build or a new range; null entries are Kylin's <c>[null]</c>.</summary>
    public static IReadOnlyList<JobInfo?> Build(JobStore.StoreView view, DataModel model, (long Start, long End)? range, bool buildAllIndexes, BuildSettings settings, TimeZoneInfo zone)
    {
        var catalog = view.Catalog;
        if (buildAllIndexes && model.TotalIndexes == 0)
        {
            // ModelService.checkModelAndIndexManually
            throw KylinException.WithRaw(ErrorCode.PermissionDenied, "Can’t build segment(s). Please add some indexes first.");
        }

        if (model.PartitionDesc is null)
        {
            // constructFullBuild: the first segment, or a refresh of all layouts of the one there is.
            var existing = catalog.Segments(model.Uuid);
            if (existing.Count > 0)
            {
                return buildAllIndexes ? Refresh(view, model, [existing[0].Id], refreshAllIndexes: true, settings) : [];
            }

            var full = NewSegment(view, model, 0, Segment.InfiniteEnd, buildAllIndexes ? SegmentStatus.NEW : SegmentStatus.READY, zone);
            if (!buildAllIndexes)
            {
                catalog.AddSegment(full);
                return [];
            }

            ModelLayouts.Targets(model, settings.BatchIndexIds);
            CheckConflicts(catalog, model, [full]);
            catalog.AddSegment(full);
            return [Submit(view, model, JobType.INC_BUILD, full, settings)];
        }

        // Long.parseLong(null) in DateFormat.getFormatTimeStamp (inferred; JDK 8 says "null").
        var (start, end) = range ?? throw KylinException.WithRaw(ErrorCode.InvalidParameter, "null").WithStatus(400);
        var overlapping = catalog.Segments(model.Uuid).Where(s => s.Overlaps(start, end)).ToArray();
        if (overlapping.Length > 0)
        {
            throw new KylinException(ErrorCode.SegmentBuildRangeOverlap, "[" + string.Join(",", overlapping.Select(s => s.Name)) + "]");
        }

        var segment = NewSegment(view, model, start, end, buildAllIndexes ? SegmentStatus.NEW : SegmentStatus.READY, zone);
        if (!buildAllIndexes)
        {
            // constructIncrementBuild adds the null job id of a segment that needs no build.
            catalog.AddSegment(segment);
            return [null];
        }

        ModelLayouts.Targets(model, settings.BatchIndexIds);
        CheckConflicts(catalog, model, [segment]);
        catalog.AddSegment(segment);
        return [Submit(view, model, JobType.INC_BUILD, segment, settings)];
    }

    /// <summary>refreshSegmentById: status checks, then per id a NEW copy of the range and an INDEX_REFRESH job.</summary>
    public static IReadOnlyList<JobInfo?> Refresh(JobStore.StoreView view, DataModel model, IReadOnlyList<string> ids, bool refreshAllIndexes, BuildSettings settings)
    {
        var catalog = view.Catalog;
        CheckExist(catalog, model, ids);
        CheckStatuses(catalog, model, ids, "LOADING", "REFRESHING", "MERGING", "LOCKED");
        var byId = ById(catalog, model);
        var sources = ids.Select(id => byId[id]).ToArray();
        // RefreshJobUtil.computeLayout: named layouts (KE-010032202 when none is the plan's), else all or the segment's own.
        if (ModelLayouts.Targets(model, settings.BatchIndexIds) is null && !refreshAllIndexes && sources.FirstOrDefault(s => s.IndexCount == 0) is not null)
        {
            throw new KylinException(ErrorCode.JobCreateCheckSegmentFail);
        }

        var copies = new Segment[sources.Length];
        for (var i = 0; i < sources.Length; i++)
        {
            copies[i] = Copy(sources[i], view.NewUuid(), view.Now);
        }

        // Kylin submits one refresh after another in one transaction: the second refresh of a segment named twice
        // meets the first one's job (AbstractJobHandler.checkBeforeHandle) and the whole request is refused.
        if (sources.Distinct().Count() != sources.Length)
        {
            throw new KylinException(ErrorCode.JobCreateCheckFail);
        }

        CheckConflicts(catalog, model, copies);
        var jobs = new List<JobInfo?>();
        foreach (var copy in copies)
        {
            catalog.AddSegment(copy);
            jobs.Add(Submit(view, model, JobType.INDEX_REFRESH, copy, settings));
        }

        return jobs;
    }

    /// <summary>mergeSegmentsManually: exist, statuses, no gaps, READY or WARNING; one NEW segment over the whole range and an INDEX_MERGE job.</summary>
    public static JobInfo Merge(JobStore.StoreView view, DataModel model, IReadOnlyList<string> ids, BuildSettings settings, TimeZoneInfo zone)
    {
        // MergeJobUtil.computeLayout merges the segments' layouts: batch_index_ids play no part.
        settings = settings with { BatchIndexIds = null };
        var catalog = view.Catalog;
        CheckExist(catalog, model, ids);
        CheckStatuses(catalog, model, ids, "LOADING", "REFRESHING", "MERGING", "LOCKED");
        var byId = ById(catalog, model);
        var sources = ids.Distinct(StringComparer.Ordinal).Select(id => byId[id]).OrderBy(s => s.Start).ThenBy(s => s.End).ToArray();
        for (var i = 0; i + 1 < sources.Length; i++)
        {
            if (sources[i].End != sources[i + 1].Start)
            {
                throw new KylinException(ErrorCode.SegmentMergeContainsGaps);
            }
        }

        if (sources.Any(s => s.Status is not (SegmentStatus.READY or SegmentStatus.WARNING)))
        {
            throw KylinException.WithRaw(ErrorCode.PermissionDenied, "Can’t merge segments which are not ready yet.");
        }

        // checkMergeSegments → JobManager: the segments must hold the same index set (KE-010032207), and some index
        // at all (KE-010032204). A segment's index set is known here by its count.
        if (sources.Any(s => s.IndexCount != sources[0].IndexCount))
        {
            throw new KylinException(ErrorCode.JobMergeCheckIndexFail);
        }

        if (sources[0].IndexCount == 0)
        {
            throw new KylinException(ErrorCode.JobCreateAbandon);
        }

        var merged = NewSegment(view, model, sources[0].Start, sources.Max(s => s.End), SegmentStatus.NEW, zone) with { Merged = true };
        CheckConflicts(catalog, model, [merged]);
        catalog.AddSegment(merged);
        return Submit(view, model, JobType.INDEX_MERGE, merged, settings);
    }

    /// <summary>deleteSegmentById / purgeModelManually: the segments go, the model goes OFFLINE with its last one, and unfinished jobs left without segments end SUICIDAL.</summary>
    public static void Delete(JobStore.StoreView view, DataModel model, IReadOnlyList<string>? ids)
    {
        var catalog = view.Catalog;
        if (ids is not null)
        {
            CheckExist(catalog, model, ids);
            CheckStatuses(catalog, model, ids, "LOCKED");
        }

        var gone = ids is null ? null : new HashSet<string>(ids, StringComparer.Ordinal);
        catalog.RemoveSegments(model.Uuid, s => gone is null || gone.Contains(s.Id));

        var left = new HashSet<string>(catalog.Segments(model.Uuid).Select(s => s.Id), StringComparer.Ordinal);
        foreach (var job in catalog.UnfinishedJobs(model.Uuid).ToArray())
        {
            if (!job.State.IsFinal() && job.TargetSegments.Count > 0 && !job.TargetSegments.Any(left.Contains))
            {
                view.Suicide(job);
            }
        }
    }

    /// <summary>
    /// buildIndicesManually → JobManager.addIndexJob: NO_SEGMENT for a model without segments; the targets are
    /// the READY/WARNING segments no blocking job of the model covers (SegmentUtil.getValidSegments); NO_LAYOUT
    /// when none lacks an index; else one INDEX_BUILD over them all (NORM_BUILD). Returns the type and job id.
    /// </summary>
    public static (string Type, string? JobId) BuildIndexes(JobStore.StoreView view, DataModel model, BuildSettings settings)
    {
        var catalog = view.Catalog;
        var segments = catalog.Segments(model.Uuid);
        if (segments.Count == 0)
        {
            return ("NO_SEGMENT", null);
        }

        var busy = catalog.UnfinishedJobs(model.Uuid).SelectMany(j => j.TargetSegments).Distinct().Select(id => catalog.FindSegment(model.Uuid, id)).OfType<Segment>().ToArray();
        var targets = segments.Where(s => s.Status is SegmentStatus.READY or SegmentStatus.WARNING && !busy.Any(b => b.Overlaps(s.Start, s.End))).ToArray();
        if (!targets.Any(s => s.IndexCount < model.TotalIndexes))
        {
            return ("NO_LAYOUT", null);
        }

        var job = view.Submit(new JobOrder(model.Project, JobType.INDEX_BUILD, model.Uuid, catalog.TakeNextPlan(model.Uuid))
        {
            SubjectAlias = model.Alias,
            TargetSegments = targets.Select(s => s.Id).ToArray(),
            DataRange = (targets.Min(s => s.Start), targets.Max(s => s.End)),
            TagJson = settings.TagJson,
        });
        return ("NORM_BUILD", job.Id);
    }

    /// <summary>
    /// addIndexesToSegments: one INDEX_BUILD over the segments (or one per segment when parallel); a segment a
    /// blocking job covers is not an error but a failed segment (KE-010032206); nothing missing gives a null job id.
    /// </summary>
    public static (IReadOnlyList<JobInfo?> Jobs, IReadOnlyList<Segment> Failed) Complete(JobStore.StoreView view, DataModel model, IReadOnlyList<string> ids, bool parallel, BuildSettings settings)
    {
        var catalog = view.Catalog;
        CheckExist(catalog, model, ids);
        var targets = ids.Select(id => catalog.Segments(model.Uuid).First(s => s.Id == id)).ToArray();
        var groups = parallel ? targets.Select(t => new[] { t }).ToArray() : [targets];
        var jobs = new List<JobInfo?>();
        var failed = new List<Segment>();
        foreach (var group in groups)
        {
            var busy = group.Where(t => Blocked(catalog, model, t)).ToArray();
            if (busy.Length > 0)
            {
                failed.AddRange(busy);
                continue;
            }

            // IndexBuildJobUtil.computeLayout: the (named) layouts some segment of the group lacks; none gives no job.
            var missing = ModelLayouts.Missing(model, group, settings.BatchIndexIds);
            if (missing.Count == 0)
            {
                jobs.Add(new JobInfo(JobType.INDEX_BUILD.ToString(), null));
                continue;
            }

            var job = view.Submit(new JobOrder(model.Project, JobType.INDEX_BUILD, model.Uuid, catalog.TakeNextPlan(model.Uuid))
            {
                SubjectAlias = model.Alias,
                TargetSegments = group.Select(s => s.Id).ToArray(),
                DataRange = (group.Min(s => s.Start), group.Max(s => s.End)),
                TagJson = settings.TagJson,
                TargetLayouts = settings.BatchIndexIds is { Count: > 0 } ? missing : null,
            });
            jobs.Add(new JobInfo(JobType.INDEX_BUILD.ToString(), job.Id));
        }

        return (jobs, failed);
    }

    /// <summary>ModelService.convertSegmentIdWithName after checkSegmentParams: ids xor names (KE-010022214/215); unknown names KE-010022209.</summary>
    public static IReadOnlyList<string> Resolve(ModelCatalog catalog, DataModel model, IReadOnlyList<string>? ids, IReadOnlyList<string>? names)
    {
        CheckIdsXorNames(ids, names);
        if (names is not { Count: > 0 })
        {
            return ids!;
        }

        var segments = catalog.Segments(model.Uuid);
        var unknown = names!.Where(n => segments.All(s => s.Name != n)).ToArray();
        if (unknown.Length > 0)
        {
            throw new KylinException(ErrorCode.SegmentNotExistName, string.Join(",", unknown));
        }

        return names!.Select(n => segments.First(s => s.Name == n).Id).ToArray();
    }

    /// <summary>NBasicController.checkSegmentParams: ids and names together KE-010022214, neither KE-010022215.</summary>
    public static void CheckIdsXorNames(IReadOnlyList<string>? ids, IReadOnlyList<string>? names)
    {
        var hasIds = ids is { Count: > 0 };
        var hasNames = names is { Count: > 0 };
        if (hasIds && hasNames)
        {
            throw new KylinException(ErrorCode.SegmentConflictParameter);
        }

        if (!hasIds && !hasNames)
        {
            throw new KylinException(ErrorCode.SegmentEmptyParameter);
        }
    }

    // ModelService.checkSegmentsExistById: the unknown ids, comma-joined.
    private static void CheckExist(ModelCatalog catalog, DataModel model, IReadOnlyList<string> ids)
    {
        var byId = ById(catalog, model);
        var unknown = ids.Where(id => !byId.ContainsKey(id)).ToArray();
        if (unknown.Length > 0)
        {
            throw new KylinException(ErrorCode.SegmentNotExistId, string.Join(",", unknown));
        }
    }

    private static IReadOnlyDictionary<string, Segment> ById(ModelCatalog catalog, DataModel model) => catalog.SegmentsById(model.Uuid);

    // ModelService.checkSegmentsStatus: one status at a time over every id; LOCKED is KE-010022216, the others KE-010022217.
    // Each named segment's status is worked out once, however often it is named.
    private static void CheckStatuses(ModelCatalog catalog, DataModel model, IReadOnlyList<string> ids, params string[] statuses)
    {
        var segments = catalog.Segments(model.Uuid);
        var display = SegmentDisplay.StatusesToDisplay(segments, catalog.UnfinishedJobs(model.Uuid));
        var shownStatus = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < segments.Count; i++)
        {
            shownStatus.TryAdd(segments[i].Id, display[i]);
        }

        var byId = ById(catalog, model);
        foreach (var status in statuses)
        {
            foreach (var id in ids)
            {
                var segment = byId[id];
                if (shownStatus[id] != status)
                {
                    continue;
                }

                var shown = "[id:" + segment.Id + ",name:" + segment.Name + "]";
                throw status == "LOCKED"
                    ? new KylinException(ErrorCode.SegmentLocked, shown)
                    : new KylinException(ErrorCode.SegmentStatus, shown, status);
            }
        }
    }

    // AbstractJobHandler.checkBeforeHandle: a new job's segment may not overlap a segment a blocking (unfinished) job of the model targets.
    private static void CheckConflicts(ModelCatalog catalog, DataModel model, IReadOnlyList<Segment> targets)
    {
        if (targets.Any(t => Blocked(catalog, model, t)))
        {
            throw new KylinException(ErrorCode.JobCreateCheckFail);
        }
    }

    // Reads the model's unfinished jobs and their segments by id: the cost never grows with the model's history.
    private static bool Blocked(ModelCatalog catalog, DataModel model, Segment target)
    {
        foreach (var job in catalog.UnfinishedJobs(model.Uuid))
        {
            foreach (var id in job.TargetSegments)
            {
                if (catalog.FindSegment(model.Uuid, id) is { } busy && target.Overlaps(busy.Start, busy.End))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // NDataflowManager.refreshSegment: a NEW segment over the same range, nothing built yet.
    private static Segment Copy(Segment source, string id, long now) => source with
    {
        Id = id,
        Status = SegmentStatus.NEW,
        CreateTime = now,
        LastBuildTime = 0,
        IndexCount = 0,
        IndexCountTotal = 0,
        SourceCount = 0,
        SourceBytesSize = 0,
        BytesSize = 0,
        RowCount = 0,
        FileCount = 0,
        HitCount = 0,
    };

    private static Segment NewSegment(JobStore.StoreView view, DataModel model, long start, long end, SegmentStatus status, TimeZoneInfo zone) => new()
    {
        Id = view.NewUuid(),
        ModelUuid = model.Uuid,
        Name = SegmentNames.Make(start, end, zone),
        Start = start,
        End = end,
        Status = status,
        CreateTime = view.Now,
        LastBuildTime = status == SegmentStatus.READY ? view.Now : 0,
    };

    // JobParam(segment, model, user): one target segment, its range, the model's next plan.
    private static JobInfo Submit(JobStore.StoreView view, DataModel model, JobType type, Segment segment, BuildSettings settings)
    {
        var job = view.Submit(new JobOrder(model.Project, type, model.Uuid, view.Catalog.TakeNextPlan(model.Uuid))
        {
            SubjectAlias = model.Alias,
            TargetSegments = [segment.Id],
            DataRange = (segment.Start, segment.End),
            TagJson = settings.TagJson,
            TargetLayouts = ModelLayouts.Targets(model, settings.BatchIndexIds),
        });
        return new JobInfo(type.ToString(), job.Id);
    }
}
