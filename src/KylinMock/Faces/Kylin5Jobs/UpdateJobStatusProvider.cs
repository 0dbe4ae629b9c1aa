using KylinMock.Answers;
using KylinMock.Jobs;

namespace KylinMock.Http;

/// <summary><c>PUT /kylin/api/jobs/status</c> (<c>JobController.updateJobStatus</c>): reads the body, runs the batch, answers <c>""</c>.</summary>
internal sealed class UpdateJobStatusProvider(ServerContext server) : IKylinOperation
{
    private static readonly BodyShape Shape = new(
        "org.apache.kylin.rest.request.JobUpdateRequest",
        "public org.apache.kylin.rest.response.EnvelopeResponse<java.lang.String> org.apache.kylin.rest.controller.JobController.updateJobStatus(org.apache.kylin.rest.request.JobUpdateRequest) throws java.io.IOException",
        new("action", BodyKind.String), new("project", BodyKind.String),
        new("job_ids", BodyKind.Strings, "java.util.ArrayList<java.lang.String>"), new("statuses", BodyKind.Strings, "java.util.ArrayList<java.lang.String>"));

    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        var body = RequestBody.Read(request, Shape);
        var update = new JobUpdateRequest(body.String("action"), body.String("project"), body.Has("job_ids") ? body.Strings("job_ids") : [], body.Strings("statuses"));
        server.Backend.UpdateJobStatus(update);
        return new KylinAnswer(200, context.ContentType, EnvelopeJson.Success(w => w.WriteValue(string.Empty)));
    }
}
