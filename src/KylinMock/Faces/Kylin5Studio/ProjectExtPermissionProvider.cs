using KylinMock.Answers;

namespace KylinMock.Http;

/// <summary>
/// <c>GET /kylin/api/access/permission/project_ext_permission?project=</c> (NAccessController.getUserExtPermissionInPrj):
/// checkProjectName, then CompositePermissionResponse: <c>GLOBAL_ADMIN</c> for a ROLE_ADMIN user (the mock's users
/// otherwise hold ADMINISTRATION on every project, as the project list says) and the ext permissions, which
/// AccessService.getUserNormalExtPermissions gives the super admin (<c>kylin.security.acl.super-admin-username</c>,
/// "admin" ignoring case) as <c>DATA_QUERY</c> and, without project ACLs, nobody else.
/// </summary>
internal sealed class ProjectExtPermissionProvider(ServerContext server) : IKylinOperation
{
    /// <inheritdoc />
    public string? Name => "GetUserExtPermissionInPrj";

    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        server.Backend.QueryProject(ModelBinding.RequiredString(request, "project"));
        var user = context.User?.User;
        var admin = user?.Authorities.Contains("ROLE_ADMIN") == true;
        var superAdmin = string.Equals(user?.Username, "admin", StringComparison.OrdinalIgnoreCase);
        return new KylinAnswer(200, context.ContentType, EnvelopeJson.Success(w =>
        {
            w.WriteStartObject();
            w.Property("permission", admin ? "GLOBAL_ADMIN" : "ADMINISTRATION");
            w.Property("ext_permissions", superAdmin ? ["DATA_QUERY"] : Array.Empty<string>());
            w.WriteEndObject();
        }));
    }
}
