using KylinMock.Answers;
using KylinMock.Models;

namespace KylinMock.Http;

/// <summary>
/// v2 <c>GET /kylin/api/projects</c> (MSC/NProjectControllerV2.getProjects → ProjectService.getReadableProjects):
/// <c>projectName</c> equals case-sensitively when <c>exact</c> (the default), else is contained ignoring case;
/// answered as <c>getDataResponse("projects", …)</c>, a HashMap <c>{"projects","size"}</c> of bare ProjectInstances.
/// </summary>
internal sealed class GetProjectsV2Provider(ServerContext server) : IKylinOperation
{
    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        var name = SpringBinding.String(request, "projectName");
        var offset = SpringBinding.Int(request, "pageOffset", 0);
        var size = SpringBinding.Int(request, "pageSize", 10);
        var exact = SpringBinding.Bool(request, "exact", true);
        var projects = server.Backend.ListProjects(context.User is not null, p => string.IsNullOrEmpty(name) || (exact ? p == name : p.Contains(name, StringComparison.OrdinalIgnoreCase)));
        var page = PagingUtil.CutPage(projects, offset, size);
        var body = EnvelopeJson.Success(w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("projects");
            ProjectJson.WriteArray(w, page, permission: null);
            w.Property("size", projects.Count);
            w.WriteEndObject();
        });
        return new KylinAnswer(200, context.ContentType, body);
    }
}
