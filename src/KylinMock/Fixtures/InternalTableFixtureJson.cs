using KylinMock.Answers;
using KylinMock.Models;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace KylinMock.Fixtures;

/// <summary>
/// The fixture's <c>internal_tables</c>: every internal table with its layout, counts, partitions and load ranges, so a
/// fixture written from a server reads back to the same tables (an older fixture has none).
/// </summary>
internal static class InternalTableFixtureJson
{
    /// <summary>Writes the field (nothing when there are no internal tables, so older fixtures stay byte for byte).</summary>
    public static void Write(JsonWriter w, IReadOnlyList<InternalTable> tables)
    {
        if (tables.Count == 0)
        {
            return;
        }

        w.WritePropertyName("internal_tables");
        w.WriteStartArray();
        foreach (var t in tables)
        {
            w.WriteStartObject();
            w.Property("project", t.Project);
            w.Property("database", t.Database);
            w.Property("table", t.Name);
            w.Property("uuid", t.Uuid);
            w.Property("partition_cols", t.PartitionColumns);
            w.Property("date_partition_format", t.DatePartitionFormat);
            w.PropertyMap("tbl_properties", t.TblProperties);
            w.Property("storage_type", t.StorageType);
            w.Property("row_count", t.RowCount);
            w.Property("storage_size", t.StorageSize);
            w.Property("hit_count", t.HitCount);
            w.Property("update_time", t.LastModified);
            w.WritePropertyName("partitions");
            w.WriteStartArray();
            foreach (var p in t.Partitions)
            {
                w.WriteStartObject();
                w.Property("value", p.Value);
                w.Property("size_in_bytes", p.SizeInBytes);
                w.Property("file_count", p.FileCount);
                w.Property("rows", p.Rows);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WritePropertyName("job_ranges");
            w.WriteStartArray();
            foreach (var (start, end) in t.JobRanges)
            {
                w.WriteStartArray();
                w.WriteValue(start);
                w.WriteValue(end);
                w.WriteEndArray();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary>Reads the field (null: none); <paramref name="source"/> names the file in messages.</summary>
    public static IReadOnlyList<InternalTable> Read(string? json, string source)
    {
        if (json is null)
        {
            return [];
        }

        try
        {
            var tables = new List<InternalTable>();
            foreach (var t in JArray.Parse(json))
            {
                tables.Add(new InternalTable(Text(t, "project"), Text(t, "database"), Text(t, "table"))
                {
                    Uuid = Text(t, "uuid"),
                    PartitionColumns = (t["partition_cols"] as JArray ?? []).Select(c => (string)c!).ToArray(),
                    DatePartitionFormat = (string?)t["date_partition_format"],
                    TblProperties = (t["tbl_properties"] as JObject ?? []).Properties().ToDictionary(p => p.Name, p => (string)p.Value!),
                    StorageType = (string?)t["storage_type"] ?? "GLUTEN",
                    RowCount = (long?)t["row_count"] ?? 0,
                    StorageSize = (long?)t["storage_size"] ?? 0,
                    HitCount = (long?)t["hit_count"] ?? 0,
                    LastModified = (long?)t["update_time"] ?? 0,
                    Partitions = (t["partitions"] as JArray ?? []).Select(p => new InternalTablePartition(
                        Text(p, "value"), (long?)p["size_in_bytes"] ?? 0, (long?)p["file_count"] ?? 0, (long?)p["rows"] ?? 0)).ToArray(),
                    JobRanges = (t["job_ranges"] as JArray ?? []).Select(r => ((long)r[0]!, (long)r[1]!)).ToArray(),
                });
            }

            return tables;
        }
        catch (Exception e) when (e is JsonException or InvalidCastException or FormatException or OverflowException or ArgumentException or NullReferenceException)
        {
            throw new FixtureException($"{source}: internal_tables: {e.Message}", e);
        }
    }

    private static string Text(JToken t, string name) => (string?)t[name] ?? throw new FormatException($"field \"{name}\": missing");
}
