using KylinMock.Answers;
using Newtonsoft.Json;

namespace KylinMock.Http;

/// <summary>
/// <c>GET /kylin/api/projects/{project}/project_config</c> (NProjectController.getProjectConfig, ProjectService.getProjectConfig0):
/// ProjectConfigResponse in its declared order. <c>project</c> is the path as sent; push-down and snapshot management are the
/// project's; every other field is KylinConfigBase's default (favorite rules null: no ProjectSmartService in Kylin 5;
/// no second storage; no commit file, so git_commit and package_timestamp are "-").
/// </summary>
internal sealed class ProjectConfigProvider(ServerContext server) : IKylinOperation
{
    // KylinConfigBase.getPushDownConverterClassNames's default.
    private const string Converters = "org.apache.kylin.source.adhocquery.DoubleQuotePushDownConverter,org.apache.kylin.query.util.PowerBIConverter,"
        + "org.apache.kylin.query.util.KeywordDefaultDirtyHack,org.apache.kylin.query.util.RestoreFromComputedColumn,"
        + "org.apache.kylin.query.security.RowFilter,org.apache.kylin.query.security.HackSelectStarWithColumnACL,"
        + "org.apache.kylin.query.util.SparkSQLFunctionConverter";

    /// <inheritdoc />
    public string? Name => "GetProjectConfig";

    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        var project = context.Path["project"];
        var config = server.Backend.GetProjectConfig(project);
        return new KylinAnswer(200, context.ContentType, EnvelopeJson.Success(w => Write(w, project, config)));
    }

    private static void Write(JsonWriter w, string project, Backend.ProjectConfig config)
    {
        w.WriteStartObject();
        w.Property("project", project);
        w.Property("description", string.Empty);
        w.Property("default_database", "DEFAULT");
        w.Property("semi_automatic_mode", false);
        w.Property("table_exclusion_enabled", false);
        w.Property("storage_quota_size", 10240L * 1024 * 1024 * 1024);
        w.Property("push_down_enabled", config.PushDownEnabled);
        w.Property("scd2_enabled", false);
        w.Property("snapshot_manual_management_enabled", config.SnapshotManualManagement);
        w.Property("snapshot_automatic_refresh_enabled", false);
        w.Property("snapshot_automatic_refresh_time_mode", "DAY");
        w.Property("snapshot_automatic_refresh_time_interval", "1");
        w.Property("snapshot_automatic_refresh_trigger_hours", "0");
        w.Property("snapshot_automatic_refresh_trigger_minute", "0");
        w.Property("snapshot_automatic_refresh_trigger_second", "0");
        w.Null("second_storage_enabled");
        w.Null("second_storage_nodes");
        w.Property("runner_class_name", string.Empty);
        w.Property("converter_class_names", Converters);
        ProjectJson.WriteSegmentConfig(w, retentionBeforeEmpty: false);
        w.Property("job_states_notification", []);
        w.Property("job_error_notification_enabled", false);
        w.Property("data_load_empty_notification_enabled", false);
        w.Property("job_notification_emails", []);
        w.Property("threshold", 20);
        w.Property("tips_enabled", true);
        w.Property("frequency_time_window", "MONTH");
        w.Property("low_frequency_threshold", 0L);
        w.Property("yarn_queue", "default");
        w.Property("expose_computed_column", true);
        w.Property("kerberos_project_level_enabled", false);
        w.Null("principal");
        w.Null("favorite_rules");
        w.Property("multi_partition_enabled", false);
        w.Property("query_history_download_max_size", 100000);
        w.Null("jdbc_source_name");
        w.Null("jdbc_source_user");
        w.Property("jdbc_source_pass", "*****");
        w.Null("jdbc_source_connection_url");
        w.Property("jdbc_source_enable", false);
        w.Null("jdbc_source_driver");
        w.Property("package_timestamp", "-");
        w.Property("git_commit", "-");
        w.Property("package_version", JobJson.ServerVersion);
        w.WriteEndObject();
    }
}
