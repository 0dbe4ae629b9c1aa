using KylinMock.Jobs;

namespace KylinMock.Query;

/// <summary>
/// Kylin's status filter (<c>JobService.filterAndSortExecutablePO</c>): requested names map to internal
/// states (DISCARDED and SUICIDAL both to SUICIDAL), and a job matches when its state is in that set
/// or its displayed status is among the names; so DISCARDED matches DISCARDED and SUICIDAL jobs.
/// Both tests depend on the job's state alone, so they are folded into one bit per state.
/// </summary>
internal readonly struct StatusMatch
{
    private readonly int states;

    private StatusMatch(int states) => this.states = states;

    /// <summary>Builds the match; STARTING, STOPPING, LAUNCHING_ERROR, SKIP and WARNING are refused (KE-010000003).</summary>
    public static StatusMatch From(IReadOnlyList<JobStatus> statuses)
    {
        if (statuses.Count == 0)
        {
            return new StatusMatch(-1);
        }

        var filterStates = new HashSet<ExecutableState>();
        var names = new HashSet<JobStatus>();
        foreach (var status in statuses)
        {
            names.Add(status);
            filterStates.Add(JobStatuses.FilterState(status));
        }

        var mask = 0;
        foreach (var state in Enum.GetValues<ExecutableState>())
        {
            if (filterStates.Contains(state) || names.Contains(state.ToJobStatus()))
            {
                mask |= 1 << (int)state;
            }
        }

        return new StatusMatch(mask);
    }

    /// <summary>How many of the listed jobs pass the filter.</summary>
    public int CountIn(JobsByLastModified jobs) => jobs.CountIn(states);

    /// <summary>Whether the job passes the filter.</summary>
    public bool Matches(Job job) => ((states >> (int)job.State) & 1) != 0;
}
