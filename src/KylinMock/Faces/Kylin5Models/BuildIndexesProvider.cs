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

    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        var modelName = context.Path["model_name"];
        var body = RequestBody.Object(request, Method);
        var project = RequestBody.String(body, "project") ?? string.Empty;
        var priority = RequestBody.Int(body, "priority", 3);
        var tag = RequestBody.Raw(body, "tag");
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
