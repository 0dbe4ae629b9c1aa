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

    private static readonly BodyShape Shape = new("org.apache.kylin.rest.request.BuildSegmentsRequest", Method,
        new("project", BodyKind.String), new("priority", BodyKind.Int), new("start", BodyKind.String), new("end", BodyKind.String),
        new("build_all_indexes", BodyKind.Bool), new("sub_partition_values", BodyKind.StringTable), new("tag", BodyKind.Raw),
        new("batch_index_ids", BodyKind.Longs));

    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        var modelName = context.Path["model_name"];
        var body = RequestBody.Read(request, Shape);
        var project = body.String("project") ?? string.Empty;
        var priority = body.Int("priority", 3);
        var start = body.String("start");
        var end = body.String("end");
        var buildAll = body.Bool("build_all_indexes", true);
        var subPartitionValues = body.StringTable("sub_partition_values") is { Count: > 0 };
        var tag = body.String("tag");
        // partial_build is stored as a job parameter only (P_PARTIAL_BUILD); batch_index_ids names the layouts to build.
        var batch = body.Longs("batch_index_ids");
        var jobs = server.Backend.BuildSegments(new ModelRequest(project, modelName, priority, tag, batch), start, end, subPartitionValues, buildAll);
        var answer = JobInfoJson.Envelope(jobs);
        return new KylinAnswer(200, context.ContentType, answer);
    }
}
