using System.Globalization;
using KylinMock.Backend;
using KylinMock.Jobs;
using KylinMock.Models;
using Newtonsoft.Json;

namespace KylinMock.Answers;

/// <summary>
/// A loaded table as the data source tree reads it: TableDescResponse, TableDesc's fields then the response's, its columns
/// ColumnDescResponse. The estate keeps no table statistics (TableExtDesc), so records, sampling rows and column stats are
/// empty, as for a table never sampled.
/// </summary>
internal static class ProjectTableJson
{
    /// <summary>Writes one table of <paramref name="project"/> as TableDescResponse (with <c>ext</c> or without: the same, there being no statistics).</summary>
    public static void Write(JsonWriter w, string project, ProjectTable row)
    {
        var meta = row.Table;
        var table = meta.Table;
        w.WriteStartObject();
        DescFields(w, project, table, plainColumns: false);
        EmptyObject(w, "exd");
        w.Property("root_fact", meta.Roles.Contains("FACT"));
        w.Property("lookup", !meta.Roles.Contains("FACT") && meta.Roles.Contains("LOOKUP"));
        w.Property("primary_key", meta.Keys.Where(k => k.Value.Contains("PK")).Select(k => k.Key));
        w.Property("foreign_key", meta.Keys.Where(k => k.Value.Contains("FK")).Select(k => k.Key));
        w.Null("partitioned_column");
        w.Null("partitioned_column_format");
        w.Null("segment_range");
        w.Property("storage_size", meta.Roles.Count == 0 ? -1L : row.StorageSize);
        w.Property("total_records", 0L);
        w.Property("sampling_rows", []);
        w.WritePropertyName("columns");
        w.WriteStartArray();
        for (var i = 0; i < table.Columns.Count; i++)
        {
            w.WriteStartObject();
            ColumnFields(w, table.Columns[i], i);
            w.Null("cardinality");
            w.Null("min_value");
            w.Null("max_value");
            w.Null("null_count");
            w.Property("excluded", false);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.Null("last_build_job_id");
        w.Property("excluded", false);
        w.Null("kafka_bootstrap_servers");
        w.Null("subscribe");
        w.Null("batch_table_identity");
        w.Null("parser_name");
        EmptyObject(w, "cardinality");
        w.Property("is_transactional", false);
        w.WriteEndObject();
    }

    /// <summary>Writes one table of <paramref name="project"/> as the bare TableDesc (its columns plain ColumnDescs, right after the name).</summary>
    public static void WriteTableDesc(JsonWriter w, string project, TableDesc table)
    {
        w.WriteStartObject();
        DescFields(w, project, table, plainColumns: true);
        w.WriteEndObject();
    }

    // RootPersistentEntity's then TableDesc's fields; a TableDescResponse writes its own columns later.
    private static void DescFields(JsonWriter w, string project, TableDesc table, bool plainColumns)
    {
        w.Property("uuid", StableHash.Uuid("table:" + project.ToUpperInvariant() + ":" + table.Identity));
        w.Property("last_modified", 0L);
        w.Property("create_time", 0L);
        w.Property("version", "4.0.0.0");
        w.Property("mvcc", 0);
        w.Property("name", table.Name);
        if (plainColumns)
        {
            w.WritePropertyName("columns");
            w.WriteStartArray();
            for (var i = 0; i < table.Columns.Count; i++)
            {
                w.WriteStartObject();
                ColumnFields(w, table.Columns[i], i);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.Property("source_type", 9);
        w.Property("table_type", "MANAGED");
        w.Property("top", false);
        w.Property("increment_loading", false);
        w.Null("last_snapshot_path");
        w.Property("last_snapshot_size", 0L);
        w.Property("snapshot_last_modified", 0L);
        w.Property("query_hit_count", 0);
        w.Null("partition_column");
        EmptyObject(w, "snapshot_partitions");
        EmptyObject(w, "snapshot_partitions_info");
        w.Property("snapshot_total_rows", 0L);
        w.Null("snapshot_partition_col");
        w.Null("selected_snapshot_partition_col");
        w.Null("temp_snapshot_path");
        w.Property("snapshot_has_broken", false);
        w.Property("database", table.Database);
        w.Property("transactional", false);
        w.Property("rangePartition", false);
        w.Null("partition_desc");
        w.Null("table_comment");
    }

    // ColumnDesc: id (1-based, as text), name, datatype, case_sensitive_name; comment and the rest are NON_NULL and absent.
    private static void ColumnFields(JsonWriter w, ColumnDesc column, int index)
    {
        w.Property("id", (index + 1).ToString(CultureInfo.InvariantCulture));
        w.Property("name", column.Name);
        w.Property("datatype", column.Datatype);
        w.Property("case_sensitive_name", column.Name);
    }

    private static void EmptyObject(JsonWriter w, string name)
    {
        w.WritePropertyName(name);
        w.WriteStartObject();
        w.WriteEndObject();
    }
}
