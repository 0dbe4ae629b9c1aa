using KylinMock.Jobs;

namespace KylinMock.Fixtures;

/// <summary>A job as read from Kylin's list shape, before it becomes a live <see cref="Job"/>.</summary>
internal sealed class JobRecord
{
    public string? Id;
    public long? LastModified;
    public long? Duration;
    public long ExecStartTime;
    public long ExecEndTime;

    /// <summary>The steps read, already made (their state as read; a running step's clock is set from <c>mock_jobs</c> later).</summary>
    public JobStep[] Steps = [];

    /// <summary>The steps read, still as records, when they could not be made while reading (no name or id yet known).</summary>
    public StepRecord[]? PendingSteps;

    /// <summary>The first made step that had no <c>step_status</c>, or -1 (reported when the job is assembled).</summary>
    public int StepWithoutStatus = -1;

    /// <summary>Back to a record of nothing read, for the next job.</summary>
    public void Clear()
    {
        Id = null;
        LastModified = null;
        Duration = null;
        ExecStartTime = 0;
        ExecEndTime = 0;
        Steps = [];
        PendingSteps = null;
        StepWithoutStatus = -1;
        Status = null;
        SchedulerState = null;
        JobName = null;
        DataRangeStart = 0;
        DataRangeEnd = 0;
        TargetModel = null;
        TargetSegments = [];
        StepRatio = null;
        CreateTime = null;
        TargetSubject = null;
        TargetSubjectError = false;
        Project = null;
        Submitter = null;
        DiscardSafety = false;
        TagJson = null;
        SnapshotDataRange = null;
        JobSchedulerMode = "CHAIN";
        Segments = [];
        Version = null;
    }

    /// <summary>Whether the file listed any steps.</summary>
    public bool HasSteps => Steps.Length > 0 || PendingSteps is { Length: > 0 };
    public JobStatus? Status;

    /// <summary>Kylin 5.0.x's <c>scheduler_state</c>, the raw ExecutableState behind <see cref="Status"/>, when the file has it.</summary>
    public ExecutableState? SchedulerState;
    public JobType? JobName;
    public long DataRangeStart;
    public long DataRangeEnd;
    public string? TargetModel;
    public IReadOnlyList<string> TargetSegments = [];
    public float? StepRatio;
    public long? CreateTime;
    public string? TargetSubject;
    public bool TargetSubjectError;
    public string? Project;
    public string? Submitter;
    public bool DiscardSafety;
    public string? TagJson;
    public string? SnapshotDataRange;
    public string JobSchedulerMode = "CHAIN";
    public IReadOnlyList<JobSegment> Segments = [];
    public string? Version;
}

/// <summary>A step as read from Kylin's detail shape (a value, made into a <see cref="JobStep"/> as soon as it can be).</summary>
internal struct StepRecord
{
    /// <summary>The step id; null when absent or exactly <c>&lt;job id&gt;_&lt;index:00&gt;</c> (derived again, not stored).</summary>
    public string? Id;
    public string? Name;
    public int? SequenceId;
    public long ExecStartTime;
    public long ExecEndTime;
    public long Duration;
    public long CreateTime;
    public long IndexCount;
    public long SuccessIndexCount;
    public JobStatus? Status;
    public string? FailedMessage;
    public string? FailedStack;
}
