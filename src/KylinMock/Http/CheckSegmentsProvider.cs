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
        var answer = server.Store.Read(view =>
        {
            var name = ModelNames.Project(view, project);
            var (from, to) = DataRange(start, end);
            var model = ModelNames.Model(view.Catalog, name, modelName);
            var overlapping = view.Catalog.Segments(model.Uuid).Where(s => s.Overlaps(from, to)).ToArray();
            return EnvelopeJson.Success(w =>
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
        });
        return new KylinAnswer(200, context.ContentType, answer);
    }

    /// <summary>checkRequiredArg(start, end) then DataRangeUtils.validateDataRange: KE-010043201, 043205, 043202, 043203.</summary>
    internal static (long Start, long End) DataRange(string? start, string? end)
    {
        if (string.IsNullOrEmpty(start))
        {
            throw new KylinException(ErrorCode.RequestParameterEmpty, "start");
        }

        if (string.IsNullOrEmpty(end))
        {
            throw new KylinException(ErrorCode.RequestParameterEmpty, "end");
        }

        if (!long.TryParse(start, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var from)
            || !long.TryParse(end, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var to))
        {
            throw new KylinException(ErrorCode.TimeInvalidRangeNotFormatMs);
        }

        if (from < 0 || to < 0)
        {
            throw new KylinException(ErrorCode.TimeInvalidRangeLessThanZero);
        }

        return from < to ? (from, to) : throw new KylinException(ErrorCode.TimeInvalidRangeEndLessThanEqualsStart);
    }
}
