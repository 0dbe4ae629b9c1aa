using System.Globalization;
using KylinMock.Models;

namespace KylinMock.Sql.Routing;

/// <summary>
/// Which model answers a query, as Kylin's RealizationChooser and QueryRouter decide (contract §4.2-4.5):
/// candidates are the project's ONLINE models holding the query's tables whose joins match (same type and
/// keys; model joins the query leaves out must be LEFT); models without a READY or WARNING segment drop out;
/// an aggregate query needs its group and filter columns among the dimensions and its aggregates among the
/// measures (COUNT(*) always; MIN, MAX, COUNT(DISTINCT) over dimensions), a raw query every column in the
/// base table index; a partition filter that misses every segment makes the EMPTY answer; the first by
/// cost (EMPTY last) then model uuid wins.
/// </summary>
internal static class Router
{
    /// <summary>The chosen route, or null with the reasons Kylin's "No realization found" names.</summary>
    public static (ModelRoute? Route, string Reasons) Choose(QueryShape shape, IReadOnlyList<ResolvedTable> tables, SqlEstate estate, long timeZoneOffsetMs)
    {
        var first = tables[0].Table;
        var candidates = new List<ModelRoute>();
        var reasons = new List<string>();
        foreach (var model in estate.Models.OrderBy(m => m.Uuid, StringComparer.Ordinal))
        {
            if (model.StoredStatus != ModelStatus.ONLINE || model.Broken || !Holds(model, first))
            {
                continue;
            }

            if (Aliases(model, shape, tables) is not { } aliases)
            {
                reasons.Add(shape.Joins.Count != tables.Count - 1 ? "MODEL_BAD_JOIN_SEQUENCE" : "MODEL_UNMATCHED_JOIN");
                continue;
            }

            var queryable = (estate.Segments.GetValueOrDefault(model.Uuid) ?? []).Where(s => s.Status is SegmentStatus.READY or SegmentStatus.WARNING).ToList();
            if (queryable.Count == 0)
            {
                continue;
            }

            if (model.PartitionDesc is { } partition && Pruned(shape, tables, aliases, partition, queryable, timeZoneOffsetMs))
            {
                candidates.Add(new ModelRoute(model, -1, null, queryable));
                continue;
            }

            var columns = Columns(shape, tables, aliases);
            if (columns is null)
            {
                continue;
            }

            if (shape.Aggregated ? AggregateMatches(model, shape, tables, aliases, columns) : RawMatches(model, columns))
            {
                candidates.Add(new ModelRoute(model, shape.Aggregated ? ModelRoute.AggLayout : ModelRoute.TableLayout, shape.Aggregated ? "Agg Index" : "Table Index", queryable));
            }
        }

        var chosen = candidates.OrderBy(c => c.Empty ? 1 : 0).FirstOrDefault();
        return (chosen, string.Join(", ", reasons.Distinct()));
    }

    private static bool Holds(DataModel model, TableDesc table) =>
        Same(model.FactTable, table.Identity) || model.Lookups.Any(l => Same(l.Table, table.Identity));

    // Maps each query table (by index) to its alias in the model when the query's joins are a sub-graph of the model's rooted at its fact table.
    private static string[]? Aliases(DataModel model, QueryShape shape, IReadOnlyList<ResolvedTable> tables)
    {
        if (shape.OddJoins || shape.Joins.Count != tables.Count - 1)
        {
            return null;
        }

        var aliases = new string?[tables.Count];
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < tables.Count; i++)
        {
            if (Same(tables[i].Table.Identity, model.FactTable) && used.Add(model.FactAlias))
            {
                aliases[i] = model.FactAlias;
            }
        }

        if (!aliases.Any(a => a is not null))
        {
            return null;
        }

        var covered = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var join in shape.Joins)
        {
            var matched = false;
            foreach (var lookup in model.Lookups)
            {
                if (covered.Contains(lookup.Alias) || !string.Equals(lookup.JoinType, join.Type, StringComparison.OrdinalIgnoreCase) || join.Pairs.Count != lookup.PrimaryKey.Count)
                {
                    continue;
                }

                var lookupIndex = -1;
                var all = true;
                foreach (var (left, right) in join.Pairs)
                {
                    var a = Resolve(left, tables);
                    var b = Resolve(right, tables);
                    if (a is null || b is null)
                    {
                        all = false;
                        break;
                    }

                    int? pk = null;
                    for (var k = 0; k < lookup.PrimaryKey.Count; k++)
                    {
                        if (KeyMatches(lookup, k, a.Value, b.Value, tables, aliases, model))
                        {
                            pk = a.Value.Table;
                        }
                        else if (KeyMatches(lookup, k, b.Value, a.Value, tables, aliases, model))
                        {
                            pk = b.Value.Table;
                        }
                    }

                    if (pk is null || (lookupIndex >= 0 && lookupIndex != pk))
                    {
                        all = false;
                        break;
                    }

                    lookupIndex = pk.Value;
                }

                if (all && lookupIndex >= 0 && (aliases[lookupIndex] is null || aliases[lookupIndex] == lookup.Alias))
                {
                    aliases[lookupIndex] = lookup.Alias;
                    covered.Add(lookup.Alias);
                    matched = true;
                    break;
                }
            }

            if (!matched)
            {
                return null;
            }
        }

        // Model joins the query leaves out must all be LEFT joins (kylin.query.match-partial-inner-join-model is false).
        if (aliases.Any(a => a is null) || model.Lookups.Any(l => !covered.Contains(l.Alias) && !string.Equals(l.JoinType, "LEFT", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        return aliases!;
    }

    // Whether (pkSide, fkSide) are the lookup's k-th primary key and foreign key columns.
    private static bool KeyMatches(JoinTableDesc lookup, int k, (int Table, string Column) pkSide, (int Table, string Column) fkSide, IReadOnlyList<ResolvedTable> tables, string?[] aliases, DataModel model)
    {
        var pk = lookup.PrimaryKey[k];
        var fk = lookup.ForeignKey[k];
        var fkAlias = fk[..Math.Max(0, fk.IndexOf('.'))];
        var fkTable = fkAlias == model.FactAlias ? model.FactTable : model.Lookups.FirstOrDefault(l => Same(l.Alias, fkAlias))?.Table;
        return Same(tables[pkSide.Table].Table.Identity, lookup.Table) && Same(pk[(pk.IndexOf('.') + 1)..], pkSide.Column)
            && fkTable is not null && Same(tables[fkSide.Table].Table.Identity, fkTable) && Same(fk[(fk.IndexOf('.') + 1)..], fkSide.Column)
            && (aliases[fkSide.Table] is null || Same(aliases[fkSide.Table]!, fkAlias));
    }

    /// <summary>The query table (index) and column a reference names, or null when none or several hold it.</summary>
    public static (int Table, string Column)? Resolve(ColumnRef column, IReadOnlyList<ResolvedTable> tables)
    {
        if (column.Qualifier.Length > 0)
        {
            for (var i = 0; i < tables.Count; i++)
            {
                if (Same(tables[i].Ref.RefName, column.Qualifier) && tables[i].Table.Columns.Any(c => Same(c.Name, column.Name)))
                {
                    return (i, column.Name.ToUpperInvariant());
                }
            }

            return null;
        }

        var holders = Enumerable.Range(0, tables.Count).Where(i => tables[i].Table.Columns.Any(c => Same(c.Name, column.Name))).ToList();
        return holders.Count == 1 ? (holders[0], column.Name.ToUpperInvariant()) : null;
    }

    // Every column the query names, as the model's ALIAS.COLUMN with whether it sits inside an aggregate; null when one is not a model column.
    private static List<(string Column, bool InAggregate)>? Columns(QueryShape shape, IReadOnlyList<ResolvedTable> tables, string[] aliases)
    {
        var result = new List<(string, bool)>();
        foreach (var column in shape.Columns)
        {
            if (Resolve(column, tables) is { } found)
            {
                result.Add((aliases[found.Table] + "." + found.Column, column.InAggregate));
            }
        }

        return result;
    }

    private static bool RawMatches(DataModel model, List<(string Column, bool InAggregate)> columns)
    {
        // The base table index: every dimension and every measure's source column.
        var index = new HashSet<string>(model.Columns.Where(c => c.IsDimension).Select(c => c.Column), StringComparer.OrdinalIgnoreCase);
        index.UnionWith(model.Measures.SelectMany(m => m.Parameters).Where(p => p.Type == "column").Select(p => p.Value));
        return columns.All(c => index.Contains(c.Column));
    }

    private static bool AggregateMatches(DataModel model, QueryShape shape, IReadOnlyList<ResolvedTable> tables, string[] aliases, List<(string Column, bool InAggregate)> columns)
    {
        var dimensions = new HashSet<string>(model.Columns.Where(c => c.IsDimension).Select(c => c.Column), StringComparer.OrdinalIgnoreCase);
        if (!columns.Where(c => !c.InAggregate).All(c => dimensions.Contains(c.Column)))
        {
            return false;
        }

        foreach (var aggregate in shape.Aggregates)
        {
            if (aggregate.Function == "COUNT_STAR" || (aggregate.Function == "COUNT" && aggregate.Constant && !aggregate.Distinct))
            {
                continue;
            }

            if (aggregate.Column is null || Resolve(aggregate.Column, tables) is not { } found)
            {
                return false;
            }

            var column = aliases[found.Table] + "." + found.Column;
            bool Measure(string expression) => model.Measures.Any(m => Same(m.Expression, expression) && m.Parameters.Count == 1 && m.Parameters[0].Type == "column" && Same(m.Parameters[0].Value, column));
            var ok = aggregate.Function switch
            {
                "COUNT" when aggregate.Distinct => Measure("COUNT_DISTINCT") || dimensions.Contains(column),
                "COUNT" => Measure("COUNT"),
                "SUM" or "AVG" => Measure("SUM"),
                "MIN" or "MAX" => Measure(aggregate.Function) || dimensions.Contains(column),
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    // Whether the query's literal filters on the partition column leave no queryable segment (SegmentPruningRule).
    private static bool Pruned(QueryShape shape, IReadOnlyList<ResolvedTable> tables, string[] aliases, PartitionDesc partition, List<Segment> queryable, long offsetMs)
    {
        var low = long.MinValue;
        var high = long.MaxValue;
        var any = false;
        foreach (var filter in shape.Filters)
        {
            if (Resolve(filter.Column, tables) is not { } found || !Same(aliases[found.Table] + "." + found.Column, partition.PartitionDateColumn))
            {
                continue;
            }

            var type = tables[found.Table].Table.Columns.First(c => Same(c.Name, found.Column)).Datatype;
            var grain = type.StartsWith("date", StringComparison.OrdinalIgnoreCase) || !partition.PartitionDateFormat.Contains('H', StringComparison.Ordinal) ? 86_400_000 : 1;
            var values = filter.Values.Select(v => Instant(v, partition.PartitionDateFormat, offsetMs)).ToList();
            if (values.Any(v => v is null))
            {
                continue;
            }

            any = true;
            var v0 = values[0]!.Value;
            switch (filter.Operator)
            {
                case "COMPARE_EQUAL": low = Math.Max(low, v0); high = Math.Min(high, v0 + grain); break;
                case "COMPARE_GREATERTHAN": low = Math.Max(low, v0 + grain); break;
                case "COMPARE_GREATERTHANOREQUALTO": low = Math.Max(low, v0); break;
                case "COMPARE_LESSTHAN": high = Math.Min(high, v0); break;
                case "COMPARE_LESSTHANOREQUALTO": high = Math.Min(high, v0 + grain); break;
                case "BETWEEN": low = Math.Max(low, v0); high = Math.Min(high, values[1]!.Value + grain); break;
            }
        }

        return any && !queryable.Any(s => s.Overlaps(low, high));
    }

    /// <summary>Epoch ms of a partition literal (<c>2012-01-01</c>, <c>2012-01-01 10:00:00</c>, or the partition format such as <c>20120101</c>).</summary>
    public static long? Instant(string text, string format, long offsetMs)
    {
        string[] formats = ["yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss", format];
        return DateTime.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time)
            ? new DateTimeOffset(time, TimeSpan.Zero).ToUnixTimeMilliseconds() - offsetMs
            : null;
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
