using System.Text;

namespace KylinMock.Http;

/// <summary>
/// <c>GET /kylin/api/jobs/{job_id}/steps/{step_id}/log?project=</c> (<c>JobController.downloadLogFile</c>,
/// <c>BaseController.setDownloadResponse</c>): the raw full log as an attachment <c>&lt;project&gt;_&lt;step_id&gt;.log</c>,
/// no envelope; the job is not checked, so a missing output is Kylin's "not found" text with 200.
/// </summary>
internal sealed class DownloadStepLogProvider(ServerContext server) : IKylinOperation
{
    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        var (jobId, stepId) = (context.Path["job_id"], context.Path["step_id"]);
        var project = SpringBinding.RequiredString(request, "project");
        var text = server.Backend.GetJobOutput(project, jobId, stepId);
        var disposition = "attachment; filename=\"" + project + "_" + stepId + ".log\"";
        return new KylinAnswer(200, "application/octet-stream", Encoding.UTF8.GetBytes(text))
        {
            Headers = new Dictionary<string, string> { ["Content-Disposition"] = disposition },
        };
    }
}
