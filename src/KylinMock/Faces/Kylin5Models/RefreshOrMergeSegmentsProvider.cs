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

    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        var modelName = context.Path["model_name"];
        var body = RequestBody.Object(request, Method);
        var type = RequestBody.String(body, "type") ?? "REFRESH";
        if (type is not ("REFRESH" or "MERGE"))
        {
            throw new KylinException(ErrorCode.ParameterInvalidSupportList, "type", "REFRESH,MERGE");
        }

        var project = RequestBody.String(body, "project") ?? string.Empty;
        var priority = RequestBody.Int(body, "priority", 3);
        var ids = RequestBody.Strings(body, "ids");
        var names = RequestBody.Strings(body, "names");
        var refreshAll = RequestBody.Bool(body, "refresh_all_indexes", false);
        var tag = RequestBody.Raw(body, "tag");
        var batch = RequestBody.Longs(body, "batch_index_ids");
        var jobs = server.Backend.RefreshOrMergeSegments(new ModelRequest(project, modelName, priority, tag, batch), type == "MERGE", ids, names, refreshAll);
        var answer = JobInfoJson.Envelope(jobs);
        return new KylinAnswer(200, context.ContentType, answer);
    }
}
