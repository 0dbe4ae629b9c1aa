using KylinMock.Answers;

namespace KylinMock.Http;

/// <summary>
/// <c>GET /kylin/api/jobs/{job_id}/steps/{step_id}/output?project=</c> (<c>JobController.getJobOutput</c>):
/// <c>{"jobId","cmd_output","stepId"}</c> (a Java HashMap's order), the step's log text or Kylin's "not found" text.
/// </summary>
internal sealed class GetJobOutputProvider(ServerContext server) : IKylinOperation
{
    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        var (jobId, stepId) = (context.Path["job_id"], context.Path["step_id"]);
        var output = server.Backend.GetJobOutput(SpringBinding.RequiredString(request, "project"), jobId, stepId);
        var body = EnvelopeJson.Success(w =>
        {
            w.WriteStartObject();
            w.Property("jobId", jobId);
            w.Property("cmd_output", output);
            w.Property("stepId", stepId);
            w.WriteEndObject();
        });
        return new KylinAnswer(200, context.ContentType, body);
    }
}
