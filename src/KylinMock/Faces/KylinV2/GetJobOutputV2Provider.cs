using KylinMock.Jobs;
using KylinMock.Answers;
using KylinMock.Errors;
using Newtonsoft.Json;

namespace KylinMock.Http;

/// <summary>
/// v2 <c>GET /kylin/api/jobs/{job_id}/steps/{step_id}/output</c> (<c>JobControllerV2.getJobOutput</c>): the
/// project is the one holding the job (none: checkProjectName's KE-010001002); the map is a HashMap,
/// <c>{"jobId","nodes","cmd_output","stepId"}</c>, and <c>nodes</c> lists the step's hosts (none in the mock).
/// </summary>
internal sealed class GetJobOutputV2Provider(ServerContext server) : IKylinOperation
{
    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        var (jobId, stepId) = (context.Path["job_id"], context.Path["step_id"]);
        var output = server.Backend.GetJobOutputInAnyProject(jobId, stepId);
        var body = EnvelopeJson.Success(w =>
        {
            w.WriteStartObject();
            w.Property("jobId", jobId);
            w.WritePropertyName("nodes");
            w.WriteStartArray();
            w.WriteEndArray();
            w.Property("cmd_output", output);
            w.Property("stepId", stepId);
            w.WriteEndObject();
        });
        return new KylinAnswer(200, context.ContentType, body);
    }
}
