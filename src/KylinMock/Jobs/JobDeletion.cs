using KylinMock.Errors;

namespace KylinMock.Jobs;

/// <summary>
/// <c>JobController.dropJob</c> and <c>JobService.batchDropJob</c>: only jobs in a final state
/// (FINISHED, DISCARDED) can be deleted; the first job that is not stops the batch, the ones deleted
/// before it stay deleted.
/// </summary>
internal static class JobDeletion
{
    public static void Run(JobStore.StoreView store, string? project, IReadOnlyList<string>? jobIds, IReadOnlyList<string>? statuses)
    {
        foreach (var status in statuses ?? [])
        {
            if (!JobStatuses.TryParse(status, out _))
            {
                throw new KylinException(ErrorCode.JobStatusIllegal);
            }
        }

        if (string.IsNullOrWhiteSpace(project) && (jobIds is null || jobIds.Count == 0))
        {
            throw new KylinException(ErrorCode.JobNotSelected, "delete");
        }

        if (project is not null)
        {
            var found = ProjectChecks.Known(store, project);
            Drop(store, found.Name, jobIds, statuses ?? []);
            return;
        }

        foreach (var name in store.ProjectNames())
        {
            Drop(store, name, jobIds, statuses ?? []);
        }
    }

    private static void Drop(JobStore.StoreView store, string project, IReadOnlyList<string>? jobIds, IReadOnlyList<string> statuses)
    {
        var dropped = new List<Job>();
        try
        {
            foreach (var job in JobSelection.Select(store, project, jobIds, statuses))
            {
                if (!job.State.IsFinal())
                {
                    // NExecutableManager.checkJobCanBeDeleted throws an IllegalStateException: Kylin answers UNKNOWN ERRORCODE.
                    throw KylinException.WithRaw(ErrorCode.UnknownErrorCode, $"Cannot drop running job {job.JobName} ({job.Id}), please discard it first.");
                }

                dropped.Add(job);
            }
        }
        finally
        {
            // The jobs before a refused one stay dropped, as in Kylin.
            store.Remove(dropped);
        }
    }
}
