using KylinMock.Answers;
using KylinMock.Errors;
using KylinMock.Models;

namespace KylinMock.Http;

/// <summary>
/// v2 <c>GET /kylin/api/cube_desc/{projectName}/{cubeName}</c> (MSC/NCubeDescControllerV2.getCube →
/// ModelService.getCubeWithExactModelName): checkProjectName, then the model by alias ignoring case, broken ones
/// included; none is KE-010002203.
/// </summary>
internal sealed class GetCubeDescV2Provider(ServerContext server) : IKylinOperation
{
    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        var project = context.Path["projectName"];
        var alias = context.Path["cubeName"];
        var model = server.Backend.GetCubeDesc(project, alias);
        var body = EnvelopeJson.Success(w => CubeDescJson.Write(w, model));
        return new KylinAnswer(200, context.ContentType, body);
    }
}
