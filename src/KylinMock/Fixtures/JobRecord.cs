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
    public List<StepRecord> Steps = [];
    public JobStatus? Status;
    public JobType? JobName;
    public long DataRangeStart;
    public long DataRangeEnd;
    public string? TargetModel;
    public List<string> TargetSegments = [];
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
    public List<JobSegment> Segments = [];
    public string? Version;
}

/// <summary>A step as read from Kylin's detail shape.</summary>
internal sealed class StepRecord
{
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
