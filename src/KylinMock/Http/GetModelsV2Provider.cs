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
        return server.Store.Read(view =>
        {
            var (models, tables, catalog) = Models(view, project, filter);
            var page = PagingUtil.CutPage(models, offset, size);
            return EnvelopeJson.Success(w =>
            {
                w.WriteStartObject();
                w.WritePropertyName("models");
                WriteItems(w, page, catalog, tables);
                w.Property("size", models.Count);
                w.WriteEndObject();
            });
        });
    }

    private byte[] One(string project, string alias) => server.Store.Read(view =>
    {
        var (models, tables, catalog) = Models(view, project, new ModelFilter { ModelName = alias, PageSize = int.MaxValue });
        if (models.Count == 0)
        {
            throw new KylinException(ErrorCode.ModelIdNotExist, alias);
        }

        return EnvelopeJson.Success(w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("model");
            ModelJson.WriteListItem(w, models[0], ModelNames.SegmentRows(catalog, models[0].Model.Uuid), tables);
            w.WriteEndObject();
        });
    });

    // checkProjectName, then ModelService.getModels with no owner and no status filter.
    private static (IReadOnlyList<ModelRow> Models, IReadOnlyList<TableDesc> Tables, ModelCatalog Catalog) Models(Jobs.JobStore.StoreView view, string project, ModelFilter filter)
    {
        var name = ModelNames.Project(view, project);
        var catalog = view.Catalog;
        return (ModelQuery.Apply(ModelNames.ModelRows(catalog, name), filter).Page, catalog.Tables(name), catalog);
    }

    private static void WriteItems(JsonWriter w, IReadOnlyList<ModelRow> rows, ModelCatalog catalog, IReadOnlyList<TableDesc> tables)
    {
        w.WriteStartArray();
        foreach (var row in rows)
        {
            ModelJson.WriteListItem(w, row, ModelNames.SegmentRows(catalog, row.Model.Uuid), tables);
        }

        w.WriteEndArray();
    }
}
