using KylinMock.Errors;
using KylinMock.Jobs;

namespace KylinMock.Http;

/// <summary>The project checks of the endpoints under <c>/kylin/api/jobs/{job_id}</c>.</summary>
internal static class JobPath
{
    /// <summary>The v2 API's JobService.getJobInstance: the job by id in whichever project holds it (KE-010032219 when none does).</summary>
    public static Job FindInAnyProject(JobStore.StoreView view, string jobId) =>
        view.Find(jobId) ?? throw new KylinException(ErrorCode.JobNotExist, jobId);

    /// <summary>BaseController.checkProjectName, then the job within that project (KE-010032219 when absent).</summary>
    public static Job FindInProject(JobStore.StoreView view, string project, string jobId)
    {
        if (project.Length == 0)
        {
            throw KylinException.WithDetail(ErrorCode.EmptyProjectName, MessageKey.EmptyProjectName);
        }

        var found = view.FindProject(project) ?? throw new KylinException(ErrorCode.ProjectNotExist, project);
        var job = view.Find(jobId);
        return job is not null && string.Equals(job.Project, found.Name, StringComparison.OrdinalIgnoreCase)
            ? job
            : throw new KylinException(ErrorCode.JobNotExist, jobId);
    }
}
