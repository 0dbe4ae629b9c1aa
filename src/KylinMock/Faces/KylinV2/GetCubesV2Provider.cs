using KylinMock.Answers;
using KylinMock.Models;

namespace KylinMock.Http;

/// <summary>
/// v2 <c>GET /kylin/api/cubes</c> (SegmentControllerV2.getCubes): the project's models as cubes, answered as
/// <c>getDataResponse("cubes", …)</c>, a HashMap <c>{"size","cubes"}</c> whose page offset is a page index.
/// </summary>
internal sealed class GetCubesV2Provider(ServerContext server) : IKylinOperation
{
    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        // BaseController binds: a missing projectName is KE-010043201.
        var project = SpringBinding.RequiredString(request, "projectName");
        var alias = SpringBinding.String(request, "modelName");
        var offset = SpringBinding.Int(request, "pageOffset", 0);
        var size = SpringBinding.Int(request, "pageSize", 10);
        var cubes = server.Backend.ListCubes(alias, project);
        var page = PagingUtil.CutPage(cubes, offset, size);
        var body = EnvelopeJson.Success(w =>
        {
            w.WriteStartObject();
            w.Property("size", cubes.Count);
            w.WritePropertyName("cubes");
            w.WriteStartArray();
            foreach (var cube in page)
            {
                CubeJson.Write(w, cube.Row, cube.Segments, cube.Project);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
        return new KylinAnswer(200, context.ContentType, body);
    }
}
