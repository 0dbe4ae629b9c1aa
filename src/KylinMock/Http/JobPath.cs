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

    public static string JobId(string path) => Uri.UnescapeDataString(DetailRegex().Match(path).Groups["job"].Value);

    public static (string Job, string Step) JobAndStepIds(string path)
    {
        var match = OutputRegex().Match(path);
        return (Uri.UnescapeDataString(match.Groups["job"].Value), Uri.UnescapeDataString(match.Groups["step"].Value));
    }

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

    [GeneratedRegex(Detail)]
    private static partial Regex DetailRegex();

    [GeneratedRegex(Output)]
    private static partial Regex OutputRegex();
}
