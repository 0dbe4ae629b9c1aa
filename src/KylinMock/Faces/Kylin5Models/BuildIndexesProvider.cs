using KylinMock.Answers;
using KylinMock.Backend;

namespace KylinMock.Http;

/// <summary>
/// <c>POST /kylin/api/models/{model_name}/indexes</c> (OpenSegmentController.buildIndicesManually →
/// ModelBuildService.buildIndicesManually): project, priority, model, then
/// <c>{"warn_code":null,"type":"NO_SEGMENT|NO_LAYOUT|NORM_BUILD","job_id"}</c> (BuildIndexResponse after BasicResponse).
/// </summary>
internal sealed class BuildIndexesProvider(ServerContext server) : IKylinOperation
{
    private const string Method = "public org.apache.kylin.rest.response.EnvelopeResponse<org.apache.kylin.rest.response.BuildIndexResponse> org.apache.kylin.rest.controller.open.OpenSegmentController.buildIndicesManually(java.lang.String,org.apache.kylin.rest.request.BuildIndexRequest)";

    private static readonly BodyShape Shape = new("org.apache.kylin.rest.request.BuildIndexRequest", Method,
        new("project", BodyKind.String), new("priority", BodyKind.KylinInt), new("tag", BodyKind.Raw));

    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        var modelName = context.Path["model_name"];
        var body = RequestBody.Read(request, Shape);
        var project = body.String("project") ?? string.Empty;
        var priority = body.Int("priority", 3);
        var tag = body.String("tag");
        var (type, jobId) = server.Backend.BuildIndexes(new ModelRequest(project, modelName, priority, tag));
        var answer = EnvelopeJson.Success(w =>
        {
            w.WriteStartObject();
            w.Property("warn_code", (string?)null);
            w.Property("type", type);
            w.Property("job_id", jobId);
            w.WriteEndObject();
        });
        return new KylinAnswer(200, context.ContentType, answer);
    }
}
