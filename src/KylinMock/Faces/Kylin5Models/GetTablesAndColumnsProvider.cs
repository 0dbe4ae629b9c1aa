using KylinMock.Answers;
using KylinMock.Models;

namespace KylinMock.Http;

/// <summary>
/// <c>GET /kylin/api/query/tables_and_columns?project=[&amp;cube=]</c> (NQueryController.getMetadata):
/// a bare array of the project's tables with their columns, or one model's.
/// </summary>
internal sealed class GetTablesAndColumnsProvider(ServerContext server) : IKylinOperation
{
    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        var project = ModelBinding.RequiredString(request, "project");
        var cube = SpringBinding.String(request, "cube");
        var (tables, models) = server.Backend.GetTables(project);
        var body = EnvelopeJson.Success(w => TableJson.WriteAll(w, TableQuery.Apply(tables, models, cube)));
        return new KylinAnswer(200, context.ContentType, body);
    }
}
