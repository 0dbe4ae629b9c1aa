using System.Globalization;
using System.Text;
using KylinMock.Models;
using KylinMock.Sql.Answers;

namespace KylinMock.Sql.Rows;

/// <summary>
/// How a table's rows are made, as one <c>INSERT ... SELECT ... FROM range(n)</c>: every cell a function of the
/// row number and the seed (DuckDB's <c>hash</c>), so generation is reproducible and a million rows load in
/// well under a second. Keys are the row number, foreign keys fall inside the joined table's keys, dates and
/// timestamps spread across and beyond the segment ranges of the models partitioned on the table.
/// </summary>
internal static class RowPlan
{
    private const long Day = 86_400_000;

    /// <summary>How many rows each table of the estate gets: fact tables of a model <paramref name="factRows"/>, the others <paramref name="lookupRows"/>.</summary>
    public static Dictionary<string, long> Counts(SqlEstate estate, long factRows, long lookupRows)
    {
        var facts = new HashSet<string>(estate.Models.Select(m => m.FactTable), StringComparer.OrdinalIgnoreCase);
        return estate.Tables.ToDictionary(t => t.Identity, t => facts.Contains(t.Identity) ? factRows : lookupRows, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The INSERT that fills <paramref name="physical"/> with <paramref name="table"/>'s generated rows.</summary>
    public static string Insert(string physical, TableDesc table, SqlEstate estate, IReadOnlyDictionary<string, long> counts, RowVocabulary words, int seed)
    {
        var rows = counts.GetValueOrDefault(table.Identity);
        var (keys, foreign) = Keys(table, estate, counts);
        var (from, days) = Spread(table, estate);
        var partitions = estate.Models.Where(m => string.Equals(m.FactTable, table.Identity, StringComparison.OrdinalIgnoreCase) && m.PartitionDesc is not null)
            .GroupBy(m => Column(m.PartitionDesc!.PartitionDateColumn), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().PartitionDesc!.PartitionDateFormat, StringComparer.OrdinalIgnoreCase);
        var select = new StringBuilder("INSERT INTO ").Append(physical).Append(" SELECT ");
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var column = table.Columns[c];
            var type = KylinType.Of(column.Datatype);
            var hash = $"CAST(hash(i, {c + 1}, {seed}) % 2147483647 AS BIGINT)";
            string expression;
            if (keys.Contains(column.Name) || (column.Name == "ID" && type.IsInteger))
            {
                expression = "i";
            }
            else if (foreign.TryGetValue(column.Name, out var range) || (type.IsInteger && column.Name.StartsWith("FK", StringComparison.Ordinal) && (range = Math.Max(1, counts.Values.DefaultIfEmpty(1).Min())) > 0))
            {
                expression = $"1 + ({hash} % {range})";
            }
            else
            {
                expression = Cell(type, hash, column.Name, from, days, partitions.GetValueOrDefault(column.Name), words);
            }

            select.Append(c == 0 ? string.Empty : ", ").Append("CAST(").Append(expression).Append(" AS ").Append(type.DuckDb).Append(')');
        }

        return select.Append(" FROM range(1, ").Append(rows + 1).Append(") AS r(i)").ToString();
    }

    private static string Cell(KylinType type, string hash, string name, DateOnly from, int days, string? format, RowVocabulary words)
    {
        var date = $"(DATE '{from:yyyy-MM-dd}' + CAST({hash} % {days} AS INTEGER))";
        if (format is not null && type.Name is "VARCHAR" or "CHAR")
        {
            return $"strftime({date}, '{Strftime(format)}')";
        }

        if (format is not null && type.IsInteger)
        {
            return $"CAST(strftime({date}, '{Strftime(format)}') AS BIGINT)";
        }

        return type.Name switch
        {
            "DATE" => date,
            "TIMESTAMP" => $"(CAST({date} AS TIMESTAMP) + to_seconds(CAST({hash} % 86400 AS BIGINT)))",
            "BOOLEAN" => $"({hash} % 2 = 0)",
            "DECIMAL" => $"(({hash} % {Pow10(Math.Min(Math.Max(type.Precision - type.Scale, 1), 6)) * 100}) / 100.0)",
            "DOUBLE" or "FLOAT" or "REAL" => $"(({hash} % 100000) / 100.0)",
            "TINYINT" => $"({hash} % 100)",
            "SMALLINT" or "INTEGER" or "BIGINT" => $"(1 + {hash} % 100)",
            _ => Pick(Pool(name, words), hash, type.Precision),
        };
    }

    // The columns other tables' joins point at (their primary keys: the row number) and, per foreign key, how many rows the joined table has.
    private static (HashSet<string> Keys, Dictionary<string, long> Foreign) Keys(TableDesc table, SqlEstate estate, IReadOnlyDictionary<string, long> counts)
    {
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var foreign = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        foreach (var model in estate.Models)
        {
            var aliases = model.Lookups.ToDictionary(l => l.Alias, l => l.Table, StringComparer.OrdinalIgnoreCase);
            aliases.TryAdd(model.FactAlias, model.FactTable);
            foreach (var join in model.Lookups)
            {
                if (string.Equals(join.Table, table.Identity, StringComparison.OrdinalIgnoreCase))
                {
                    keys.UnionWith(join.PrimaryKey.Select(Column));
                }

                foreach (var fk in join.ForeignKey)
                {
                    var alias = fk[..Math.Max(0, fk.IndexOf('.'))];
                    if (aliases.TryGetValue(alias, out var owner) && string.Equals(owner, table.Identity, StringComparison.OrdinalIgnoreCase))
                    {
                        var target = Math.Max(1, counts.GetValueOrDefault(join.Table, 1));
                        foreign[Column(fk)] = foreign.TryGetValue(Column(fk), out var seen) ? Math.Min(seen, target) : target;
                    }
                }
            }
        }

        return (keys, foreign);
    }

    // Dates span the segments of the models partitioned on this table, a quarter of the span more on each side.
    private static (DateOnly From, int Days) Spread(TableDesc table, SqlEstate estate)
    {
        var ranges = estate.Models
            .Where(m => m.PartitionDesc is not null && string.Equals(m.FactTable, table.Identity, StringComparison.OrdinalIgnoreCase))
            .SelectMany(m => estate.Segments.GetValueOrDefault(m.Uuid) ?? [])
            .Where(s => s.End != Segment.InfiniteEnd && s.End > s.Start)
            .ToList();
        var start = ranges.Count > 0 ? ranges.Min(s => s.Start) : estate.Now - (730 * Day);
        var end = ranges.Count > 0 ? ranges.Max(s => s.End) : estate.Now;
        var margin = Math.Max(30 * Day, (end - start) / 4);
        var from = DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(start - margin).UtcDateTime);
        var days = (int)Math.Clamp((end - start + (2 * margin)) / Day, 1, 36_500);
        return (from, days);
    }

    private static string[] Pool(string name, RowVocabulary words) =>
        name.Contains("NAME", StringComparison.Ordinal) ? words.Names : name.Contains("CATEGORY", StringComparison.Ordinal) ? words.Categories : words.Words;

    private static string Pick(string[] pool, string hash, int length) => $"left({List(pool)}[1 + ({hash} % {pool.Length})], {Math.Max(1, length)})";

    private static string Column(string aliasColumn) => aliasColumn[(aliasColumn.LastIndexOf('.') + 1)..];

    private static long Pow10(int n)
    {
        long value = 1;
        for (var i = 0; i < n; i++)
        {
            value *= 10;
        }

        return value;
    }

    private static string List(string[] items) =>
        "[" + string.Join(", ", items.Select(i => "'" + i.Replace("'", "''", StringComparison.Ordinal) + "'")) + "]";

    /// <summary>DuckDB's strftime pattern of a Kylin partition format (<c>yyyy-MM-dd</c>, <c>yyyyMMdd</c>, <c>yyyy-MM-dd HH:mm:ss</c>).</summary>
    public static string Strftime(string format) => new StringBuilder(format)
        .Replace("yyyy", "%Y").Replace("MM", "%m").Replace("dd", "%d").Replace("HH", "%H").Replace("mm", "%M").Replace("ss", "%S")
        .ToString();

    /// <summary>A date as SQL text.</summary>
    public static string DateText(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
