using System.Text.RegularExpressions;
using KylinMock.Errors;
using KylinMock.Answers;
using KylinMock.Models;

namespace KylinMock.Http;

/// <summary>
/// <c>GET /kylin/api/models/{model_name}/segments</c> (OpenSegmentController.getSegments → SegmentController →
/// ModelService.getSegmentsResponse). Checks in Kylin's order: paging, project, model, range, statuses.
/// </summary>
internal sealed partial class GetSegmentsProvider(ServerContext server) : IKylinOperation
{
    /// <summary>The path pattern, with the model captured.</summary>

    /// <summary>SegmentStatusEnumToDisplay's names (HashMap order not reproduced).</summary>
    private static readonly string[] DisplayNames =
        ["ONLINE", "LOCKED", "REFRESHING", "MERGING", "LOADING", "WARNING", "ONLINE(HDFS)", "ONLINE(OBJECT STORAGE)", "ONLINE(TIERED STORAGE)"];

    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        var modelName = context.Path["model_name"];
        var project = SpringBinding.RequiredString(request, "project");
        var status = SpringBinding.String(request, "status");
        var offset = ModelBinding.NonNegative(SpringBinding.Int(request, "page_offset", 0));
        var size = ModelBinding.NonNegative(SpringBinding.Int(request, "page_size", 10));
        var start = SpringBinding.String(request, "start") is { Length: > 0 } s ? s : "1";
        var end = SpringBinding.String(request, "end") is { Length: > 0 } e ? e : (long.MaxValue - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var sortBy = SpringBinding.String(request, "sort_by") is { Length: > 0 } sort ? sort : "last_modified_time";
        var reverse = SpringBinding.Bool(request, "reverse", false);
        var statuses = SpringBinding.StringList(request, "statuses") ?? [];
        var (name, all) = server.Backend.ListSegments(project, modelName);
        var (from, to) = Range(start, end);
        if (statuses.FirstOrDefault(x => Array.IndexOf(DisplayNames, x) < 0) is { } bad && bad.Length > 0)
        {
            throw new KylinException(ErrorCode.ParameterInvalidSupportList, "statuses", string.Join(", ", DisplayNames));
        }

        var wanted = new HashSet<string>(statuses.Where(x => x.Length > 0));
        var rows = all.Where(r => string.IsNullOrEmpty(status) || string.Equals(status, r.StatusToDisplay, StringComparison.OrdinalIgnoreCase)).ToArray();
        var (page, total) = SegmentQuery.Apply(rows, new SegmentFilter(from, to, wanted, sortBy, reverse, offset, size));
        var body = EnvelopeJson.Success(w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("value");
            w.WriteStartArray();
            foreach (var row in page)
            {
                SegmentJson.Write(w, name, row, oldParams: false);
            }

            w.WriteEndArray();
            w.Property("offset", offset);
            w.Property("limit", size);
            w.Property("total_size", total);
            w.WriteEndObject();
        });
        return new KylinAnswer(200, context.ContentType, body);
    }

    // DataRangeUtils.validateRange: Long.parseLong, then negative (KE-010043202), then start >= end (KE-010043203).
    private static (long Start, long End) Range(string start, string end)
    {
        var from = ModelBinding.ParseLong(start);
        var to = ModelBinding.ParseLong(end);
        if (from < 0 || to < 0)
        {
            throw new KylinException(ErrorCode.TimeInvalidRangeLessThanZero);
        }

        return from < to ? (from, to) : throw new KylinException(ErrorCode.TimeInvalidRangeEndLessThanEqualsStart);
    }
}
