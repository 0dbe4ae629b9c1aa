using KylinMock.Answers;

namespace KylinMock.Http;

/// <summary>
/// v2 <c>GET /kylin/api/cubes/{cubeName}</c> (SegmentControllerV2.getCube): one model as a cube, looked up in
/// <c>project</c> or, without it, in every project; none is KE-010025201.
/// </summary>
internal sealed class GetCubeV2Provider(ServerContext server) : IKylinOperation
{
    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        var alias = context.Path["cubeName"];
        var project = SpringBinding.String(request, "project");
        var cube = server.Backend.GetCube(alias, project);
        var body = EnvelopeJson.Success(w => CubeJson.Write(w, cube.Row, cube.Segments, cube.Project));
        return new KylinAnswer(200, context.ContentType, body);
    }
}
