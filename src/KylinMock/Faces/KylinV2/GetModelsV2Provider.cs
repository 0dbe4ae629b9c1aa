using KylinMock.Answers;
using KylinMock.Errors;
using KylinMock.Models;
using Newtonsoft.Json;

namespace KylinMock.Http;

/// <summary>
/// v2 <c>GET /kylin/api/models</c> and <c>GET /kylin/api/models/{projectName}/{modelName}</c> (MSC/NModelControllerV2.getModels,
/// getModelDesc → ModelService.getModels, addOldParams): the v4 list items, with no status filter, answered as
/// <c>getDataResponse("models", …)</c> (a HashMap <c>{"models","size"}</c>) or as <c>{"model":item}</c>.
/// </summary>
internal sealed class GetModelsV2Provider(ServerContext server, bool one) : IKylinOperation
{
    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        var body = one ? One(context.Path["projectName"], context.Path["modelName"]) : List(request);
        return new KylinAnswer(200, context.ContentType, body);
    }

    private byte[] List(KylinRequest request)
    {
        // NBasicController binds every parameter in declaration order; a missing projectName is Spring's 400.
        var alias = SpringBinding.String(request, "modelName");
        var exact = SpringBinding.Bool(request, "exactMatch", true);
        var project = ModelBinding.RequiredString(request, "projectName");
        var offset = SpringBinding.Int(request, "pageOffset", 0);
        var size = SpringBinding.Int(request, "pageSize", 10);
        var sortBy = SpringBinding.String(request, "sortBy") is { Length: > 0 } sort ? sort : "last_modify";
        var reverse = SpringBinding.Bool(request, "reverse", true);
        var filter = new ModelFilter { ModelName = alias, Exact = exact, SortBy = sortBy, Reverse = reverse, PageSize = int.MaxValue };
        var models = server.Backend.ListModels(project);
        var rows = ModelQuery.Apply(models.Rows, filter).Page;
        var page = PagingUtil.CutPage(rows, offset, size);
        return EnvelopeJson.Success(w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("models");
            WriteItems(w, page, models);
            w.Property("size", rows.Count);
            w.WriteEndObject();
        });
    }

    // checkProjectName, then ModelService.getModels with no owner and no status filter.
    private byte[] One(string project, string alias)
    {
        var models = server.Backend.ListModels(project);
        var rows = ModelQuery.Apply(models.Rows, new ModelFilter { ModelName = alias, PageSize = int.MaxValue }).Page;
        if (rows.Count == 0)
        {
            throw new KylinException(ErrorCode.ModelIdNotExist, alias);
        }

        return EnvelopeJson.Success(w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("model");
            ModelJson.WriteListItem(w, rows[0], models.Segments[rows[0].Model.Uuid], models.Tables);
            w.WriteEndObject();
        });
    }

    private static void WriteItems(JsonWriter w, IReadOnlyList<ModelRow> rows, Backend.ProjectModels models)
    {
        w.WriteStartArray();
        foreach (var row in rows)
        {
            ModelJson.WriteListItem(w, row, models.Segments[row.Model.Uuid], models.Tables);
        }

        w.WriteEndArray();
    }
}
