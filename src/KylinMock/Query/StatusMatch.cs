using KylinMock.Jobs;

namespace KylinMock.Query;

/// <summary>
/// Kylin's status filter (<c>JobService.filterAndSortExecutablePO</c>): requested names map to internal
/// states (DISCARDED and SUICIDAL both to SUICIDAL), and a job matches when its state is in that set
/// or its displayed status is among the names; so DISCARDED matches DISCARDED and SUICIDAL jobs.
/// </summary>
internal sealed class StatusMatch
{
    private readonly HashSet<ExecutableState> states = [];
    private readonly HashSet<JobStatus> names = [];

    private StatusMatch()
    {
    }

    /// <summary>Matches every job.</summary>
    public bool All => names.Count == 0;

    /// <summary>Builds the match; STARTING, STOPPING, LAUNCHING_ERROR, SKIP and WARNING are refused (KE-010000003).</summary>
    public static StatusMatch From(IReadOnlyList<JobStatus> statuses)
    {
        var match = new StatusMatch();
        foreach (var status in statuses)
        {
            match.names.Add(status);
            match.states.Add(JobStatuses.FilterState(status));
        }

        return match;
    }

    /// <summary>Whether the job passes the filter.</summary>
    public bool Matches(Job job) => All || states.Contains(job.State) || names.Contains(job.Status);
}
