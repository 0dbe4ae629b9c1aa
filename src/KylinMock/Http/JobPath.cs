using System.Text.RegularExpressions;
using KylinMock.Errors;
using KylinMock.Jobs;

namespace KylinMock.Http;

/// <summary>The job paths' variables (<c>{job_id:.+}</c>, <c>{step_id:.+}</c>) and the project checks of those endpoints.</summary>
internal static partial class JobPath
{
    /// <summary>The regex of <c>/kylin/api/jobs/{job_id}/detail</c>.</summary>
    public const string Detail = "^/kylin/api/jobs/(?<job>.+)/detail/?$";

    /// <summary>The regex of <c>/kylin/api/jobs/{job_id}/steps/{step_id}/output</c>.</summary>
    public const string Output = "^/kylin/api/jobs/(?<job>.+)/steps/(?<step>.+)/output/?$";

    /// <summary>The step log download path.</summary>
    public const string Log = "^/kylin/api/jobs/(?<job>.+)/steps/(?<step>.+)/log/?$";

    public static string JobId(string path) => Uri.UnescapeDataString(DetailRegex().Match(path).Groups["job"].Value);

    /// <summary>The job and step ids of a step output or step log path.</summary>
    public static (string Job, string Step) JobAndStepIds(string path)
    {
        var match = OutputRegex().Match(path) is { Success: true } output ? output : LogRegex().Match(path);
        return (Uri.UnescapeDataString(match.Groups["job"].Value), Uri.UnescapeDataString(match.Groups["step"].Value));
    }

    [GeneratedRegex(Log)]
    private static partial Regex LogRegex();

    /// <summary>
    /// The step output a step output or log path asks for (<c>JobService.getJobOutput</c>, <c>getAllJobOutput</c>): only the
    /// project is checked; an unknown job or a step without output gives Kylin's "not found" text.
    /// </summary>
    public static (string Job, string Step, string Project, string Text) StepOutputOf(ServerContext server, KylinRequest request)
    {
        var (jobId, stepId) = JobAndStepIds(request.Path);
        var project = SpringBinding.RequiredString(request, "project");
        var text = server.Store.Read(view => StepOutput.Of(view.Find(jobId), FindProject(view, project).Name, stepId));
        return (jobId, stepId, project, text);
    }

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

    [GeneratedRegex(Detail)]
    private static partial Regex DetailRegex();

    [GeneratedRegex(Output)]
    private static partial Regex OutputRegex();
}
