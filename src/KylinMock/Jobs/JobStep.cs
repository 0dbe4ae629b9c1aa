namespace KylinMock.Jobs;

/// <summary>One step of a job (a Kylin sub-task), with Kylin's output fields.</summary>
public sealed class JobStep
{
    /// <summary>The step id: <c>&lt;jobId&gt;_00</c>, <c>_01</c>, ...</summary>
    public required string Id { get; init; }

    /// <summary>The step's name, for example "Load Data To Index".</summary>
    public required string Name { get; init; }

    /// <summary>The step's index in the job.</summary>
    public int SequenceId { get; init; }

    /// <summary>The step's internal state.</summary>
    public ExecutableState State { get; internal set; } = ExecutableState.READY;

    /// <summary>Creation time, epoch ms.</summary>
    public long CreateTime { get; internal set; }

    /// <summary>First start, epoch ms; 0 until it runs.</summary>
    public long StartTime { get; internal set; }

    /// <summary>Last end, epoch ms; 0 while running or before it runs.</summary>
    public long EndTime { get; internal set; }

    /// <summary>Running time accumulated over finished runs, ms (Kylin's output duration).</summary>
    public long AccumulatedDuration { get; internal set; }

    /// <summary>When the current run started, epoch ms.</summary>
    public long LastRunningStartTime { get; internal set; }

    /// <summary>Indexes the step builds.</summary>
    public int IndexCount { get; internal set; }

    /// <summary>Indexes built so far.</summary>
    public int SuccessIndexCount { get; internal set; }

    /// <summary>The failure message, when the step failed.</summary>
    public string? FailedMessage { get; internal set; }

    /// <summary>The failure stack, when the step failed.</summary>
    public string? FailedStack { get; internal set; }

    /// <summary>A copy that shares nothing with this step.</summary>
    public JobStep Clone() => (JobStep)MemberwiseClone();
}
