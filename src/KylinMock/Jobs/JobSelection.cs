namespace KylinMock.Jobs;

/// <summary>
/// Kylin's <c>JobService.getJobsByStatus</c>: a project's jobs in storage order, kept when their id is
/// listed (if any are) and their internal state is one the status names map to (if any are given).
/// Unknown names are skipped here; ids of other projects simply match nothing.
/// </summary>
internal static class JobSelection
{
    public static List<Job> Select(JobStore.StoreView store, string project, IReadOnlyList<string>? jobIds, IReadOnlyList<string> statusNames)
    {
        var states = new HashSet<ExecutableState>();
        foreach (var name in statusNames)
        {
            if (JobStatuses.TryParse(name, out var status))
            {
                states.Add(JobStatuses.FilterState(status));
            }
        }

        var ids = jobIds is { Count: > 0 } ? new HashSet<string>(jobIds, StringComparer.Ordinal) : null;
        return store.Jobs
            .Where(j => string.Equals(j.Project, project, StringComparison.OrdinalIgnoreCase))
            .Where(j => ids is null || ids.Contains(j.Id))
            .Where(j => states.Count == 0 || states.Contains(j.State))
            .ToList();
    }
}
