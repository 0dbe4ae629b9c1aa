using KylinMock.Jobs;

namespace KylinMock.Kylin4;

/// <summary>Kylin 4's <c>JobInstance</c> (JobInstance.java:47-104, filled by JobService.getJobInstance; contract §3.1), as the adapter read it under the lock.</summary>
internal sealed record JobInstance(
    string Uuid,
    long LastModified,
    string Name,
    string ProjectName,
    string Type,
    long Duration,
    string? RelatedObject,
    string? RelatedCube,
    string? RelatedSegment,
    string? RelatedSegmentName,
    long ExecStartTime,
    long ExecEndTime,
    IReadOnlyList<JobInstance.Step> Steps,
    string Submitter,
    string JobStatus,
    string BuildInstance)
{
    /// <summary><c>getProgress()</c>: 100 × FINISHED steps / steps (JI:94-104).</summary>
    public double Progress => Steps.Count == 0 ? 0.0 : 100.0 * Steps.Count(s => s.Status == "FINISHED") / Steps.Count;

    /// <summary>One <c>JobStep</c> (JI:332-369, JobInfoConverter:140-172).</summary>
    internal sealed record Step(string Id, string Name, int SequenceId, long ExecStartTime, long ExecEndTime, string Status);
}

/// <summary>Kylin 4's job plans and names (JobStepFactory, NSparkCubingJob, NSparkMergingJob, NTableSamplingJob; contract §3.1-3.3).</summary>
internal static class Kylin4Plans
{
    /// <summary>BUILD and REFRESH: Detect Resource, Build Cube with Spark (EC:96, EC:54).</summary>
    public static readonly IReadOnlyList<string> Build = ["Detect Resource", "Build Cube with Spark"];

    /// <summary>MERGE without segment statistics (EC:96, 69, 68).</summary>
    public static readonly IReadOnlyList<string> Merge = ["Detect Resource", "Merge Segment Data", "Clean Up Old Segment for merging job"];

    /// <summary>TABLE_SAMPLING (EC:96, 99).</summary>
    public static readonly IReadOnlyList<string> Sampling = ["Detect Resource", "Sample Table"];

    /// <summary>The build instance of a started job (<c>&lt;pid&gt;@&lt;host&gt;</c>).</summary>
    public const string BuildInstance = "4070@kylinmock";

    /// <summary>The Kylin 4 steps of a job type, or null for a type Kylin 4 does not have (hidden on this face).</summary>
    public static IReadOnlyList<string>? Steps(JobType type) => type switch
    {
        JobType.INC_BUILD or JobType.INDEX_BUILD or JobType.INDEX_REFRESH => Build,
        JobType.INDEX_MERGE => Merge,
        JobType.TABLE_SAMPLING => Sampling,
        _ => null,
    };

    /// <summary>A cubing job (build, refresh, merge), as <c>jobSearchMode=CUBING_ONLY</c> keeps.</summary>
    public static bool IsCubing(JobType type) => type is JobType.INC_BUILD or JobType.INDEX_BUILD or JobType.INDEX_REFRESH or JobType.INDEX_MERGE;

    /// <summary>What <c>ExecutableState</c> shows as (JobInfoConverter:174-210): READY PENDING, PAUSED STOPPED, SUICIDAL DISCARDED.</summary>
    public static string Shown(ExecutableState state) => state switch
    {
        ExecutableState.READY or ExecutableState.PENDING => "PENDING",
        ExecutableState.RUNNING => "RUNNING",
        ExecutableState.ERROR => "ERROR",
        ExecutableState.SUCCEED => "FINISHED",
        ExecutableState.PAUSED => "STOPPED",
        _ => "DISCARDED",
    };

    /// <summary>
    /// <c>JobStatusEnum</c> codes to the states they filter by (JobStatusEnum.java:23, JS:170-191): NEW 0 and PENDING 1 READY,
    /// RUNNING 2, FINISHED 4 SUCCEED, ERROR 8, DISCARDED 16 (SUICIDAL too), STOPPED 32 PAUSED; null for an unknown code.
    /// </summary>
    public static ExecutableState[]? FilterStates(int code) => code switch
    {
        0 or 1 => [ExecutableState.READY, ExecutableState.PENDING],
        2 => [ExecutableState.RUNNING],
        4 => [ExecutableState.SUCCEED],
        8 => [ExecutableState.ERROR],
        16 => [ExecutableState.DISCARDED, ExecutableState.SUICIDAL],
        32 => [ExecutableState.PAUSED],
        _ => null,
    };
}

/// <summary>The filters of Kylin 4's <c>GET /jobs</c>, bound (JobListRequest.java:29-35; contract §3.6).</summary>
internal sealed record JobListFilter(string? CubeName, string? ProjectName, IReadOnlyList<int>? Status, int TimeFilter, int Limit, int Offset, string JobSearchMode);
