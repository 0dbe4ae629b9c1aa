using KylinMock.Answers;

namespace KylinMock.Http;

/// <summary>
/// <c>GET /kylin/api/admin/instance_info</c> (permitAll; <c>NAdminController</c>): <c>{"instance.timezone":...}</c>,
/// the ZoneId of the server time zone (kystudio waits for it before rendering any page).
/// </summary>
internal sealed class AdminInstanceInfoProvider(ServerContext server) : IKylinOperation
{
    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context) =>
        new(200, context.ContentType, EnvelopeJson.Success(w =>
        {
            w.WriteStartObject();
            w.Property("instance.timezone", server.TimeZone.Id);
            w.WriteEndObject();
        }));
}
