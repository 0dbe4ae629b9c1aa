using KylinMock.Answers;
using KylinMock.Models;
using Newtonsoft.Json;

namespace KylinMock.Kylin4;

/// <summary>Writes Kylin 4's <c>CubeDesc</c> and <c>DataModelDesc</c> of a model shown as a cube (contract §2.2, §2.3; CubeDesc.java:144-210, DataModelDesc.java:71-113).</summary>
internal static class EstateJson
{
    /// <summary>A CubeDesc: dimensions from the model's dimension columns, measures from its measures, Kylin 4's engine and storage.</summary>
    public static void CubeDesc(JsonWriter w, DataModel model)
    {
        w.WriteStartObject();
        EstateJson.Root(w, model.Uuid, model.LastModified);
        w.Property("name", model.Alias);
        w.Property("is_draft", false);
        w.Property("model_name", model.Alias);
        w.Property("description", model.Description);
        w.Null("null_string");
        w.WritePropertyName("dimensions");
        w.WriteStartArray();
        foreach (var c in model.Columns.Where(c => c.IsDimension))
        {
            var (table, column) = Split(c.Column);
            w.WriteStartObject();
            w.Property("name", c.Name);
            w.Property("table", table);
            w.Property("column", column);
            w.Null("derived");
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WritePropertyName("measures");
        w.WriteStartArray();
        foreach (var m in model.Measures)
        {
            w.WriteStartObject();
            w.Property("name", m.Name);
            w.WritePropertyName("function");
            w.WriteStartObject();
            w.Property("expression", m.Expression);
            w.WritePropertyName("parameter");
            Parameter(w, m.Parameters, 0);
            w.Property("returntype", m.ReturnType);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WritePropertyName("rowkey");
        w.WriteStartObject();
        w.WritePropertyName("rowkey_columns");
        w.WriteStartArray();
        foreach (var c in model.Columns.Where(c => c.IsDimension))
        {
            w.WriteStartObject();
            w.Property("column", c.Column);
            w.Property("encoding", "dict");
            w.Property("isShardBy", false);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WritePropertyName("hbase_mapping");
        w.WriteStartObject();
        w.WritePropertyName("column_family");
        w.WriteStartArray();
        w.WriteStartObject();
        w.Property("name", "F1");
        w.WritePropertyName("columns");
        w.WriteStartArray();
        w.WriteStartObject();
        w.Property("qualifier", "M");
        w.Property("measure_refs", model.Measures.Select(m => m.Name));
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        w.WritePropertyName("aggregation_groups");
        w.WriteStartArray();
        w.WriteStartObject();
        w.Property("includes", model.Columns.Where(c => c.IsDimension).Select(c => c.Column));
        w.WritePropertyName("select_rule");
        w.WriteStartObject();
        w.Property("hierarchy_dims", []);
        w.Property("mandatory_dims", []);
        w.Property("joint_dims", []);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndArray();
        w.Property("signature", Convert.ToBase64String(BitConverter.GetBytes(Jobs.StableHash.Of(model.Uuid))));
        w.Property("notify_list", []);
        w.Property("status_need_notify", ["ERROR", "DISCARDED", "SUCCEED"]);
        w.Property("partition_date_start", 0L);
        w.Property("partition_date_end", 3153600000000L);
        w.WritePropertyName("auto_merge_time_ranges");
        w.WriteStartArray();
        w.WriteEndArray();
        w.Property("volatile_range", 0L);
        w.Property("retention_range", 0L);
        w.Property("engine_type", 6);
        w.Property("storage_type", 4);
        w.WritePropertyName("override_kylin_properties");
        w.WriteStartObject();
        w.WriteEndObject();
        w.Property("cuboid_black_list", []);
        w.Property("parent_forward", 3);
        w.Property("mandatory_dimension_set_list", []);
        w.Property("snapshot_table_desc_list", []);
        w.WriteEndObject();
    }

    /// <summary>A DataModelDesc: fact table, lookups with their joins, dimensions by table alias, metrics, partition.</summary>
    public static void ModelDesc(JsonWriter w, DataModel model)
    {
        w.WriteStartObject();
        EstateJson.Root(w, model.Uuid, model.LastModified);
        w.Property("name", model.Alias);
        w.Property("owner", model.Owner);
        w.Property("is_draft", false);
        w.Property("description", model.Description);
        w.Property("fact_table", model.FactTable);
        w.Property("fact_table_alias", model.FactAlias);
        w.WritePropertyName("lookups");
        w.WriteStartArray();
        foreach (var l in model.Lookups)
        {
            w.WriteStartObject();
            w.Property("table", l.Table);
            w.Property("kind", "LOOKUP");
            w.Property("alias", l.Alias);
            w.WritePropertyName("join");
            w.WriteStartObject();
            w.Property("type", l.JoinType.ToLowerInvariant());
            w.Property("primary_key", l.PrimaryKey);
            w.Property("foreign_key", l.ForeignKey);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WritePropertyName("dimensions");
        w.WriteStartArray();
        foreach (var group in model.Columns.Where(c => c.IsDimension).GroupBy(c => Split(c.Column).Table))
        {
            w.WriteStartObject();
            w.Property("table", group.Key);
            w.Property("columns", group.Select(c => Split(c.Column).Column));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.Property("metrics", model.Columns.Where(c => !c.IsDimension).Select(c => c.Column));
        w.Property("filter_condition", string.Empty);
        w.WritePropertyName("partition_desc");
        w.WriteStartObject();
        w.Property("partition_date_column", model.PartitionDesc?.PartitionDateColumn);
        w.Null("partition_time_column");
        w.Property("partition_date_start", 0L);
        w.Property("partition_date_format", model.PartitionDesc?.PartitionDateFormat ?? "yyyy-MM-dd");
        w.Property("partition_time_format", "HH:mm:ss");
        w.Property("partition_type", "APPEND");
        w.Property("partition_condition_builder", "org.apache.kylin.metadata.model.PartitionDesc$DefaultPartitionConditionBuilder");
        w.WriteEndObject();
        w.Property("capacity", "MEDIUM");
        w.Property("projectName", model.Project);
        w.WriteEndObject();
    }

    /// <summary>RootPersistentEntity's first fields, as every named-property entity starts (RootPersistentEntity.java:53-68): uuid, last_modified, version.</summary>
    public static void Root(JsonWriter w, string? uuid, long lastModified)
    {
        w.Property("uuid", uuid);
        w.Property("last_modified", lastModified);
        w.Property("version", "4.0.0.0");
    }

    /// <summary>A stable uuid for an estate object that has none of its own (projects, tables).</summary>
    public static string Uuid(string name) => Jobs.StableHash.Uuid("kylin4:" + name);

    /// <summary>A list of objects written by <paramref name="write"/>.</summary>
    public static byte[] Array<T>(IEnumerable<T> items, Action<JsonWriter, T> write) => EnvelopeJson.Write(Formatting.None, w =>
    {
        w.WriteStartArray();
        foreach (var item in items)
        {
            write(w, item);
        }

        w.WriteEndArray();
    });

    /// <summary>One object written by <paramref name="write"/>.</summary>
    public static byte[] One<T>(T item, Action<JsonWriter, T> write) => EnvelopeJson.Write(Formatting.None, w => write(w, item));

    // ParameterDesc: type, value, then next_parameter for the next one (omitted when null; ParameterDesc.java:66-72).
    private static void Parameter(JsonWriter w, IReadOnlyList<ParameterDesc> parameters, int index)
    {
        w.WriteStartObject();
        w.Property("type", index < parameters.Count ? parameters[index].Type : "constant");
        w.Property("value", index < parameters.Count ? parameters[index].Value : "1");
        if (index + 1 < parameters.Count)
        {
            w.WritePropertyName("next_parameter");
            Parameter(w, parameters, index + 1);
        }

        w.WriteEndObject();
    }

    private static (string Table, string Column) Split(string column) =>
        column.IndexOf('.', StringComparison.Ordinal) is var dot and > 0 ? (column[..dot], column[(dot + 1)..]) : (string.Empty, column);
}
