using KylinMock.Errors;
using KylinMock.Jobs;

namespace KylinMock.Query;

/// <summary>
/// Kylin 5.0.x's status filter (<c>JobStatusUtil.mapJobStatusToScheduleState</c>, then the job table's
/// <c>job_status in (...)</c>): each requested name stands for internal states (PENDING for READY and PENDING,
/// DISCARDED for SUICIDAL and DISCARDED, NEW for READY, SKIP for a state no job of the mock is in); STARTING,
/// STOPPING, LAUNCHING_ERROR and WARNING map to none and fail. One bit per state.
/// </summary>
internal readonly struct StatusMatch
{
    private readonly int states;

    private StatusMatch(int states) => this.states = states;

    /// <summary>Builds the match; a name that maps to no state is Kylin's RuntimeException ("Can not map X to ExecutableState").</summary>
    public static StatusMatch From(IReadOnlyList<JobStatus> statuses)
    {
        if (statuses.Count == 0)
        {
            return new StatusMatch(-1);
        }

        var mask = 0;
        foreach (var status in statuses)
        {
            foreach (var state in States(status))
            {
                mask |= 1 << (int)state;
            }
        }

        return new StatusMatch(mask);
    }

    /// <summary>The internal states a status name stands for.</summary>
    public static ExecutableState[] States(JobStatus status) => status switch
    {
        JobStatus.NEW => [ExecutableState.READY],
        JobStatus.PENDING => [ExecutableState.READY, ExecutableState.PENDING],
        JobStatus.RUNNING => [ExecutableState.RUNNING],
        JobStatus.ERROR => [ExecutableState.ERROR],
        JobStatus.FINISHED => [ExecutableState.SUCCEED],
        JobStatus.STOPPED => [ExecutableState.PAUSED],
        JobStatus.SUICIDAL => [ExecutableState.SUICIDAL],
        JobStatus.DISCARDED => [ExecutableState.SUICIDAL, ExecutableState.DISCARDED],
        JobStatus.SKIP => [],
        _ => throw KylinException.WithRaw(ErrorCode.UnknownErrorCode, "Can not map " + status + " to ExecutableState"),
    };

    /// <summary>How many of the listed jobs pass the filter.</summary>
    public int CountIn(JobsByLastModified jobs) => jobs.CountIn(states);

    /// <summary>Whether the job passes the filter.</summary>
    public bool Matches(Job job) => ((states >> (int)job.State) & 1) != 0;
}
