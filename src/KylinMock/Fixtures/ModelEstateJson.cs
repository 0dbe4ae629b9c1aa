using System.Globalization;
using KylinMock.Jobs;
using KylinMock.Answers;
using KylinMock.Models;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace KylinMock.Fixtures;

/// <summary>
/// The fixture's <c>tables</c>, <c>models</c> and <c>segments</c>, in the shapes the list endpoints
/// answer: <c>tables</c> maps a project to its tables_and_columns data, <c>models</c> is GET /models
/// items (each with its <c>project</c>), <c>segments</c> maps a model uuid to GET .../segments items
/// (when absent, a model item's own <c>segments</c> are read). A captured answer loads as it is.
/// </summary>
internal static class ModelEstateJson
{
    /// <summary>Writes the three fields; segments' shown statuses come from <paramref name="jobs"/>.</summary>
    public static void Write(JsonWriter w, ModelEstate estate, IReadOnlyList<Job> jobs)
    {
        w.WritePropertyName("tables");
        w.WriteStartObject();
        foreach (var project in estate.Tables.GroupBy(t => t.Project))
        {
            w.WritePropertyName(project.Key);
            w.WriteStartArray();
            foreach (var t in TableQuery.Apply(project.ToList(), estate.Models.Where(m => m.Project == project.Key).ToList(), null))
            {
                TableJson.Write(w, t.Table, t.Columns, t.Roles, c => t.Keys.TryGetValue(c, out var k) ? k : []);
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
        var byModel = estate.Segments.GroupBy(s => s.ModelUuid).ToDictionary(g => g.Key, g => (IReadOnlyList<Segment>)g.ToList());
        var jobsByModel = jobs.GroupBy(j => j.TargetModel).ToDictionary(g => g.Key, g => (IReadOnlyList<Job>)g.ToList());
        IReadOnlyList<SegmentRow> Rows(DataModel m)
        {
            var segments = byModel.GetValueOrDefault(m.Uuid, []);
            var modelJobs = jobsByModel.GetValueOrDefault(m.Uuid, []);
            var shown = SegmentDisplay.StatusesToDisplay(segments, modelJobs);
            return segments.Select((s, i) => new SegmentRow(s, shown[i])).ToArray();
        }

        w.WritePropertyName("models");
        w.WriteStartArray();
        foreach (var m in estate.Models)
        {
            var segments = byModel.GetValueOrDefault(m.Uuid, []);
            ModelJson.WriteListItem(w, new ModelRow(m, segments, ModelDisplay.Status(m, segments)), [], estate.Tables.Where(t => t.Project == m.Project).ToList());
        }

        w.WriteEndArray();
        w.WritePropertyName("segments");
        w.WriteStartObject();
        foreach (var m in estate.Models)
        {
            w.WritePropertyName(m.Uuid);
            w.WriteStartArray();
            foreach (var row in Rows(m))
            {
                SegmentJson.Write(w, m.Project, row, oldParams: false);
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
        WriteRows(w, estate.Rows);
    }

    // "rows": {"project": {"DB.TABLE": [[cell, ...], ...]}}, only when the estate states some.
    private static void WriteRows(JsonWriter w, IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<string?>>>> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        w.WritePropertyName("rows");
        w.WriteStartObject();
        foreach (var (project, tables) in rows)
        {
            w.WritePropertyName(project);
            w.WriteStartObject();
            foreach (var (table, list) in tables)
            {
                w.WritePropertyName(table);
                w.WriteStartArray();
                foreach (var row in list)
                {
                    w.Formatting = Formatting.None;
                    w.WriteStartArray();
                    foreach (var cell in row)
                    {
                        w.WriteValue(cell);
                    }

                    w.WriteEndArray();
                    w.Formatting = Formatting.Indented;
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    /// <summary>
    /// Reads <c>"rows"</c>: <c>{"project": {"DB.TABLE": [[cell, ...], ...]}}</c>, each cell a string, a number, a boolean or null
    /// (as Kylin's query results show it: text); <paramref name="source"/> names the file in messages.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<string?>>>> ReadRows(string rowsJson, string source)
    {
        var byProject = new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<string?>>>>(StringComparer.OrdinalIgnoreCase);
        try
        {
            if (Parse(rowsJson) is not JObject projects)
            {
                throw new FormatException("rows must be an object of projects: {\"learn_kylin\": {\"DEFAULT.KYLIN_SALES\": [[\"1\", \"2012-01-01\"]]}}");
            }

            foreach (var (project, tablesToken) in projects)
            {
                var tables = new Dictionary<string, IReadOnlyList<IReadOnlyList<string?>>>(StringComparer.OrdinalIgnoreCase);
                foreach (var (table, list) in tablesToken as JObject ?? throw new FormatException($"rows.{project} must be an object of tables"))
                {
                    tables[table] = (list as JArray ?? throw new FormatException($"rows.{project}.{table} must be an array of rows"))
                        .Select((row, i) => (IReadOnlyList<string?>)(row as JArray ?? throw new FormatException($"rows.{project}.{table}[{i}] must be an array of cells"))
                            .Select(cell => Cell(cell, $"rows.{project}.{table}[{i}]")).ToArray())
                        .ToArray();
                }

                byProject[project] = tables;
            }
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            throw new FixtureException($"{source}: {e.Message}", e);
        }

        return byProject;
    }

    private static string? Cell(JToken cell, string place) => cell.Type switch
    {
        JTokenType.Null => null,
        JTokenType.Boolean => (bool)cell ? "true" : "false",
        JTokenType.String or JTokenType.Integer or JTokenType.Float => Convert.ToString(((JValue)cell).Value, CultureInfo.InvariantCulture),
        _ => throw new FormatException($"{place}: a cell is a string, a number, a boolean or null"),
    };

    /// <summary>Reads the fields (any may be null); <paramref name="source"/> names the file in messages.</summary>
    public static ModelEstate Read(string? tablesJson, string? modelsJson, string? segmentsJson, string source)
    {
        try
        {
            var tables = new List<TableDesc>();
            if (Parse(tablesJson) is JObject byProject)
            {
                foreach (var (project, list) in byProject)
                {
                    tables.AddRange((list as JArray ?? []).Select(t => Table(project, t)));
                }
            }

            var models = new List<DataModel>();
            var segments = new List<Segment>();
            var separate = Parse(segmentsJson) as JObject;
            foreach (var item in Parse(modelsJson) as JArray ?? [])
            {
                var model = Model(item);
                models.Add(model);
                var list = separate?[model.Uuid] as JArray ?? item["segments"] as JArray ?? [];
                segments.AddRange(list.Select(s => Segment(model.Uuid, s)));
            }

            return new ModelEstate(tables, models, segments);
        }
        catch (Exception e) when (e is JsonException or InvalidCastException or FormatException or OverflowException or ArgumentException)
        {
            throw new FixtureException($"{source}: models, segments or tables: {e.Message}", e);
        }
    }

    private static JToken? Parse(string? json) =>
        json is null ? null : JToken.Parse(json, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Ignore });

    private static TableDesc Table(string project, JToken t) => new(
        project,
        Required(t, "table_SCHEM"),
        Required(t, "table_NAME"),
        (t["columns"] as JArray ?? []).Select(c => new ColumnDesc(Required(c, "column_NAME"), Datatype(c))).ToArray());

    // Back from Calcite's name and sizes to Kylin's datatype text.
    private static string Datatype(JToken c)
    {
        var name = ((string?)c["type_NAME"] ?? "VARCHAR").ToLowerInvariant();
        var size = (int?)c["column_SIZE"] ?? -1;
        return name switch
        {
            "varchar" or "char" => $"{name}({(size > 0 ? size : 256)})",
            "decimal" => $"decimal({size},{(int?)c["decimal_DIGITS"] ?? 0})",
            _ => name,
        };
    }

    private static DataModel Model(JToken m)
    {
        var uuid = Required(m, "uuid");
        var alias = (string?)m["alias"] ?? Required(m, "name");
        var status = (string?)m["status"];
        var columns = m["all_named_columns"] is JArray all
            ? all.Select(c => new NamedColumn((int)c["id"]!, Required(c, "name"), Required(c, "column"), (string?)c["status"] == "DIMENSION")).ToArray()
            : (m["simplified_dimensions"] as JArray ?? []).Select(c => new NamedColumn((int)c["id"]!, Required(c, "name"), Required(c, "column"), true)).ToArray();
        var measures = m["all_measures"] is JArray measureList
            ? measureList.Select(x => new Measure((int)x["id"]!, Required(x, "name"), Required(x["function"]!, "expression"), Parameters(x["function"]!["parameters"]), (string?)x["function"]!["returntype"] ?? string.Empty)).ToArray()
            : (m["simplified_measures"] as JArray ?? []).Select(x => new Measure((int)x["id"]!, Required(x, "name"), Required(x, "expression"), Parameters(x["parameter_value"]), (string?)x["return_type"] ?? string.Empty)).ToArray();
        return new DataModel
        {
            Uuid = uuid,
            Alias = alias,
            Project = Required(m, "project"),
            Owner = (string?)m["owner"] ?? "ADMIN",
            Description = (string?)m["description"] ?? string.Empty,
            FactTable = Required(m, "fact_table"),
            Lookups = (m["lookups"] as JArray ?? m["join_tables"] as JArray ?? []).Select(l => new JoinTableDesc(
                Required(l, "table"), Required(l, "alias"), (string?)l["join"]?["type"] ?? "LEFT",
                (l["join"]?["primary_key"] as JArray ?? []).Select(k => (string)k!).ToArray(),
                (l["join"]?["foreign_key"] as JArray ?? []).Select(k => (string)k!).ToArray())).ToArray(),
            Columns = columns,
            Measures = measures,
            PartitionDesc = m["partition_desc"] is JObject p && (string?)p["partition_date_column"] is { } column
                ? new PartitionDesc(column, (string?)p["partition_date_format"] ?? "yyyy-MM-dd")
                : null,
            MultiPartition = m["multi_partition_desc"] is JObject,
            Broken = status == "BROKEN" || (bool?)m["model_broken"] == true,
            StoredStatus = status is "OFFLINE" or "BROKEN" ? ModelStatus.OFFLINE : ModelStatus.ONLINE,
            TotalIndexes = (int?)m["total_indexes"] ?? 0,
            CreateTime = (long?)m["create_time"] ?? 0,
            LastModified = (long?)m["last_modified"] ?? 0,
            Version = (string?)m["version"] ?? "4.0.0.0",
            Usage = (long?)m["usage"] ?? 0,
        };
    }

    private static ParameterDesc[] Parameters(JToken? list) =>
        (list as JArray ?? []).Select(p => new ParameterDesc((string?)p["type"] ?? "column", (string?)p["value"] ?? string.Empty)).ToArray();

    private static Segment Segment(string model, JToken s) => new()
    {
        Id = Required(s, "id"),
        ModelUuid = model,
        Name = Required(s, "name"),
        Start = (long?)s["segRange"]?["date_range_start"] ?? 0,
        End = (long?)s["segRange"]?["date_range_end"] ?? Models.Segment.InfiniteEnd,
        Status = Enum.Parse<SegmentStatus>((string?)s["status"] ?? "READY", ignoreCase: false),
        CreateTime = (long?)s["create_time_utc"] ?? 0,
        LastBuildTime = (long?)s["last_build_time"] ?? 0,
        SourceCount = (long?)s["source_count"] ?? 0,
        SourceBytesSize = (long?)s["source_bytes_size"] ?? 0,
        BytesSize = (long?)s["bytes_size"] ?? 0,
        RowCount = (long?)s["row_count"] ?? 0,
        IndexCount = (int?)s["index_count"] ?? 0,
        IndexCountTotal = (int?)s["index_count_total"] ?? (int?)s["index_count"] ?? 0,
        FileCount = int.TryParse((string?)s["additionalInfo"]?["file_count"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var files) ? files : 0,
        HitCount = (long?)s["hit_count"] ?? 0,
        Merged = s["timeRange"] is JObject,
    };

    private static string Required(JToken token, string field) =>
        (string?)token[field] ?? throw new FormatException($"field \"{field}\": missing");
}
