using KylinMock.Http;

namespace KylinMock.Kylin4;

/// <summary>Kylin 4's <c>JobController</c> (server-base/.../controller/JobController.java): bind, one backend call, write.</summary>
internal sealed class JobControllerV1(ServerContext server)
{
    /// <summary><c>GET /jobs</c> (JC:74-111): timeFilter 1 (LAST_ONE_DAY, KDP:89), limit 30, offset 0, CUBING_ONLY by default.</summary>
    public KylinAnswer List(KylinRequest request, RequestContext context)
    {
        var filter = new JobListFilter(
            Kylin4Binding.String(request, "cubeName"),
            Kylin4Binding.String(request, "projectName"),
            Kylin4Binding.Ints(request, "status"),
            Kylin4Binding.Int(request, "timeFilter", 1)!.Value,
            Kylin4Binding.Int(request, "limit", 30)!.Value,
            Kylin4Binding.Int(request, "offset", 0)!.Value,
            Kylin4Binding.String(request, "jobSearchMode") ?? "CUBING_ONLY");
        return Kylin4Operation.Json(JobInstanceJson.List(server.Backend.SearchJobInstances(filter)));
    }

    /// <summary><c>GET /jobs/{jobId}</c> (JC:160-172): the job, or an empty 200.</summary>
    public KylinAnswer Get(KylinRequest request, RequestContext context) =>
        server.Backend.GetJobInstance(context.Path["jobId"]) is { } job ? Kylin4Operation.Json(JobInstanceJson.One(job)) : Kylin4Operation.Empty();

    /// <summary><c>PUT /jobs/{jobId}/resume</c> (JC:227-241).</summary>
    public KylinAnswer Resume(KylinRequest request, RequestContext context) => Kylin4Operation.Json(JobInstanceJson.One(server.Backend.ResumeJobInstance(context.Path["jobId"])));

    /// <summary><c>PUT /jobs/{jobId}/cancel</c> (JC:263-285).</summary>
    public KylinAnswer Cancel(KylinRequest request, RequestContext context) => Kylin4Operation.Json(JobInstanceJson.One(server.Backend.CancelJobInstance(context.Path["jobId"])));

    /// <summary><c>PUT /jobs/{jobId}/pause</c> (JC:287-309).</summary>
    public KylinAnswer Pause(KylinRequest request, RequestContext context) => Kylin4Operation.Json(JobInstanceJson.One(server.Backend.PauseJobInstance(context.Path["jobId"])));

    /// <summary><c>DELETE /jobs/{jobId}/drop</c> (JC:340-356): the job as it was before deletion.</summary>
    public KylinAnswer Drop(KylinRequest request, RequestContext context) => Kylin4Operation.Json(JobInstanceJson.One(server.Backend.DropJobInstance(context.Path["jobId"])));

    /// <summary><c>GET /jobs/{jobId}/steps/{stepId}/output</c> (JC:177-186): jobId, cmd_output, stepId in hash order.</summary>
    public KylinAnswer StepOutput(KylinRequest request, RequestContext context)
    {
        var jobId = context.Path["jobId"];
        var stepId = context.Path["stepId"];
        var output = server.Backend.GetJobStepOutput(jobId, stepId);
        return Kylin4Operation.Json(Answers.EnvelopeJson.Write(Newtonsoft.Json.Formatting.None, w =>
        {
            w.WriteStartObject();
            Answers.JsonWriterExtensions.Property(w, "jobId", jobId);
            Answers.JsonWriterExtensions.Property(w, "cmd_output", output);
            Answers.JsonWriterExtensions.Property(w, "stepId", stepId);
            w.WriteEndObject();
        }));
    }
}
