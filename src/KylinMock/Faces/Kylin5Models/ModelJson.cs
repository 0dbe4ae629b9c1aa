using KylinMock.Models;
using Newtonsoft.Json;

namespace KylinMock.Answers;

/// <summary>
/// A model as GET /kylin/api/models lists it (NDataModelResponse, build contract §10.3 order) and as
/// GET /kylin/api/models/{project}/{model}/model_desc describes it (NModelDescResponse, §10.1).
/// </summary>
internal static class ModelJson
{
    private const string ConditionBuilder = "org.apache.kylin.metadata.model.PartitionDesc$DefaultPartitionConditionBuilder";

    /// <summary>Writes one GET /models item: the model, its segments (each with its shown status) and the derived values; <paramref name="tables"/> are the project's.</summary>
    public static void WriteListItem(JsonWriter w, ModelRow row, IReadOnlyList<SegmentRow> segments, IReadOnlyList<TableDesc> tables)
    {
        var m = row.Model;
        w.WriteStartObject();
        w.Property("name", m.Alias);
        WriteLookups(w, "lookups", m);
        w.Property("is_streaming", false);
        w.Property("size_kb", row.Storage / 1024);
        w.Property("input_records_count", row.Segments.Sum(s => s.SourceCount));
        w.Property("input_records_size", row.Source);
        w.Property("project", m.Project);
        WriteDimensionsByTable(w, m);
        w.Property("unauthorized_tables", Array.Empty<string>());
        w.Property("unauthorized_columns", Array.Empty<string>());
        w.Property("visible", true);
        WriteEntity(w, m);
        WriteDescription(w, m, "join_tables", simplifiedJoins: true);
        w.Property("status", row.Status.ToString());
        w.Property("last_build_end", ModelDisplay.LastBuildEnd(row.Segments));
        w.Property("storage", row.Storage);
        w.Property("source", row.Source);
        w.Property("expansion_rate", ModelDisplay.ExpansionRate(row.Storage, row.Source));
        w.Property("usage", m.Usage);
        w.Property("root_fact_table_deleted", false);
        WriteSegmentsAndIndexes(w, row, segments);
        w.Property("inconsistent_segment_count", row.Segments.Count(s => s.Status == SegmentStatus.WARNING));
        w.Property("total_indexes", m.TotalIndexes);
        w.Property("forbidden_online", false);
        w.Property("last_build_time", row.Segments.Count == 0 ? 0 : row.Segments.Max(s => s.LastBuildTime));
        w.Property("has_base_table_index", m.TotalIndexes > 0);
        w.Property("has_base_agg_index", m.TotalIndexes > 0);
        w.Property("has_segments", row.Segments.Count > 0);
        w.Property("second_storage_size", 0);
        w.Null("second_storage_nodes");
        w.Property("second_storage_enabled", false);
        w.Property("model_update_enabled", true);
        w.Property("empty_model", row.Segments.Count == 0);
        w.Property("partition_column_in_dims", m.PartitionDesc is { } p && m.Columns.Any(c => c.IsDimension && c.Column == p.PartitionDateColumn));
        w.WritePropertyName("simplified_dimensions");
        w.WriteStartArray();
        foreach (var c in m.Columns.Where(c => c.IsDimension))
        {
            WriteDimension(w, m, tables, c, withDerived: false);
        }

        w.WriteEndArray();
        w.Property("model_broken", m.Broken);
        WriteSimplifiedTables(w, m, tables);
        WriteSimplifiedMeasures(w, m);
        w.WritePropertyName("selected_columns");
        w.WriteStartArray();
        foreach (var c in m.Columns)
        {
            w.WriteStartObject();
            w.Property("id", c.Id);
            w.Property("name", c.Name);
            w.Property("column", c.Column);
            w.Property("status", c.IsDimension ? "DIMENSION" : "EXIST");
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Writes the data of GET .../model_desc; <paramref name="tables"/> are the project's.</summary>
    public static void WriteDesc(JsonWriter w, DataModel m, IReadOnlyList<TableDesc> tables)
    {
        w.WriteStartObject();
        w.Property("uuid", m.Uuid);
        w.Property("last_modified", m.LastModified);
        w.Property("create_time", m.CreateTime);
        w.Property("version", m.Version);
        w.Property("name", m.Alias);
        w.Property("project", m.Project);
        w.Property("description", m.Description);
        w.WritePropertyName("dimensions");
        w.WriteStartArray();
        foreach (var c in m.Columns.Where(c => c.IsDimension))
        {
            WriteDimension(w, m, tables, c, withDerived: true);
        }

        w.WriteEndArray();
        WriteMeasures(w, "measures", m);
        EmptyArray(w, "aggregation_groups");
        EmptyArray(w, "computed_columns");
        w.Property("fact_table", m.FactTable);
        WriteLookups(w, "join_tables", m);
        w.WriteEndObject();
    }

    /// <summary>
    /// Writes NDataModel's own properties from <c>alias</c> to <c>fusion_id</c>; the joins are named
    /// <paramref name="joinsName"/> (the cube of the v2 face puts the full <c>lookups</c> there).
    /// </summary>
    internal static void WriteDescription(JsonWriter w, DataModel m, string joinsName, bool simplifiedJoins)
    {
        w.Property("alias", m.Alias);
        w.Property("owner", m.Owner);
        w.Null("config_last_modifier");
        w.Property("config_last_modified", 0);
        w.Property("description", m.Description);
        w.Property("fact_table", m.FactTable);
        w.Null("fact_table_alias");
        w.Property("management_type", "MODEL_BASED");
        WriteLookups(w, joinsName, m, simplifiedJoins);
        w.Property("filter_condition", string.Empty);
        w.WritePropertyName("partition_desc");
        WritePartition(w, m.PartitionDesc);
        w.Property("capacity", "MEDIUM");
        w.WritePropertyName("segment_config");
        w.WriteStartObject();
        w.Null("auto_merge_enabled");
        w.Null("auto_merge_time_ranges");
        w.Null("volatile_range");
        w.Null("retention_range");
        w.Property("create_empty_segment_enabled", false);
        w.WriteEndObject();
        w.Null("data_check_desc");
        w.Property("semantic_version", 1);
        w.Property("storage_type", 0);
        w.Property("model_type", "BATCH");
        w.WritePropertyName("all_named_columns");
        w.WriteStartArray();
        foreach (var c in m.Columns)
        {
            w.WriteStartObject();
            w.Property("id", c.Id);
            w.Property("name", c.Name);
            w.Property("column", c.Column);
            if (c.IsDimension)
            {
                w.Property("status", "DIMENSION");
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteMeasures(w, "all_measures", m);
        w.Property("recommendations_count", 0);
        EmptyArray(w, "computed_columns");
        if (m.Broken)
        {
            w.Property("broken_reason", "SCHEMA");
        }

        w.Null("multi_partition_desc");
        w.Null("multi_partition_key_mapping");
        w.Null("fusion_id");
    }

    /// <summary>Writes <c>segments</c> (with their old params), <c>available_indexes_count</c>, <c>empty_indexes_count</c> and <c>segment_holes</c>.</summary>
    internal static void WriteSegmentsAndIndexes(JsonWriter w, ModelRow row, IReadOnlyList<SegmentRow> segments)
    {
        var m = row.Model;
        w.WritePropertyName("segments");
        w.WriteStartArray();
        foreach (var segment in segments)
        {
            SegmentJson.Write(w, m.Project, segment, oldParams: true);
        }

        w.WriteEndArray();
        w.Property("available_indexes_count", ModelDisplay.AvailableIndexesCount(m, row.Segments));
        w.Property("empty_indexes_count", ModelDisplay.EmptyIndexesCount(m, row.Segments));
        w.WritePropertyName("segment_holes");
        w.WriteStartArray();
        foreach (var (start, end) in ModelDisplay.Holes(row.Segments))
        {
            SegmentJson.WriteRange(w, start, end);
        }

        w.WriteEndArray();
    }

    /// <summary>Writes <c>"name":[]</c>.</summary>
    internal static void EmptyArray(JsonWriter w, string name)
    {
        w.WritePropertyName(name);
        w.WriteStartArray();
        w.WriteEndArray();
    }

    internal static void WriteEntity(JsonWriter w, DataModel m)
    {
        w.Property("uuid", m.Uuid);
        w.Property("last_modified", m.LastModified);
        w.Property("create_time", m.CreateTime);
        w.Property("version", m.Version);
        w.Property("mvcc", 0);
    }

    private static void WritePartition(JsonWriter w, PartitionDesc? p)
    {
        if (p is null)
        {
            w.WriteNull();
            return;
        }

        w.WriteStartObject();
        w.Property("partition_date_column", p.PartitionDateColumn);
        w.Property("partition_date_start", 0);
        w.Property("partition_date_format", p.PartitionDateFormat);
        w.Property("partition_type", "APPEND");
        w.Property("partition_condition_builder", ConditionBuilder);
        w.WriteEndObject();
    }

    internal static void WriteLookups(JsonWriter w, string name, DataModel m, bool simplified = false)
    {
        w.WritePropertyName(name);
        w.WriteStartArray();
        foreach (var l in m.Lookups)
        {
            w.WriteStartObject();
            w.Property("table", l.Table);
            w.Property("kind", "LOOKUP");
            w.Property("alias", l.Alias);
            w.WritePropertyName("join");
            w.WriteStartObject();
            w.Property("type", l.JoinType);
            w.Property("primary_key", l.PrimaryKey);
            w.Property("foreign_key", l.ForeignKey);
            w.Null("non_equi_join_condition");
            w.Null("primary_table");
            w.Null("foreign_table");
            if (simplified)
            {
                w.WritePropertyName("simplified_non_equi_join_conditions");
                w.WriteNull();
            }

            w.WriteEndObject();
            w.Null("flattenable");
            w.Property("join_relation_type", "MANY_TO_ONE");
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteDimensionsByTable(JsonWriter w, DataModel m)
    {
        var byTable = m.Columns.Where(c => c.IsDimension).GroupBy(c => c.Column[..c.Column.IndexOf('.')]).ToList();
        if (byTable.Count == 0)
        {
            return;
        }

        w.WritePropertyName("dimensions");
        w.WriteStartArray();
        foreach (var group in byTable)
        {
            w.WriteStartObject();
            w.Property("table", group.Key);
            w.Property("columns", group.Select(c => c.Column[(c.Column.IndexOf('.') + 1)..]));
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteDimension(JsonWriter w, DataModel m, IReadOnlyList<TableDesc> tables, NamedColumn c, bool withDerived)
    {
        w.WriteStartObject();
        w.Property("id", c.Id);
        w.Property("name", c.Name);
        w.Property("column", c.Column);
        w.Property("status", "DIMENSION");
        w.Property("excluded", false);
        w.Null("cardinality");
        w.Null("min_value");
        w.Null("max_value");
        w.Null("max_length_value");
        w.Null("min_length_value");
        w.Null("null_count");
        w.Null("comment");
        w.Property("type", ModelTables.Datatype(m, tables, c.Column));
        w.Property("simple", true);
        if (withDerived)
        {
            w.Property("derived", false);
        }

        w.WriteEndObject();
    }

    internal static void WriteMeasures(JsonWriter w, string name, DataModel m)
    {
        w.WritePropertyName(name);
        w.WriteStartArray();
        foreach (var measure in m.Measures)
        {
            w.WriteStartObject();
            w.Property("name", measure.Name);
            w.WritePropertyName("function");
            w.WriteStartObject();
            w.Property("expression", measure.Expression);
            WriteParameters(w, "parameters", measure);
            w.Property("returntype", measure.ReturnType);
            w.WriteEndObject();
            w.Null("column");
            w.Null("comment");
            w.Property("id", measure.Id);
            w.Property("type", "NORMAL");
            EmptyArray(w, "internal_ids");
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    internal static void WriteSimplifiedMeasures(JsonWriter w, DataModel m)
    {
        w.WritePropertyName("simplified_measures");
        w.WriteStartArray();
        foreach (var measure in m.Measures)
        {
            w.WriteStartObject();
            w.Property("id", measure.Id);
            w.Property("expression", measure.Expression);
            w.Property("name", measure.Name);
            w.Property("return_type", measure.ReturnType);
            WriteParameters(w, "parameter_value", measure);
            EmptyArray(w, "converted_columns");
            w.Null("column");
            w.Null("comment");
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteParameters(JsonWriter w, string name, Measure measure)
    {
        w.WritePropertyName(name);
        w.WriteStartArray();
        foreach (var p in measure.Parameters)
        {
            w.WriteStartObject();
            w.Property("type", p.Type);
            w.Property("value", p.Value);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteSimplifiedTables(JsonWriter w, DataModel m, IReadOnlyList<TableDesc> tables)
    {
        w.WritePropertyName("simplified_tables");
        w.WriteStartArray();
        foreach (var group in m.Columns.GroupBy(c => ModelTables.TableOf(m, c.Column)))
        {
            w.WriteStartObject();
            w.Property("table", group.Key);
            w.WritePropertyName("columns");
            w.WriteStartArray();
            foreach (var c in group)
            {
                w.WriteStartObject();
                w.Property("name", c.Column[(c.Column.IndexOf('.') + 1)..]);
                w.Property("datatype", ModelTables.Datatype(m, tables, c.Column));
                w.Null("cardinality");
                w.Null("comment");
                w.Property("is_computed_column", false);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
