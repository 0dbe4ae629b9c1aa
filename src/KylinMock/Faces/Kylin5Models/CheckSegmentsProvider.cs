using KylinMock.Answers;
using KylinMock.Errors;
using KylinMock.Models;

namespace KylinMock.Http;

/// <summary>
/// <c>POST /kylin/api/models/{model_name}/segments/check</c> (OpenSegmentController.checkSegments): the
/// segments whose range overlaps [start, end). Checks: project, start, end, the range, then the model.
/// </summary>
internal sealed class CheckSegmentsProvider(ServerContext server) : IKylinOperation
{
    private static readonly BodyShape Shape = new(
        "org.apache.kylin.rest.request.CheckSegmentRequest",
        "public org.apache.kylin.rest.response.EnvelopeResponse<org.apache.kylin.rest.response.CheckSegmentResponse> org.apache.kylin.rest.controller.open.OpenSegmentController.checkSegments(java.lang.String,org.apache.kylin.rest.request.CheckSegmentRequest)",
        new("project", BodyKind.String), new("start", BodyKind.String), new("end", BodyKind.String));

    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        var modelName = context.Path["model_name"];
        var body = RequestBody.Read(request, Shape);
        var project = body.String("project") ?? string.Empty;
        var start = body.String("start");
        var end = body.String("end");
        var overlapping = server.Backend.CheckSegments(project, modelName, start, end);
        var answer = EnvelopeJson.Success(w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("segments_overlap");
            w.WriteStartArray();
            foreach (var s in overlapping)
            {
                w.WriteStartObject();
                w.Property("segment_id", s.Id);
                w.Property("segment_name", s.Name);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
        return new KylinAnswer(200, context.ContentType, answer);
    }
}
