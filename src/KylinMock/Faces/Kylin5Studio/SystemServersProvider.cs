using System.Security.Cryptography;
using System.Text;
using KylinMock.Answers;

namespace KylinMock.Http;

/// <summary>
/// <c>GET /kylin/api/system/servers[?ext=]</c> (NSystemController.getServers, DefaultClusterManager.getServers): the one
/// server, <c>host:port</c> in mode <c>all</c> (the host named <c>localhost</c>, as query history's <c>query_node</c> names it), and the maintenance mode (never on: EpochManager.getMaintenanceModeDetail
/// gives false and a null reason). With <c>ext</c> each server is a ServerExtInfoResponse whose <c>secretName</c> is
/// NBasicController.encodeHost: Base64 of EncryptUtil.encrypt("http://" + host), itself Base64 of AES/ECB/PKCS5 under Kylin's fixed key.
/// <c>GET /kylin/api/query/servers</c> (NQueryController.getServers) answers the same list without the status.
/// </summary>
internal sealed class SystemServersProvider(ServerContext server, bool withStatus) : IKylinOperation
{
    // EncryptUtil.key: "thisIsAsecretKey".
    private static readonly byte[] Key = "thisIsAsecretKey"u8.ToArray();

    /// <inheritdoc />
    public string? Name => "GetServers";

    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        var ext = SpringBinding.Bool(request, "ext", false);
        var host = "localhost:" + server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new KylinAnswer(200, context.ContentType, EnvelopeJson.Success(w =>
        {
            if (withStatus)
            {
                w.WriteStartObject();
                w.WritePropertyName("status");
                w.WriteStartObject();
                w.Property("maintenance_mode", false);
                w.Null("maintenance_mode_reason");
                w.WriteEndObject();
                w.WritePropertyName("servers");
            }

            w.WriteStartArray();
            if (ext)
            {
                w.WriteStartObject();
                w.Property("host", host);
                w.Property("mode", "all");
                w.Property("secretName", EncodeHost(host));
                w.WriteEndObject();
            }
            else
            {
                w.WriteValue(host);
            }

            w.WriteEndArray();
            if (withStatus)
            {
                w.WriteEndObject();
            }
        }));
    }

    /// <summary>NBasicController.encodeHost of a host that does not start with http.</summary>
    internal static string EncodeHost(string host)
    {
        using var aes = Aes.Create();
        aes.Key = Key;
        var encrypted = Convert.ToBase64String(aes.EncryptEcb(Encoding.UTF8.GetBytes("http://" + host.Trim()), PaddingMode.PKCS7));
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(encrypted));
    }
}
