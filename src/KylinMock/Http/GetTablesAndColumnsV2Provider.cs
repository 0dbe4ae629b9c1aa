using KylinMock.Answers;
using KylinMock.Models;
using Newtonsoft.Json;

namespace KylinMock.Http;

/// <summary>
/// v2 <c>GET /kylin/api/tables_and_columns?project=[&amp;cube=]</c> (QSC/v2/NQueryMetaController.getMetadataForDriver →
/// QueryService.getMetadataAddType): a bare array, with no envelope and no project check; a blank project
/// (doGetMetadata) and, inferred, an unknown one give <c>[]</c>; an empty cube is none.
/// </summary>
internal sealed class GetTablesAndColumnsV2Provider(ServerContext server) : IKylinOperation
{
    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        // MetaRequest is bound as a plain object: nothing is required.
        var project = SpringBinding.String(request, "project");
        var cube = SpringBinding.String(request, "cube");
        var body = server.Store.Read(view =>
        {
            var found = string.IsNullOrWhiteSpace(project) ? null : view.FindProject(project);
            var tables = found is null ? [] : TableQuery.Apply(view.Catalog.Tables(found.Name), view.Catalog.Models(found.Name), cube);
            return EnvelopeJson.Write(Formatting.None, w => TableJson.WriteAll(w, tables));
        });
        return new KylinAnswer(200, context.ContentType, body);
    }
}
