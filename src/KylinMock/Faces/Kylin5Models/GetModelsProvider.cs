using KylinMock.Errors;
using KylinMock.Answers;
using KylinMock.Models;

namespace KylinMock.Http;

/// <summary>
/// <c>GET /kylin/api/models</c> (OpenModelController.getModels → ModelService.getModels): the project's
/// batch models filtered, sorted and paged, each with its segments and derived values.
/// </summary>
internal sealed class GetModelsProvider(ServerContext server) : IKylinOperation
{
    private static readonly ModelStatus[] Accepted = [ModelStatus.OFFLINE, ModelStatus.ONLINE, ModelStatus.BROKEN, ModelStatus.LAG_BEHIND, ModelStatus.WARNING];

    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        var project = ModelBinding.RequiredString(request, "project");
        var filter = new ModelFilter
        {
            ModelId = SpringBinding.String(request, "model_id"),
            ModelName = SpringBinding.String(request, "model_name"),
            Exact = SpringBinding.Bool(request, "exact", true),
            Owner = SpringBinding.String(request, "owner"),
            ModelAliasOrOwner = SpringBinding.String(request, "model_alias_or_owner"),
            PageOffset = SpringBinding.Int(request, "page_offset", 0),
            PageSize = SpringBinding.Int(request, "page_size", 10),
            SortBy = SpringBinding.String(request, "sort_by") is { Length: > 0 } sort ? sort : "last_modify",
            Reverse = SpringBinding.Bool(request, "reverse", true),
            LastModifyFrom = ModelBinding.Long(request, "last_modify_from"),
            LastModifyTo = ModelBinding.Long(request, "last_modify_to"),
        };
        var statuses = SpringBinding.StringList(request, "status") ?? [];
        var models = server.Backend.ListModels(project);
        filter = filter with { Statuses = Statuses(statuses) };
        var (page, total) = ModelQuery.Apply(models.Rows, filter);
        var body = EnvelopeJson.Success(w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("value");
            w.WriteStartArray();
            foreach (var row in page)
            {
                ModelJson.WriteListItem(w, row, models.Segments[row.Model.Uuid], models.Tables);
            }

            w.WriteEndArray();
            w.Property("offset", filter.PageOffset);
            w.Property("limit", filter.PageSize);
            w.Property("total_size", total);
            w.WriteEndObject();
        });
        return new KylinAnswer(200, context.ContentType, body);
    }

    // ModelService.formatStatus: upper-cased; one outside the enum is KE-010043207.
    private static HashSet<ModelStatus> Statuses(List<string> statuses)
    {
        var set = new HashSet<ModelStatus>();
        foreach (var status in statuses.Where(s => s.Length > 0))
        {
            if (!Enum.TryParse<ModelStatus>(status.ToUpperInvariant(), ignoreCase: false, out var parsed) || Array.IndexOf(Accepted, parsed) < 0 || int.TryParse(status, out _))
            {
                throw new KylinException(ErrorCode.ParameterInvalidSupportList, "status", "ONLINE, OFFLINE, WARNING, BROKEN");
            }

            set.Add(parsed);
        }

        return set;
    }
}
