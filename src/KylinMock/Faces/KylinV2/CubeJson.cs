using KylinMock.Models;
using Newtonsoft.Json;

namespace KylinMock.Answers;

/// <summary>
/// A model seen as a cube by the v2 face (MOD/response/NDataModelResponse3X, build contract §12.1): the v4
/// NDataModelResponse round-tripped into the 3X class, so only its named properties survive, in its order.
/// </summary>
internal static class CubeJson
{
    /// <summary>
    /// Writes one cube; <paramref name="project"/> is the project as the request spelled it (getCubes0 copies it),
    /// <paramref name="segments"/> the model's segments in range order (none for a broken model).
    /// </summary>
    public static void Write(JsonWriter w, ModelRow row, IReadOnlyList<SegmentRow> segments, string project)
    {
        var m = row.Model;
        w.WriteStartObject();
        ModelJson.WriteEntity(w, m);
        ModelJson.WriteDescription(w, m, "lookups", simplifiedJoins: false);
        w.Property("status", Status(row.Status));
        w.Property("last_build_end", ModelDisplay.LastBuildEnd(row.Segments));
        w.Property("storage", row.Storage);
        w.Property("source", row.Source);
        w.Property("expansion_rate", ModelDisplay.ExpansionRate(row.Storage, row.Source));
        w.Property("usage", m.Usage);
        w.Property("model_broken", m.Broken);
        w.Property("root_fact_table_deleted", false);
        ModelJson.WriteSegmentsAndIndexes(w, row, segments);
        w.Property("total_indexes", m.TotalIndexes);
        w.WritePropertyName("simplified_dimensions");
        w.WriteStartArray();
        foreach (var c in m.Columns.Where(c => c.IsDimension))
        {
            w.WriteStartObject();
            w.Property("id", c.Id);
            w.Property("name", c.Name);
            w.Property("column", c.Column);
            w.Property("status", "DIMENSION");
            w.WriteEndObject();
        }

        w.WriteEndArray();
        ModelJson.WriteSimplifiedMeasures(w, m);
        w.Property("name", m.Alias);
        w.Property("is_streaming", false);
        w.Property("size_kb", row.Storage / 1024);
        w.Property("input_records_count", segments.Sum(s => s.Segment.SourceCount));
        w.Property("input_records_size", segments.Sum(s => s.Segment.SourceBytesSize));
        w.Property("project", project);
        w.Property("unauthorized_tables", Array.Empty<string>());
        w.Property("unauthorized_columns", Array.Empty<string>());
        w.Property("visible", true);
        w.WriteEndObject();
    }

    // NDataModelResponse3X.convert: the display status in 3.x words; LAG_BEHIND has none.
    private static string? Status(ModelStatus status) => status switch
    {
        ModelStatus.ONLINE => "READY",
        ModelStatus.OFFLINE => "DISABLED",
        ModelStatus.WARNING => "WARNING",
        ModelStatus.BROKEN => "DESCBROKEN",
        _ => null,
    };
}
