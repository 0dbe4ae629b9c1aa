using KylinMock.Errors;

namespace KylinMock.Jobs;

/// <summary>
/// <c>JobController.updateJobStatus</c> and <c>JobService.batchUpdateJobStatus</c> in Kylin's order:
/// the action is required; each listed job must exist and its status joins the statuses; every
/// status must be a name, the action one of Kylin's and allowed for it; something must be selected;
/// then the project's (or every project's) jobs, filtered by ids and statuses, are updated one by
/// one, and the first failure stops the batch with the earlier updates kept.
/// </summary>
internal static class JobStatusUpdate
{
    public static void Run(JobStore.StoreView store, JobUpdateRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Action))
        {
            throw new KylinException(ErrorCode.RequestParameterEmpty, "action");
        }

        var action = request.Action;
        var jobIds = request.JobIds ?? throw KylinException.WithRaw(ErrorCode.UnknownErrorCode, "null");

        // checkJobStatusAndAction: the request's statuses list itself gets the listed jobs' statuses.
        var statuses = new List<string>(request.Statuses ?? []);
        foreach (var id in jobIds)
        {
            var job = store.Find(id) ?? throw new KylinException(ErrorCode.JobNotExist, id);
            statuses.Add(job.Status.ToString());
        }

        foreach (var status in statuses)
        {
            CheckStatusAndAction(status, action);
        }

        if (string.IsNullOrWhiteSpace(request.Project) && jobIds.Count == 0)
        {
            throw new KylinException(ErrorCode.JobNotSelected, action);
        }

        var filter = request.Statuses is null ? [] : statuses;
        if (!string.IsNullOrEmpty(request.Project))
        {
            var project = ProjectChecks.Known(store, request.Project);
            UpdateProject(store, project.Name, jobIds, filter, action);
        }
        else
        {
            foreach (var project in store.ProjectNames())
            {
                UpdateProject(store, project, jobIds, filter, action);
            }
        }
    }

    /// <summary>The action Kylin's switch runs, after <c>JobActionEnum.validateValue</c> (case-insensitive).</summary>
    public static JobAction ParseAction(string action) =>
        JobActions.TryParse(action.ToUpperInvariant(), out var parsed)
            ? parsed
            : throw new KylinException(ErrorCode.ParameterInvalidSupportList, "action", JobActions.AllNames);

    private static void CheckStatusAndAction(string status, string action)
    {
        if (!JobStatuses.TryParse(status, out var jobStatus))
        {
            throw new KylinException(ErrorCode.JobStatusIllegal);
        }

        ParseAction(action);

        // JobActionEnum.valueOf is case-sensitive: a lowercase action passes validateValue and fails here.
        if (!JobActions.TryParse(action, out var exact))
        {
            throw KylinException.WithRaw(ErrorCode.InvalidParameter, "No enum constant org.apache.kylin.job.constant.JobActionEnum." + action).WithStatus(400);
        }

        if (!JobActions.IsAllowed(jobStatus, exact))
        {
            throw new KylinException(ErrorCode.JobActionIllegal, status, JobActions.AllowedNames(jobStatus));
        }
    }

    // getJobsByStatus, then updateJobStatus for each job in storage order.
    private static void UpdateProject(JobStore.StoreView store, string project, IReadOnlyList<string> jobIds, List<string> filter, string action)
    {
        foreach (var job in JobSelection.Select(store, project, jobIds, filter))
        {
            var parsed = ParseAction(action);
            store.Change(job, parsed);
        }
    }
}
