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
        var (tables, models) = server.Backend.GetTablesIfAny(project);
        var body = EnvelopeJson.Write(Formatting.None, w => TableJson.WriteAll(w, TableQuery.Apply(tables, models, cube)));
        return new KylinAnswer(200, context.ContentType, body);
    }
}
