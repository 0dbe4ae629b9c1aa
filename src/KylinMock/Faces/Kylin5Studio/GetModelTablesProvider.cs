using KylinMock.Answers;

namespace KylinMock.Http;

/// <summary>
/// <c>GET /kylin/api/tables/model_tables?project=&amp;model_name=</c> (NTableController.getModelTables, TableService.getTablesOfModel;
/// a model's Data Features tab): the model's root fact table then its join tables, each the bare TableDesc.
/// </summary>
internal sealed class GetModelTablesProvider(ServerContext server) : IKylinOperation
{
    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        var project = ModelBinding.RequiredString(request, "project");
        var model = ModelBinding.RequiredString(request, "model_name");
        var tables = server.Backend.GetTablesOfModel(project, model);
        return new KylinAnswer(200, context.ContentType, EnvelopeJson.Success(w =>
        {
            w.WriteStartArray();
            foreach (var table in tables)
            {
                ProjectTableJson.WriteTableDesc(w, project, table);
            }

            w.WriteEndArray();
        }));
    }
}
