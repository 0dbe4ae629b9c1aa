using KylinMock.Json;
using KylinMock.Jobs;

namespace KylinMock.Http;

/// <summary>
/// <c>GET /kylin/api/jobs/{job_id}/steps/{step_id}/output?project=</c> (<c>JobController.getJobOutput</c>):
/// <c>{"jobId","cmd_output","stepId"}</c> (a Java HashMap's order), the step's log text or <see cref="StepOutput.NotFound"/>.
/// </summary>
internal sealed class GetJobOutputProvider(ServerContext server) : IKylinOperation
{
    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        var (jobId, stepId) = JobPath.JobAndStepIds(request.Path);
        var project = SpringBinding.RequiredString(request, "project");
        var body = server.Store.Read(view =>
        {
            // JobController.getJobOutput checks only the project; no output is Kylin's "not found" text.
            var found = JobPath.FindProject(view, project);
            var output = StepOutput.Of(view.Find(jobId), found.Name, stepId);
            return EnvelopeJson.Success(w =>
            {
                w.WriteStartObject();
                w.Property("jobId", jobId);
                w.Property("cmd_output", output);
                w.Property("stepId", stepId);
                w.WriteEndObject();
            });
        });
        return new KylinAnswer(200, context.ContentType, body);
    }
}
