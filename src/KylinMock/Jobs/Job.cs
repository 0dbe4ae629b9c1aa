namespace KylinMock.Jobs;

/// <summary>
/// A Kylin job (an executable of a project) with every field Kylin's job list shows. The job store
/// owns live jobs; what it hands out are copies taken under its lock.
/// </summary>
public sealed class Job
{
    // Plans are immutable, so every job starts with the same default one (not one per job).
    private static readonly JobPlan DefaultPlan = new();

    /// <summary>The job id (a uuid).</summary>
    public required string Id { get; init; }

    /// <summary>The project, in its stored case.</summary>
    public required string Project { get; init; }

    /// <summary>The job type (<c>job_name</c>).</summary>
    public required JobType JobName { get; init; }

    /// <summary>The model uuid, or the table name for sampling and snapshot jobs (<c>target_model</c>).</summary>
    public required string TargetModel { get; init; }

    /// <summary>The subject's readable name: model alias, table name, or project (null when unknown).</summary>
    public string? SubjectAlias { get; init; }

    /// <summary>Whether the subject still exists.</summary>
    internal SubjectHealth SubjectHealth { get => subjectHealth; init => subjectHealth = value; }

    /// <summary>Start of the data range, epoch ms.</summary>
    public long DataRangeStart { get; init; }

    /// <summary>End of the data range, epoch ms (<see cref="long.MaxValue"/> for sampling and snapshot jobs).</summary>
    public long DataRangeEnd { get; init; }

    /// <summary>The segments the job builds.</summary>
    public IReadOnlyList<string> TargetSegments { get; init; } = [];

    /// <summary>Who submitted the job.</summary>
    public string? Submitter { get; init; }

    /// <summary>Whether discarding the job is safe.</summary>
    public bool DiscardSafety { get; init; }

    /// <summary>The job's tag as raw JSON (usually null).</summary>
    public string? TagJson { get; init; }

    /// <summary>FULL, INC or a partition list for snapshot jobs; null otherwise.</summary>
    public string? SnapshotDataRange { get; init; }

    /// <summary>CHAIN or DAG.</summary>
    public string JobSchedulerMode { get; init; } = "CHAIN";

    /// <summary>The layouts the job builds (JobParam.targetLayouts from <c>batch_index_ids</c>), or null for all.</summary>
    internal IReadOnlyList<long>? TargetLayouts { get; init; }

    /// <summary>The tiered-storage segments Kylin lists with the job (usually empty).</summary>
    internal IReadOnlyList<JobSegment> Segments { get; init; } = [];

    /// <summary>The metadata version string (for example "4.0.0.0"), or null.</summary>
    public string? Version { get; init; }

    /// <summary>The internal state.</summary>
    public ExecutableState State { get; internal set; } = ExecutableState.READY;

    /// <summary>Creation time, epoch ms (RESTART sets it to the restart time).</summary>
    public long CreateTime { get; internal set; }

    /// <summary>The last change to the job or any of its steps, epoch ms.</summary>
    public long LastModified { get; internal set; }

    /// <summary>First start, epoch ms; 0 until it runs.</summary>
    public long StartTime { get; internal set; }

    /// <summary>End, epoch ms; 0 while it has not ended.</summary>
    public long EndTime { get; internal set; }

    /// <summary>The job's steps, in order.</summary>
    public IReadOnlyList<JobStep> Steps { get; internal set; } = [];

    /// <summary>How the job lives on the clock from now on.</summary>
    public JobPlan Plan { get; internal set; } = DefaultPlan;

    /// <summary>How many times the job has been picked up (runs start at 1).</summary>
    public int Runs { get; internal set; }

    /// <summary>When the job last entered READY, epoch ms.</summary>
    public long ReadySince { get; internal set; }

    /// <summary>True for a job loaded without a plan (captured from a real Kylin): its default plan counts from when the store loads it, so it stays as captured until the clock moves.</summary>
    public bool PlanCountsFromLoad { get => planCountsFromLoad; init => planCountsFromLoad = value; }

    /// <summary>Every state the job has been in, in order (starting with its first); a copy taken when read.</summary>
    public IReadOnlyList<ExecutableState> History => history.ToArray();

    internal StateHistory history;

    // A fixture's job is made while its file is read; these two are settled once its mock_jobs entry is known.
    internal SubjectHealth subjectHealth;
    internal bool planCountsFromLoad;

    // Where the store put the job: rising with each insertion, so it orders jobs as storage does.
    internal long StorageOrder;

    // Bumped by the store at every change to the job or its steps (JobStore.Touched); a value derived from them is kept with the revision it was derived at.
    internal int revision;

    // The step ratio a job captured without steps was listed with, kept while the job is as captured (LastModified unchanged):
    // its stage progress cannot be rebuilt from the list.
    internal float? capturedStepRatio;
    internal long capturedAt;

    // Kylin's sort-bean total duration of a job that is not progressing (JobTiming.SortTotalDurationKept), valid at revision sortTotalAt - 1.
    internal int sortTotalAt;
    internal long sortTotal;

    // The last-modified time and state the store's JobsByLastModified filed the job under.
    internal long listedLastModified;
    internal ExecutableState listedState;

    /// <summary>The status Kylin displays.</summary>
    public JobStatus Status => State.ToJobStatus();

    /// <summary>A deep copy that shares no mutable state with this job.</summary>
    public Job Clone()
    {
        var copy = (Job)MemberwiseClone();
        copy.Steps = Steps.Select(s => s.Clone()).ToArray();
        copy.history = history.Copy();
        return copy;
    }
}
