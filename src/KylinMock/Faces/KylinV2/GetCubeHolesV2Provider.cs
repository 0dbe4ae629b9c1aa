using KylinMock.Answers;
using KylinMock.Models;

namespace KylinMock.Http;

/// <summary>
/// v2 <c>GET /kylin/api/cubes/{cubeName}/holes</c> (SegmentControllerV2.getHoles): the cube's segments in range
/// order, and for each two that neither connect nor overlap, an empty segment spanning the gap; an array.
/// </summary>
internal sealed class GetCubeHolesV2Provider(ServerContext server) : IKylinOperation
{
    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        var alias = context.Path["cubeName"];
        var project = SpringBinding.String(request, "project");
        var cube = server.Backend.GetCube(alias, project);
        var holes = ModelDisplay.Holes(cube.Segments.Select(s => s.Segment).ToArray());
        var body = EnvelopeJson.Success(w =>
        {
            w.WriteStartArray();
            foreach (var (start, end) in holes)
            {
                SegmentJson.WriteHole(w, start, end, server.TimeZone);
            }

            w.WriteEndArray();
        });
        return new KylinAnswer(200, context.ContentType, body);
    }
}
