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
        var states = 0;
        foreach (var name in statusNames)
        {
            if (JobStatuses.TryParse(name, out var status))
            {
                states |= 1 << (int)JobStatuses.FilterState(status);

                // 5.0.x JobStatusUtil.mapJobStatusToScheduleState: PENDING stands for READY and PENDING, DISCARDED for SUICIDAL and DISCARDED.
                states |= status switch
                {
                    JobStatus.PENDING => 1 << (int)ExecutableState.PENDING,
                    JobStatus.DISCARDED => 1 << (int)ExecutableState.DISCARDED,
                    _ => 0,
                };
            }
        }

        bool Keep(Job job) =>
            string.Equals(job.Project, project, StringComparison.OrdinalIgnoreCase) && (states == 0 || ((states >> (int)job.State) & 1) != 0);

        var selected = new List<Job>();
        if (jobIds is { Count: > 0 })
        {
            // Listed ids (each once): look each up rather than walk every job, then put them in storage order.
            foreach (var id in new HashSet<string>(jobIds, StringComparer.Ordinal))
            {
                if (store.Find(id) is { } job && Keep(job))
                {
                    selected.Add(job);
                }
            }

            selected.Sort((a, b) => a.StorageOrder.CompareTo(b.StorageOrder));
            return selected;
        }

        foreach (var job in store.Jobs)
        {
            if (Keep(job))
            {
                selected.Add(job);
            }
        }

        return selected;
    }
}
