using KylinMock.Answers;
using KylinMock.Backend;
using KylinMock.Errors;
using KylinMock.Models;

namespace KylinMock.Http;

/// <summary>
/// <c>PUT /kylin/api/models/{model_name}/segments</c> (OpenSegmentController.refreshOrMergeSegments →
/// SegmentController): type (bound first), project, priority, model, tag, ids xor names, then REFRESH
/// (refreshSegmentById) or MERGE (at least two, then mergeSegmentsManually).
/// </summary>
internal sealed class RefreshOrMergeSegmentsProvider(ServerContext server) : IKylinOperation
{
    private const string Method = "public org.apache.kylin.rest.response.EnvelopeResponse<org.apache.kylin.rest.response.JobInfoResponse> org.apache.kylin.rest.controller.open.OpenSegmentController.refreshOrMergeSegments(java.lang.String,org.apache.kylin.rest.request.SegmentsRequest)";

    // type: SegmentsTypeEnumJsonDeserializer refuses anything but REFRESH and MERGE while the body is read; priority: ArgsTypeJsonDeserializer.
    private static readonly BodyShape Shape = new("org.apache.kylin.rest.request.SegmentsRequest", Method,
        new("type", BodyKind.String, Check: CheckType), new("project", BodyKind.String), new("priority", BodyKind.KylinInt), new("ids", BodyKind.Strings),
        new("names", BodyKind.Strings), new("refresh_all_indexes", BodyKind.Bool), new("tag", BodyKind.Raw), new("batch_index_ids", BodyKind.Longs));

    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        var modelName = context.Path["model_name"];
        var body = RequestBody.Read(request, Shape);
        var type = body.String("type") ?? "REFRESH";
        var project = body.String("project") ?? string.Empty;
        var priority = body.Int("priority", 3);
        var ids = body.Strings("ids");
        var names = body.Strings("names");
        var refreshAll = body.Bool("refresh_all_indexes", false);
        var tag = body.String("tag");
        var batch = body.Longs("batch_index_ids");
        var jobs = server.Backend.RefreshOrMergeSegments(new ModelRequest(project, modelName, priority, tag, batch), type == "MERGE", ids, names, refreshAll);
        var answer = JobInfoJson.Envelope(jobs);
        return new KylinAnswer(200, context.ContentType, answer);
    }

    private static void CheckType(object? type)
    {
        if (type is string text && text is not ("REFRESH" or "MERGE"))
        {
            throw new KylinException(ErrorCode.ParameterInvalidSupportList, "type", "REFRESH,MERGE");
        }
    }
}
