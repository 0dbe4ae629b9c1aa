using KylinMock.Answers;
using KylinMock.Backend;

namespace KylinMock.Http;

/// <summary>
/// <c>POST /kylin/api/models/{model_name}/segments</c> (OpenSegmentController.buildSegmentsManually →
/// SegmentController → ModelBuildService.buildSegmentsManually). Checks in Kylin's order: project,
/// priority, model, tag, the data range, partition values of a model without sub-partitions, then the build's own.
/// </summary>
internal sealed class BuildSegmentsProvider(ServerContext server) : IKylinOperation
{
    private const string Method = "public org.apache.kylin.rest.response.EnvelopeResponse<org.apache.kylin.rest.response.JobInfoResponse> org.apache.kylin.rest.controller.open.OpenSegmentController.buildSegmentsManually(java.lang.String,org.apache.kylin.rest.request.BuildSegmentsRequest) throws java.lang.Exception";

    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        var modelName = context.Path["model_name"];
        var body = RequestBody.Object(request, Method);
        var project = RequestBody.String(body, "project") ?? string.Empty;
        var priority = RequestBody.Int(body, "priority", 3);
        var start = RequestBody.String(body, "start");
        var end = RequestBody.String(body, "end");
        var buildAll = RequestBody.Bool(body, "build_all_indexes", true);
        var subPartitionValues = RequestBody.StringTable(body, "sub_partition_values") is { Count: > 0 };
        var tag = RequestBody.Raw(body, "tag");
        // partial_build is stored as a job parameter only (P_PARTIAL_BUILD); batch_index_ids names the layouts to build.
        var batch = RequestBody.Longs(body, "batch_index_ids");
        var jobs = server.Backend.BuildSegments(new ModelRequest(project, modelName, priority, tag, batch), start, end, subPartitionValues, buildAll);
        var answer = JobInfoJson.Envelope(jobs);
        return new KylinAnswer(200, context.ContentType, answer);
    }
}
