using System.Text;
using KylinMock.Answers;

namespace KylinMock.Http;

/// <summary>
/// <c>GET /kylin/api/admin/public_config</c> (permitAll; <c>NAdminController.getPublicConfig</c>): one string of
/// <c>key=value\n</c> lines, the default web whitelist then the keys Kylin always adds; a key without a value is
/// written <c>key=</c>, and every line ends with <c>\n</c> (kystudio parses <c>&lt;key&gt;=(.*?)\n</c>).
/// </summary>
internal sealed class AdminPublicConfigProvider(ServerContext server) : IKylinOperation
{
    private static readonly string[] Keys =
    [
        // kylin.web.properties.whitelist (default)
        "kylin.web.timezone", "kylin.env", "kylin.security.profile", "kylin.source.default", "metadata.semi-automatic-mode",
        "kylin.cube.aggrgroup.is-base-cuboid-always-valid", "kylin.htrace.show-gui-trace-toggle", "kylin.web.export-allow-admin",
        "kylin.web.export-allow-other",

        // always added
        "kylin.env.smart-mode-enabled", "kylin.source.load-hive-tablename-enabled", "kylin.kerberos.project-level-enabled",
        "kylin.web.stack-trace.enabled", "kylin.metadata.random-admin-password.enabled", "kylin.model.recommendation-page-size",
        "kylin.model.dimension-measure-name.max-length", "kylin.favorite.import-sql-max-size", "kylin.model.suggest-model-sql-limit",
        "kylin.query.query-history-download-max-size", "kylin.model.measure-name-check-enabled",
        "kylin.security.remove-ldap-custom-security-limit-enabled", "kylin.source.ddl.logical-view.enabled", "kylin.source.ddl.hive.enabled",
        "kylin.source.ddl.logical-view.database", "kylin.storage.check-quota-enabled", "kylin.table.load-threshold-enabled",
        "kylin.index.enable-operator-design", "kylin.security.allow-non-admin-generate-query-diag-package", "kylin.streaming.enabled",
        "resource_group_enabled",
    ];

    // The values the contract states; every other key is written without one.
    private static readonly Dictionary<string, string> Values = new()
    {
        ["kylin.security.profile"] = "testing",
        ["kylin.web.export-allow-admin"] = "true",
        ["kylin.security.allow-non-admin-generate-query-diag-package"] = "false",
    };

    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        var text = new StringBuilder();
        foreach (var key in Keys)
        {
            var value = key == "kylin.web.timezone" ? server.TimeZone.Id : Values.GetValueOrDefault(key, string.Empty);
            text.Append(key).Append('=').Append(value).Append('\n');
        }

        return new KylinAnswer(200, context.ContentType, EnvelopeJson.Success(w => w.WriteValue(text.ToString())));
    }
}
