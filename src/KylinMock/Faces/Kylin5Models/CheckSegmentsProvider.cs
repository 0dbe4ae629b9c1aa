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
    /// <summary>The path pattern, with the model captured.</summary>

    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        var modelName = context.Path["model_name"];
        var body = RequestBody.Object(request, "public org.apache.kylin.rest.response.EnvelopeResponse<org.apache.kylin.rest.response.CheckSegmentResponse> org.apache.kylin.rest.controller.open.OpenSegmentController.checkSegments(java.lang.String,org.apache.kylin.rest.request.CheckSegmentRequest)");
        var project = RequestBody.String(body, "project") ?? string.Empty;
        var start = RequestBody.String(body, "start");
        var end = RequestBody.String(body, "end");
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
