using KylinMock.Errors;
using KylinMock.Jobs;

namespace KylinMock.Http;

/// <summary>The project checks of the endpoints under <c>/kylin/api/jobs/{job_id}</c>.</summary>
internal static class JobPath
{
    /// <summary>
    /// The step output a step output or log path asks for (<c>JobService.getJobOutput</c>, <c>getAllJobOutput</c>): only the
    /// project is checked; an unknown job or a step without output gives Kylin's "not found" text.
    /// </summary>
    public static (string Job, string Step, string Project, string Text) StepOutputOf(ServerContext server, KylinRequest request, RequestContext context)
    {
        var (jobId, stepId) = (context.Path["job_id"], context.Path["step_id"]);
        var project = SpringBinding.RequiredString(request, "project");
        var text = server.Store.Read(view => StepOutput.Of(view.Find(jobId), FindProject(view, project).Name, stepId));
        return (jobId, stepId, project, text);
    }

    /// <summary>The v2 API's JobService.getJobInstance: the job by id in whichever project holds it (KE-010032219 when none does).</summary>
    public static Job FindInAnyProject(JobStore.StoreView view, string jobId) =>
        view.Find(jobId) ?? throw new KylinException(ErrorCode.JobNotExist, jobId);

    /// <summary>BaseController.checkProjectName alone: the project (KE-010001201 when absent).</summary>
    public static Project FindProject(JobStore.StoreView view, string project)
    {
        if (project.Length == 0)
        {
            throw KylinException.WithDetail(ErrorCode.EmptyProjectName, MessageKey.EmptyProjectName);
        }

        return view.FindProject(project) ?? throw new KylinException(ErrorCode.ProjectNotExist, project);
    }

    /// <summary>BaseController.checkProjectName, then the job within that project (KE-010032219 when absent).</summary>
    public static Job FindInProject(JobStore.StoreView view, string project, string jobId)
    {
        var found = FindProject(view, project);
        var job = view.Find(jobId);
        return job is not null && string.Equals(job.Project, found.Name, StringComparison.OrdinalIgnoreCase)
            ? job
            : throw new KylinException(ErrorCode.JobNotExist, jobId);
    }
}
