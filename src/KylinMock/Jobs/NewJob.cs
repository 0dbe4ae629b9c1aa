namespace KylinMock.Jobs;

/// <summary>A job as Kylin creates it: READY, its type's steps all READY, created and modified now.</summary>
internal static class NewJob
{
    public static Job Create(string id, string project, JobType type, string targetModel, string? subjectAlias, JobPlan plan, long now)
    {
        var kind = type.SubjectKind();
        var wholeTable = kind is SubjectKind.Table or SubjectKind.Snapshot or SubjectKind.Project;
        var job = new Job
        {
            Id = id,
            Project = project,
            JobName = type,
            TargetModel = targetModel,
            SubjectAlias = kind == SubjectKind.Model ? subjectAlias ?? targetModel : targetModel,
            DataRangeStart = 0,
            DataRangeEnd = wholeTable ? long.MaxValue : now,
            TargetSegments = wholeTable ? [] : [StableHash.Uuid("segment:" + id)],
            Submitter = "ADMIN",
            DiscardSafety = true,
            SnapshotDataRange = kind == SubjectKind.Snapshot ? "FULL" : null,
            Version = "4.0.0.0",
            State = ExecutableState.READY,
            CreateTime = now,
            LastModified = now,
            ReadySince = now,
            Plan = plan,
        };
        job.history.Add(ExecutableState.READY);
        var names = type.StepNames();
        job.Steps = names.Select((name, i) => new JobStep(id, i, name) { CreateTime = now }).ToArray();
        return job;
    }
}
