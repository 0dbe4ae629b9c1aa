using KylinMock.Models;
using Newtonsoft.Json;

namespace KylinMock.Answers;

/// <summary>
/// The v2 <c>GET /kylin/api/cube_desc/{projectName}/{cubeName}</c> data (MOD/response/NCubeDescResponse inside
/// NCubeResponse, build contract §12.3): <c>{"cube":{uuid, name, dimensions, measures, aggregation_groups}}</c>.
/// </summary>
internal static class CubeDescJson
{
    /// <summary>
    /// Writes <c>{"cube":…}</c>. The mock's index plans have no rule index (v4's model_desc shows no aggregation
    /// group), so dimensions and aggregation groups are empty, as ModelService.getCubeWithExactModelName leaves them.
    /// </summary>
    public static void Write(JsonWriter w, DataModel m)
    {
        w.WriteStartObject();
        w.WritePropertyName("cube");
        w.WriteStartObject();
        w.Property("uuid", m.Uuid);
        w.Property("name", m.Alias);
        ModelJson.EmptyArray(w, "dimensions");
        w.WritePropertyName("measures");
        w.WriteStartArray();
        foreach (var measure in m.Measures)
        {
            w.WriteStartObject();
            w.Property("name", measure.Name);
            w.Property("description", string.Empty);
            w.WritePropertyName("function");
            w.WriteStartObject();
            w.Property("expression", measure.Expression);
            w.WritePropertyName("parameter");
            WriteParameter(w, measure.Parameters);
            w.Property("returntype", measure.ReturnType);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        ModelJson.EmptyArray(w, "aggregation_groups");
        w.WriteEndObject();
        w.WriteEndObject();
    }

    // ParameterDesc3X.convert: the head, with next_parameter (omitted when null) holding only the last
    // further parameter, since the loop never advances its tail; none gives an empty {type, value}.
    private static void WriteParameter(JsonWriter w, IReadOnlyList<ParameterDesc> parameters)
    {
        w.WriteStartObject();
        w.Property("type", parameters.Count == 0 ? null : parameters[0].Type);
        w.Property("value", parameters.Count == 0 ? null : parameters[0].Value);
        if (parameters.Count > 1)
        {
            w.WritePropertyName("next_parameter");
            w.WriteStartObject();
            w.Property("type", parameters[^1].Type);
            w.Property("value", parameters[^1].Value);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }
}
