using KylinMock.Answers;
using KylinMock.Jobs;

namespace KylinMock.Http;

/// <summary>
/// <c>GET /kylin/api/jobs/{job_id}/steps/{step_id}/output?project=</c> (<c>JobController.getJobOutput</c>):
/// <c>{"jobId","cmd_output","stepId"}</c> (a Java HashMap's order), the step's log text.
/// </summary>
internal sealed class GetJobOutputProvider(ServerContext server) : IKylinOperation
{
    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        var (jobId, stepId) = (context.Path["job_id"], context.Path["step_id"]);
        var project = SpringBinding.RequiredString(request, "project");
        var body = server.Store.Read(view =>
        {
            var job = JobPath.FindInProject(view, project, jobId);
            var output = Output(job, stepId);
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

    /// <summary>The log of the job's step <paramref name="stepId"/>; null for an unknown step or one not started.</summary>
    internal static string? Output(Job job, string stepId)
    {
        var index = job.Steps.ToList().FindIndex(s => s.Id == stepId);
        return index < 0 ? null : StepOutput.For(job, index);
    }
}
