using System.Diagnostics.CodeAnalysis;

namespace KylinMock.Jobs;

/// <summary>One step of a job (a Kylin sub-task), with Kylin's output fields.</summary>
public sealed class JobStep
{
    // "_00" to "_09": the usual suffixes, so a derived id is one concatenation.
    private static readonly string[] Suffixes = ["_00", "_01", "_02", "_03", "_04", "_05", "_06", "_07", "_08", "_09"];

    // A step of a generated job keeps no id string of its own (a million jobs hold three million
    // steps): it keeps its job's id, and its own id is derived with its index when read.
    private readonly string id = string.Empty;
    private readonly bool derived;

    /// <summary>A step; set <see cref="Id"/>, <see cref="Name"/> and the rest in the initializer.</summary>
    public JobStep()
    {
    }

    /// <summary>Step <paramref name="index"/> of job <paramref name="jobId"/>, whose id is <c>&lt;jobId&gt;_&lt;index:00&gt;</c>.</summary>
    [SetsRequiredMembers]
#pragma warning disable CS8618 // Id is not stored: it is derived from the job's id and the index.
    internal JobStep(string jobId, int index, string name)
#pragma warning restore CS8618
    {
        id = jobId;
        derived = true;
        SequenceId = index;
        Name = name;
    }

    /// <summary>The step id: <c>&lt;jobId&gt;_00</c>, <c>_01</c>, ...</summary>
    public required string Id
    {
        get => derived ? id + (SequenceId is >= 0 and < 10 ? Suffixes[SequenceId] : "_" + SequenceId.ToString("00", System.Globalization.CultureInfo.InvariantCulture)) : id;
        init
        {
            id = value;
            derived = false;
        }
    }

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

    // The stages as RESUME left them (NExecutableManager.resumeJob): done ones kept, the rest READY with their times and
    // info; null until the step is resumed. Slot-indexed like JobStages' timeline; the array is replaced, never changed.
    internal JobStage[]? keptStages;

    // When RESUME kept them: a run that started before is not a run of the kept stages.
    internal long keptAt;

    /// <summary>A copy that shares nothing with this step.</summary>
    public JobStep Clone() => (JobStep)MemberwiseClone();
}
