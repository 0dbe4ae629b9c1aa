using KylinMock.Answers;

namespace KylinMock.Http;

/// <summary>
/// The multi-level partition endpoints of OpenSegmentController: <c>POST</c> and <c>PUT /kylin/api/models/{model_name}/segments/multi_partition</c>
/// and <c>DELETE /kylin/api/models/segments/multi_partition</c> check the project, then checkProjectMLP (KE-010001208 while the
/// project has multi-level partitioning off, Kylin's default); <c>GET</c> checks paging, project, model and segment, and lists
/// the segment's sub-partitions (none in the mock).
/// </summary>
internal sealed class MultiPartitionProvider(ServerContext server, MultiPartitionProvider.Kind kind) : IKylinOperation
{
    /// <summary>Which of the four endpoints.</summary>
    public enum Kind
    {
        /// <summary>POST: buildMultiPartition.</summary>
        Build,

        /// <summary>PUT: refreshMultiPartition.</summary>
        Refresh,

        /// <summary>DELETE: deleteMultiPartition.</summary>
        Delete,

        /// <summary>GET: getMultiPartitions.</summary>
        List,
    }

    private const string Controller = "org.apache.kylin.rest.controller.open.OpenSegmentController";

    private static readonly BodyShape BuildShape = new("org.apache.kylin.rest.request.PartitionsBuildRequest",
        $"public org.apache.kylin.rest.response.EnvelopeResponse<org.apache.kylin.rest.response.JobInfoResponse> {Controller}.buildMultiPartition(java.lang.String,org.apache.kylin.rest.request.PartitionsBuildRequest)",
        new BodyField("project", BodyKind.String));

    private static readonly BodyShape RefreshShape = new("org.apache.kylin.rest.request.PartitionsRefreshRequest",
        $"public org.apache.kylin.rest.response.EnvelopeResponse<org.apache.kylin.rest.response.JobInfoResponse> {Controller}.refreshMultiPartition(java.lang.String,org.apache.kylin.rest.request.PartitionsRefreshRequest)",
        new BodyField("project", BodyKind.String));

    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        switch (kind)
        {
            case Kind.Build or Kind.Refresh:
                var body = RequestBody.Read(request, kind == Kind.Build ? BuildShape : RefreshShape);
                server.Backend.CheckProjectMultiPartition(body.String("project") ?? string.Empty);
                break;
            case Kind.Delete:
                // Spring binds every required parameter before the method runs.
                SpringBinding.RequiredString(request, "model");
                var project = SpringBinding.RequiredString(request, "project");
                SpringBinding.RequiredString(request, "segment_id");
                SpringBinding.RequiredString(request, "sub_partition_values");
                server.Backend.CheckProjectMultiPartition(project);
                break;
            default:
                var listProject = SpringBinding.RequiredString(request, "project");
                var segmentId = SpringBinding.RequiredString(request, "segment_id");
                var offset = ModelBinding.NonNegative(SpringBinding.Int(request, "page_offset", 0));
                var size = ModelBinding.NonNegative(SpringBinding.Int(request, "page_size", 10));
                server.Backend.FindSegmentForPartitions(listProject, context.Path["model_name"], segmentId);
                return new KylinAnswer(200, context.ContentType, EnvelopeJson.Success(w =>
                {
                    w.WriteStartObject();
                    w.WritePropertyName("value");
                    w.WriteStartArray();
                    w.WriteEndArray();
                    w.Property("offset", offset);
                    w.Property("limit", size);
                    w.Property("total_size", 0);
                    w.WriteEndObject();
                }));
        }

        // CheckProjectMultiPartition always refuses.
        throw new InvalidOperationException("unreachable");
    }
}
