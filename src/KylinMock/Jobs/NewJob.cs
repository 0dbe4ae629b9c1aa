namespace KylinMock.Jobs;

/// <summary>A job as Kylin creates it: READY, its type's steps all READY, created and modified now.</summary>
internal static class NewJob
{
    public static Job Create(string id, string project, JobType type, string targetModel, string? subjectAlias, JobPlan plan, long now) =>
        Create(id, project, new JobOrder(project, type, targetModel, plan) { SubjectAlias = subjectAlias }, now);

    public static Job Create(string id, string project, JobOrder order, long now)
    {
        var type = order.Type;
        var targetModel = order.TargetModel;
        var kind = type.SubjectKind();
        var wholeTable = kind is SubjectKind.Table or SubjectKind.Snapshot or SubjectKind.Project;
        var job = new Job
        {
            Id = id,
            Project = project,
            JobName = type,
            TargetModel = targetModel,
            SubjectAlias = kind == SubjectKind.Model ? order.SubjectAlias ?? targetModel : targetModel,
            DataRangeStart = order.DataRange?.Start ?? 0,
            DataRangeEnd = order.DataRange?.End ?? (wholeTable ? long.MaxValue : now),
            TargetSegments = order.TargetSegments ?? (wholeTable ? [] : [StableHash.Uuid("segment:" + id)]),
            TagJson = order.TagJson,
            TargetLayouts = order.TargetLayouts,
            Submitter = "ADMIN",
            DiscardSafety = true,
            SnapshotDataRange = kind == SubjectKind.Snapshot ? order.SnapshotDataRange ?? "FULL" : null,
            // A job the running server creates carries its version (RootPersistentEntity.version = KylinVersion.getCurrentVersion).
            Version = KylinVersion.Current,
            State = ExecutableState.READY,
            CreateTime = now,
            LastModified = now,
            ReadySince = now,
            Plan = order.Plan,
        };
        job.history.Add(ExecutableState.READY);
        var names = order.StepNames ?? type.StepNames();
        job.Steps = names.Select((name, i) => new JobStep(id, i, name) { CreateTime = now }).ToArray();
        return job;
    }
}
