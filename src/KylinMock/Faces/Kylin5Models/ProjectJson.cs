using KylinMock.Jobs;
using Newtonsoft.Json;

namespace KylinMock.Answers;

/// <summary>A project as GET /kylin/api/projects answers it (UserProjectPermissionResponse with ProjectInstance unwrapped).</summary>
internal static class ProjectJson
{
    /// <summary>The projects of a page as an array, each with its create time and <paramref name="permission"/>.</summary>
    public static void WriteArray(JsonWriter w, IEnumerable<Backend.ProjectRow> page, string? permission)
    {
        w.WriteStartArray();
        foreach (var row in page)
        {
            Write(w, row, permission);
        }

        w.WriteEndArray();
    }

    /// <summary>
    /// Writes one project; a null <paramref name="permission"/> is left out (the bare ProjectInstance of the v2 face).
    /// <c>override_kylin_properties</c> is never null: ProjectInstance.init makes the map and createProject fills it.
    /// </summary>
    public static void Write(JsonWriter w, Backend.ProjectRow row, string? permission)
    {
        var (project, createTime) = (row.Project, row.CreateTime);
        w.WriteStartObject();
        w.Property("uuid", StableHash.Uuid("project:" + project.Name));
        w.Property("last_modified", createTime);
        w.Property("create_time", createTime);
        w.Property("version", "4.0.0.0");
        w.Property("mvcc", 0);
        w.Property("name", project.Name);
        w.Property("owner", "ADMIN");
        w.Property("status", "ENABLED");
        w.Property("create_time_utc", createTime);
        w.Property("default_database", "DEFAULT");
        w.Property("description", string.Empty);
        w.Null("principal");
        w.Null("keytab");
        w.Property("maintain_model_type", "MANUAL_MAINTAIN");
        w.PropertyMap("override_kylin_properties", row.OverrideKylinProperties);
        w.WritePropertyName("segment_config");
        w.WriteStartObject();
        WriteSegmentConfig(w, retentionBeforeEmpty: true);
        w.WriteEndObject();
        if (permission is not null)
        {
            w.Property("permission", permission);
        }

        w.WriteEndObject();
    }

    /// <summary>
    /// The project's SegmentConfig fields, unwrapped: auto merge, volatile and retention ranges, empty segments (every project
    /// has Kylin's defaults). ProjectConfigResponse writes <c>create_empty_segment_enabled</c> before <c>retention_range</c>.
    /// </summary>
    public static void WriteSegmentConfig(JsonWriter w, bool retentionBeforeEmpty)
    {
        w.Property("auto_merge_enabled", false);
        w.Property("auto_merge_time_ranges", ["WEEK", "MONTH", "QUARTER", "YEAR"]);
        w.WritePropertyName("volatile_range");
        w.WriteStartObject();
        w.Property("volatile_range_number", 0);
        w.Property("volatile_range_enabled", false);
        w.Property("volatile_range_type", "DAY");
        w.WriteEndObject();
        if (!retentionBeforeEmpty)
        {
            w.Property("create_empty_segment_enabled", false);
        }

        w.WritePropertyName("retention_range");
        w.WriteStartObject();
        w.Property("retention_range_number", 1);
        w.Property("retention_range_enabled", false);
        w.Property("retention_range_type", "MONTH");
        w.WriteEndObject();
        if (retentionBeforeEmpty)
        {
            w.Property("create_empty_segment_enabled", false);
        }
    }
}
