using KylinMock.Errors;
using KylinMock.Answers;
using KylinMock.Models;

namespace KylinMock.Http;

/// <summary>
/// <c>GET /kylin/api/projects</c> (NProjectController.getProjects): projects in storage order whose name
/// contains <c>project</c> ignoring case (equals with <c>exact</c>), paged; anonymous callers see none.
/// </summary>
internal sealed class GetProjectsProvider(ServerContext server) : IKylinOperation
{
    private static readonly string[] Permissions = ["READ", "OPERATION", "MANAGEMENT", "ADMINISTRATION"];
    private static readonly string[] OtherAclPermissions = ["WRITE", "CREATE", "DELETE", "DATA_QUERY"];

    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        var name = SpringBinding.String(request, "project");
        var offset = SpringBinding.Int(request, "page_offset", 0);
        var size = SpringBinding.Int(request, "page_size", 10);
        var exact = SpringBinding.Bool(request, "exact", false);
        var permission = SpringBinding.String(request, "permission");
        if (!string.IsNullOrEmpty(permission) && Array.IndexOf(Permissions, permission) < 0)
        {
            throw Array.IndexOf(OtherAclPermissions, permission) >= 0
                ? KylinException.WithRaw(ErrorCode.InvalidParameter, "No enum constant org.apache.kylin.rest.security.AclPermissionEnum." + permission).WithStatus(400)
                : KylinException.WithRaw(ErrorCode.PermissionDenied, "Operation failed, unknown permission:" + permission);
        }

        var projects = server.Backend.ListProjects(context.User is not null, p => string.IsNullOrEmpty(name) || (exact ? string.Equals(p, name, StringComparison.OrdinalIgnoreCase) : p.Contains(name, StringComparison.OrdinalIgnoreCase)));
        var page = PagingUtil.CutPage(projects, offset, size);
        var body = EnvelopeJson.Success(w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("value");
            ProjectJson.WriteArray(w, page, "ADMINISTRATION");
            w.Property("offset", offset);
            w.Property("limit", size);
            w.Property("total_size", projects.Count);
            w.WriteEndObject();
        });
        return new KylinAnswer(200, context.ContentType, body);
    }
}
