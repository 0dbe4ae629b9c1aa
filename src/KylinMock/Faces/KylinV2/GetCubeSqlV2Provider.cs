using KylinMock.Answers;
using KylinMock.Models;

namespace KylinMock.Http;

/// <summary>
/// v2 <c>GET /kylin/api/cubes/{cubeName}/sql</c> (SegmentControllerV2.getSql → ModelService.getModelSql): the cube
/// looked up as getCube does, answered as a <c>Properties</c> of one key, <c>{"sql": …}</c>.
/// </summary>
internal sealed class GetCubeSqlV2Provider(ServerContext server) : IKylinOperation
{
    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        var alias = context.Path["cubeName"];
        var project = SpringBinding.String(request, "project");
        var sql = FlatTableSql.Of(server.Backend.GetCube(alias, project).Row.Model);
        var body = EnvelopeJson.Success(w =>
        {
            w.WriteStartObject();
            w.Property("sql", sql);
            w.WriteEndObject();
        });
        return new KylinAnswer(200, context.ContentType, body);
    }
}
