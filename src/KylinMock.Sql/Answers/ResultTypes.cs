using System.Data.Common;
using KylinMock.Sql.Routing;
using Newtonsoft.Json.Linq;

namespace KylinMock.Sql.Answers;

/// <summary>
/// The label and Kylin type of each answer column, by Calcite's rules rather than DuckDB's (§3.4): a column keeps its
/// table type, COUNT is BIGINT NOT NULL, SUM of integers BIGINT, SUM(DECIMAL(p,s)) DECIMAL(max(19,p),s),
/// AVG(DECIMAL(p,s)) DECIMAL(p+4,s+4), other AVGs DOUBLE, MIN/MAX keep the type, an integer literal INTEGER NOT NULL,
/// <c>'abc'</c> CHAR(3); an unaliased expression is labelled <c>EXPR$i</c>. What the rules do not type, DuckDB's type does.
/// </summary>
internal static class ResultTypes
{
    /// <summary>The answer's columns for a reader over the query's result.</summary>
    public static List<(string Label, KylinType Type, bool Nullable)> Of(DbDataReader reader, QueryShape shape, IReadOnlyList<ResolvedTable> tables)
    {
        var columns = new List<(string, KylinType, bool)>(reader.FieldCount);
        var positional = shape.SelectItems.Count == reader.FieldCount && shape.SelectItems.All(i => i.Class != "STAR");
        for (var i = 0; i < reader.FieldCount; i++)
        {
            var name = reader.GetName(i);
            var fallback = KylinType.FromDuckDb(reader.GetDataTypeName(i), reader.GetFieldType(i), null);
            if (positional)
            {
                var item = shape.SelectItems[i];
                var (type, nullable) = Expression(item.Node, tables) ?? (fallback, true);
                var label = item.Alias.Length > 0 ? item.Alias : item.Class == "COLUMN_REF" ? name : "EXPR$" + i;
                columns.Add((label, type, nullable));
            }
            else
            {
                var column = Router.Resolve(new ColumnRef(string.Empty, name, false), tables);
                columns.Add((name, column is { } c ? KylinType.Of(tables[c.Table].Table.Columns.First(x => string.Equals(x.Name, c.Column, StringComparison.OrdinalIgnoreCase)).Datatype) : fallback, true));
            }
        }

        return columns;
    }

    private static (KylinType Type, bool Nullable)? Expression(JObject node, IReadOnlyList<ResolvedTable> tables)
    {
        switch (node["class"]?.ToString())
        {
            case "COLUMN_REF":
                return ColumnType(node, tables) is { } t ? (t, true) : null;
            case "CONSTANT":
                var value = node["value"];
                return value?["type"]?["id"]?.ToString() switch
                {
                    "INTEGER" => (KylinType.Integer, false),
                    "BIGINT" => (KylinType.BigInt, false),
                    "VARCHAR" => (new KylinType("CHAR", 1, value["value"]?.ToString().Length ?? 0, 0), false),
                    "BOOLEAN" => (KylinType.Boolean, false),
                    "DOUBLE" => (KylinType.Double, false),
                    _ => null,
                };
            case "CAST":
                var cast = node["cast_type"]?["id"]?.ToString();
                return cast switch
                {
                    "DATE" => (KylinType.Date, true),
                    "TIMESTAMP" => (KylinType.Timestamp, true),
                    "INTEGER" => (KylinType.Integer, true),
                    "BIGINT" => (KylinType.BigInt, true),
                    "DOUBLE" => (KylinType.Double, true),
                    "VARCHAR" => (KylinType.Varchar, true),
                    "BOOLEAN" => (KylinType.Boolean, true),
                    _ => null,
                };
            case "FUNCTION":
                var function = node["function_name"]?.ToString().ToUpperInvariant();
                var children = node["children"] as JArray ?? [];
                var argument = children.Count == 1 && children[0] is JObject child ? Expression(child, tables)?.Type : null;
                return function switch
                {
                    "COUNT" or "COUNT_STAR" => (KylinType.BigInt, false),
                    "SUM" when argument is not null => (argument.Sum(), true),
                    "AVG" when argument is not null => (argument.Avg(), true),
                    "MIN" or "MAX" when argument is not null => (argument, true),
                    "YEAR" or "QUARTER" or "MONTH" or "DAYOFMONTH" or "DAYOFYEAR" or "HOUR" or "MINUTE" or "SECOND" or "WEEKOFYEAR" or "DATE_DIFF" => (KylinType.BigInt, true),
                    "DATE_TRUNC" when children.Count == 2 && children[1] is JObject truncated => Expression(truncated, tables) is { } inner && inner.Type.Name is "DATE" or "TIMESTAMP" ? (inner.Type, true) : null,
                    _ => null,
                };
            default:
                return null;
        }
    }

    private static KylinType? ColumnType(JObject node, IReadOnlyList<ResolvedTable> tables)
    {
        if (node["column_names"] is not JArray names)
        {
            return null;
        }

        var parts = names.Select(n => n.ToString()).ToArray();
        var found = Router.Resolve(new ColumnRef(parts.Length > 1 ? parts[^2] : string.Empty, parts[^1], false), tables);
        return found is { } c ? KylinType.Of(tables[c.Table].Table.Columns.First(x => string.Equals(x.Name, c.Column, StringComparison.OrdinalIgnoreCase)).Datatype) : null;
    }
}
