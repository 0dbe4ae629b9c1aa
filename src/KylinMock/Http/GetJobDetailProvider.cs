using KylinMock.Answers;
using KylinMock.Jobs;

namespace KylinMock.Http;

/// <summary>
/// <c>GET /kylin/api/jobs/{job_id}/detail?project=</c> (<c>JobController.getJobDetail</c>): the job's
/// steps in the detail shape; a DISCARDED job shows every step DISCARDED.
/// </summary>
internal sealed class GetJobDetailProvider(ServerContext server) : IKylinOperation
{
    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        var jobId = context.Path["job_id"];
        var project = SpringBinding.RequiredString(request, "project");
        var body = server.Store.Read(view =>
        {
            var job = JobPath.FindInProject(view, project, jobId);
            var now = view.Now;
            return EnvelopeJson.Success(w =>
            {
                w.WriteStartArray();
                for (var i = 0; i < job.Steps.Count; i++)
                {
                    JobJson.WriteStep(w, job, i, now);
                }

                w.WriteEndArray();
            });
        });
        return new KylinAnswer(200, context.ContentType, body);
    }
}
