using KylinMock.Answers;
using KylinMock.Jobs;

namespace KylinMock.Http;

/// <summary>
/// <c>GET /kylin/api/jobs/{job_id}/detail?project=</c> (<c>JobController.getJobDetail</c>): the job's
/// steps in the detail shape (<see cref="StepDetailJson"/>).
/// </summary>
internal sealed class GetJobDetailProvider(ServerContext server) : IKylinOperation
{
    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        var jobId = context.Path["job_id"];
        var project = SpringBinding.RequiredString(request, "project");

        // ExceptionReason/ExceptionResolve.setLang (KEFilter): Chinese for exactly "cn".
        var chinese = request.Header("Accept-Language") == "cn";
        var (job, now) = server.Backend.GetJobDetail(project, jobId);
        var body = EnvelopeJson.Success(w =>
        {
            w.WriteStartArray();
            for (var i = 0; i < job.Steps.Count; i++)
            {
                StepDetailJson.Write(w, job, i, now, chinese);
            }

            w.WriteEndArray();
        });
        return new KylinAnswer(200, context.ContentType, body);
    }
}
