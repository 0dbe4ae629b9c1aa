using KylinMock.Errors;

namespace KylinMock.Jobs;

/// <summary>Kylin's <c>BaseController.checkProjectName</c> and the job lookups that follow it, written once.</summary>
internal static class ProjectChecks
{
    /// <summary>BaseController.checkProjectName: empty is KE-010001002, unknown KE-010001201; the project otherwise.</summary>
    public static Project FindProject(JobStore.StoreView view, string? project)
    {
        if (string.IsNullOrEmpty(project))
        {
            throw KylinException.WithDetail(ErrorCode.EmptyProjectName, MessageKey.EmptyProjectName);
        }

        return Known(view, project);
    }

    /// <summary>The project a request names where Kylin's service looks it up without the empty check (KE-010001201 when absent).</summary>
    public static Project Known(JobStore.StoreView view, string project) =>
        view.FindProject(project) ?? throw new KylinException(ErrorCode.ProjectNotExist, project);

    /// <summary>BaseController.checkProjectName, then the job within that project (KE-010032219 when absent).</summary>
    public static Job FindInProject(JobStore.StoreView view, string project, string jobId)
    {
        var found = FindProject(view, project);
        var job = view.Find(jobId);
        return job is not null && string.Equals(job.Project, found.Name, StringComparison.OrdinalIgnoreCase)
            ? job
            : throw new KylinException(ErrorCode.JobNotExist, jobId);
    }

    /// <summary>The v2 API's JobService.getJobInstance: the job by id in whichever project holds it (KE-010032219 when none does).</summary>
    public static Job FindInAnyProject(JobStore.StoreView view, string jobId) =>
        view.Find(jobId) ?? throw new KylinException(ErrorCode.JobNotExist, jobId);
}
