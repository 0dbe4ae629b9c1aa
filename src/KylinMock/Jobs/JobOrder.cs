namespace KylinMock.Jobs;

/// <summary>
/// What a new job is made for (Kylin's <c>JobParam</c>): its type, subject, target segments and data
/// range. Null targets and range mean the defaults of a job submitted without them.
/// </summary>
internal sealed record JobOrder(string Project, JobType Type, string TargetModel, JobPlan Plan)
{
    /// <summary>The model alias shown as <c>target_subject</c>.</summary>
    public string? SubjectAlias { get; init; }

    /// <summary>The job id; drawn from the store's seed when null.</summary>
    public string? Id { get; init; }

    /// <summary>The segments the job builds, or null for the default.</summary>
    public IReadOnlyList<string>? TargetSegments { get; init; }

    /// <summary>The data range, or null for the default.</summary>
    public (long Start, long End)? DataRange { get; init; }

    /// <summary>The step names, or null for the type's Kylin 5 steps (a Kylin 4 server's jobs run Kylin 4's plans).</summary>
    public IReadOnlyList<string>? StepNames { get; init; }

    /// <summary>The tag as raw JSON, or null.</summary>
    public string? TagJson { get; init; }

    /// <summary>The layouts a model job builds (JobParam.targetLayouts), or null for all.</summary>
    public IReadOnlyList<long>? TargetLayouts { get; init; }

    /// <summary>A snapshot job's <c>snapshot_data_range</c> ("FULL" when null).</summary>
    public string? SnapshotDataRange { get; init; }
}
