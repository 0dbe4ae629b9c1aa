using Newtonsoft.Json.Linq;

namespace KylinMock.Sql.Routing;

/// <summary>A table the query scans.</summary>
/// <param name="Schema">The database as written, or "" when none.</param>
/// <param name="Name">The table name.</param>
/// <param name="Alias">The alias, or "" when none.</param>
/// <param name="Location">Where its name starts in the SQL (UTF-8 bytes).</param>
internal sealed record TableRef(string Schema, string Name, string Alias, long Location)
{
    /// <summary>The name the query refers to it by.</summary>
    public string RefName => Alias.Length > 0 ? Alias : Name;
}

/// <summary>A column reference: an optional qualifier (alias or table) and the column.</summary>
/// <param name="Qualifier">The alias or table written before the column, or "".</param>
/// <param name="Name">The column.</param>
/// <param name="InAggregate">True inside an aggregate function's arguments.</param>
internal sealed record ColumnRef(string Qualifier, string Name, bool InAggregate);

/// <summary>A join of the query: its type and its equi-condition's column pairs.</summary>
/// <param name="Type">INNER or LEFT (others as DuckDB names them).</param>
/// <param name="Pairs">The <c>a = b</c> pairs of the ON condition.</param>
/// <param name="OnlyEquiAnd">Whether the condition is only equalities joined by AND.</param>
internal sealed record JoinRef(string Type, IReadOnlyList<(ColumnRef Left, ColumnRef Right)> Pairs, bool OnlyEquiAnd);

/// <summary>An aggregate call: the function, DISTINCT, and its argument when it is a plain column.</summary>
/// <param name="Function">COUNT, SUM, MIN, MAX, AVG (or COUNT_STAR).</param>
/// <param name="Distinct">COUNT(DISTINCT ...).</param>
/// <param name="Column">The argument when it is one column, else null.</param>
/// <param name="Constant">Whether the argument is a constant (COUNT(1)).</param>
internal sealed record AggregateRef(string Function, bool Distinct, ColumnRef? Column, bool Constant);

/// <summary>A comparison of a column with a literal in the WHERE clause's top-level AND chain.</summary>
/// <param name="Column">The column.</param>
/// <param name="Operator">COMPARE_EQUAL, COMPARE_GREATERTHAN..., or BETWEEN.</param>
/// <param name="Values">The literal texts (two for BETWEEN).</param>
internal sealed record FilterRef(ColumnRef Column, string Operator, IReadOnlyList<string> Values);

/// <summary>An item of the outermost select list.</summary>
/// <param name="Class">COLUMN_REF, FUNCTION, CONSTANT, STAR, CAST...</param>
/// <param name="Alias">The alias, or "".</param>
/// <param name="Node">The expression.</param>
internal sealed record SelectItem(string Class, string Alias, JObject Node);

/// <summary>
/// What routing needs of a SELECT, read from DuckDB's parse tree (<c>json_serialize_sql</c>): its tables and
/// joins, the columns it names, its aggregates, whether it aggregates, and the literal filters a segment
/// range can be pruned by.
/// </summary>
internal sealed class QueryShape
{
    private static readonly HashSet<string> AggregateNames = new(StringComparer.OrdinalIgnoreCase) { "count", "count_star", "sum", "min", "max", "avg" };
    private readonly HashSet<string> cteNames = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The base tables, in the order they appear.</summary>
    public List<TableRef> Tables { get; } = [];

    /// <summary>The joins.</summary>
    public List<JoinRef> Joins { get; } = [];

    /// <summary>Every column reference.</summary>
    public List<ColumnRef> Columns { get; } = [];

    /// <summary>Every aggregate call.</summary>
    public List<AggregateRef> Aggregates { get; } = [];

    /// <summary>Literal comparisons that may prune segments.</summary>
    public List<FilterRef> Filters { get; } = [];

    /// <summary>The outermost select list.</summary>
    public List<SelectItem> SelectItems { get; } = [];

    /// <summary>Whether some SELECT has a GROUP BY.</summary>
    public bool Grouped { get; private set; }

    /// <summary>Whether a comma join (no ON) or a join condition other than AND-ed equalities appears.</summary>
    public bool OddJoins { get; private set; }

    /// <summary>Whether the query aggregates (an aggregate function or a GROUP BY).</summary>
    public bool Aggregated => Grouped || Aggregates.Count > 0;

    /// <summary>Reads the statement node of <c>json_serialize_sql</c>'s answer.</summary>
    public static QueryShape Read(JObject node)
    {
        var shape = new QueryShape();
        shape.CollectCtes(node);
        var first = node;
        while (first["type"]?.ToString() == "SET_OPERATION_NODE" && first["left"] is JObject left)
        {
            first = left;
        }

        if (first["select_list"] is JArray items)
        {
            foreach (var item in items.OfType<JObject>())
            {
                shape.SelectItems.Add(new SelectItem(item["class"]?.ToString() ?? string.Empty, item["alias"]?.ToString() ?? string.Empty, item));
            }
        }

        shape.Walk(node, inAggregate: false);
        return shape;
    }

    private void CollectCtes(JToken token)
    {
        foreach (var map in token.SelectTokens("$..cte_map.map[*].key"))
        {
            cteNames.Add(map.ToString());
        }
    }

    private void Walk(JToken token, bool inAggregate)
    {
        if (token is JArray array)
        {
            foreach (var item in array)
            {
                Walk(item, inAggregate);
            }

            return;
        }

        if (token is not JObject node)
        {
            return;
        }

        var type = node["type"]?.ToString();
        var cls = node["class"]?.ToString();
        switch (type)
        {
            case "BASE_TABLE":
                var name = node["table_name"]?.ToString() ?? string.Empty;
                var schema = node["schema_name"]?.ToString() ?? string.Empty;
                if (schema.Length > 0 || !cteNames.Contains(name))
                {
                    Tables.Add(new TableRef(schema, name, node["alias"]?.ToString() ?? string.Empty, node["query_location"]?.Value<long>() ?? -1));
                }

                return;
            case "JOIN":
                // Join keys are the model's join columns, not columns the query reads (a lookup's key derives from the foreign key).
                Join(node);
                Walk(node["left"] ?? new JObject(), inAggregate);
                Walk(node["right"] ?? new JObject(), inAggregate);
                return;
            case "SELECT_NODE":
                if (node["group_expressions"] is JArray { Count: > 0 })
                {
                    Grouped = true;
                }

                if (node["where_clause"] is JObject where)
                {
                    CollectFilters(where);
                }

                break;
        }

        if (cls == "COLUMN_REF" && node["column_names"] is JArray names)
        {
            var parts = names.Select(n => n.ToString()).ToArray();
            Columns.Add(new ColumnRef(parts.Length > 1 ? parts[^2] : string.Empty, parts[^1], inAggregate));
            return;
        }

        if (cls == "FUNCTION" && node["function_name"]?.ToString() is { } function && AggregateNames.Contains(function) && node["schema"]?.ToString() is null or "")
        {
            var children = node["children"] as JArray ?? [];
            ColumnRef? column = null;
            if (children.Count == 1 && children[0] is JObject { } child && child["class"]?.ToString() == "COLUMN_REF" && child["column_names"] is JArray parts)
            {
                var p = parts.Select(n => n.ToString()).ToArray();
                column = new ColumnRef(p.Length > 1 ? p[^2] : string.Empty, p[^1], true);
            }

            var constant = children.Count == 1 && children[0]["class"]?.ToString() == "CONSTANT";
            Aggregates.Add(new AggregateRef(function.ToUpperInvariant(), node["distinct"]?.Value<bool>() ?? false, column, constant));
            inAggregate = true;
        }

        foreach (var property in node.Properties())
        {
            Walk(property.Value, inAggregate);
        }
    }

    private void Join(JObject node)
    {
        var pairs = new List<(ColumnRef, ColumnRef)>();
        var equi = node["condition"] is JObject condition && Equalities(condition, pairs);
        if (node["ref_type"]?.ToString() == "CROSS" || !equi)
        {
            OddJoins = true;
        }

        Joins.Add(new JoinRef(node["join_type"]?.ToString() ?? "INNER", pairs, equi));
    }

    private static bool Equalities(JObject condition, List<(ColumnRef, ColumnRef)> pairs)
    {
        if (condition["type"]?.ToString() == "CONJUNCTION_AND" && condition["children"] is JArray children)
        {
            return children.OfType<JObject>().All(c => Equalities(c, pairs));
        }

        if (condition["type"]?.ToString() == "COMPARE_EQUAL" && Column(condition["left"]) is { } left && Column(condition["right"]) is { } right)
        {
            pairs.Add((left, right));
            return true;
        }

        return false;
    }

    private void CollectFilters(JObject where)
    {
        var type = where["type"]?.ToString();
        if (type == "CONJUNCTION_AND" && where["children"] is JArray children)
        {
            foreach (var child in children.OfType<JObject>())
            {
                CollectFilters(child);
            }

            return;
        }

        if (type == "COMPARE_BETWEEN" && Column(where["input"]) is { } input && Literal(where["lower"]) is { } low && Literal(where["upper"]) is { } high)
        {
            Filters.Add(new FilterRef(input, "BETWEEN", [low, high]));
            return;
        }

        if (type is "COMPARE_EQUAL" or "COMPARE_GREATERTHAN" or "COMPARE_GREATERTHANOREQUALTO" or "COMPARE_LESSTHAN" or "COMPARE_LESSTHANOREQUALTO")
        {
            if (Column(where["left"]) is { } column && Literal(where["right"]) is { } value)
            {
                Filters.Add(new FilterRef(column, type, [value]));
            }
            else if (Column(where["right"]) is { } flipped && Literal(where["left"]) is { } first)
            {
                Filters.Add(new FilterRef(flipped, Flip(type), [first]));
            }
        }
    }

    private static string Flip(string type) => type switch
    {
        "COMPARE_GREATERTHAN" => "COMPARE_LESSTHAN",
        "COMPARE_GREATERTHANOREQUALTO" => "COMPARE_LESSTHANOREQUALTO",
        "COMPARE_LESSTHAN" => "COMPARE_GREATERTHAN",
        "COMPARE_LESSTHANOREQUALTO" => "COMPARE_GREATERTHANOREQUALTO",
        _ => type,
    };

    private static ColumnRef? Column(JToken? token)
    {
        if (token is JObject node && node["class"]?.ToString() == "CAST" && node["child"] is JObject inner)
        {
            return Column(inner);
        }

        if (token is JObject { } n && n["class"]?.ToString() == "COLUMN_REF" && n["column_names"] is JArray names)
        {
            var parts = names.Select(x => x.ToString()).ToArray();
            return new ColumnRef(parts.Length > 1 ? parts[^2] : string.Empty, parts[^1], false);
        }

        return null;
    }

    private static string? Literal(JToken? token)
    {
        if (token is JObject node && node["class"]?.ToString() == "CAST" && node["child"] is JObject inner)
        {
            return Literal(inner);
        }

        return token is JObject n && n["class"]?.ToString() == "CONSTANT" && n["value"]?["is_null"]?.Value<bool>() == false
            ? n["value"]?["value"]?.ToString()
            : null;
    }
}
