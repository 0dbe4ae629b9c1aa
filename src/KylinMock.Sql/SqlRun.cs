using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using KylinMock.Models;
using KylinMock.Sql.Answers;
using KylinMock.Sql.Dialect;
using KylinMock.Sql.Routing;

namespace KylinMock.Sql;

/// <summary>
/// Runs a routed query on DuckDB: the scanned tables become the project's physical tables, the answering
/// model's fact table only the rows inside its queryable segments (§4.4), and the result is typed and
/// encoded as Kylin does (§3.4, §3.5).
/// </summary>
internal static class SqlRun
{
    /// <summary>The physical name of a project's table.</summary>
    public static string Physical(string project, TableDesc table) => Quote(project + ":" + table.Database) + "." + Quote(table.Name);

    /// <summary>An identifier in double quotes.</summary>
    public static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>DuckDB's text with every scanned table replaced by its physical table (or the restricted rows of the routed fact table).</summary>
    public static string Bind(string duckSql, IReadOnlyList<ResolvedTable> tables, string project, ModelRoute? route)
    {
        var tokens = SqlLexer.Read(duckSql);
        var byteOffsets = new int[duckSql.Length + 1];
        for (int i = 0, bytes = 0; i <= duckSql.Length; i++)
        {
            byteOffsets[i] = bytes;
            if (i < duckSql.Length)
            {
                bytes += char.IsHighSurrogate(duckSql[i]) ? 4 : char.IsLowSurrogate(duckSql[i]) ? 0 : Encoding.UTF8.GetByteCount(duckSql[i].ToString());
            }
        }

        var edits = new List<(int From, int To, string Text)>();
        foreach (var table in tables)
        {
            var start = Array.IndexOf(byteOffsets, (int)table.Ref.Location);
            var first = tokens.FindIndex(t => t.Offset == start);
            if (first < 0)
            {
                continue;
            }

            var last = first;
            while (last + 2 < tokens.Count && tokens[last + 1].IsSymbol(".") && tokens[last + 2].Kind is TokenKind.Word or TokenKind.Quoted)
            {
                last += 2;
            }

            var physical = Physical(project, table.Table);
            var restricted = route is not null && string.Equals(route.Model.FactTable, table.Table.Identity, StringComparison.OrdinalIgnoreCase)
                ? "(SELECT * FROM " + physical + " WHERE " + Visible(route, table.Table) + ")"
                : physical;
            var text = restricted + (table.Ref.Alias.Length > 0 ? string.Empty : " AS " + Quote(table.Ref.Name));
            edits.Add((tokens[first].Offset, tokens[last].Offset + tokens[last].Text.Length, text));
        }

        var result = new StringBuilder(duckSql);
        foreach (var (from, to, text) in edits.OrderByDescending(e => e.From))
        {
            result.Remove(from, to - from).Insert(from, text);
        }

        return result.ToString();
    }

    // The fact rows a model answers from: inside a READY or WARNING segment's [start, end) of the partition column (all rows for a full build).
    private static string Visible(ModelRoute route, TableDesc fact)
    {
        if (route.Empty)
        {
            return "FALSE";
        }

        if (route.Model.PartitionDesc is not { } partition)
        {
            return "TRUE";
        }

        var name = partition.PartitionDateColumn[(partition.PartitionDateColumn.LastIndexOf('.') + 1)..];
        var column = fact.Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
        if (column is null)
        {
            return "TRUE";
        }

        var type = KylinType.Of(column.Datatype);
        var ranges = route.Queryable.Select(s =>
        {
            var low = Quote(column.Name) + " >= " + Literal(s.Start, type, partition.PartitionDateFormat);
            return s.End == Segment.InfiniteEnd ? "(" + low + ")" : "(" + low + " AND " + Quote(column.Name) + " < " + Literal(s.End, type, partition.PartitionDateFormat) + ")";
        });
        return "(" + string.Join(" OR ", ranges) + ")";
    }

    private static string Literal(long ms, KylinType type, string format)
    {
        var time = DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime;
        return type.Name switch
        {
            "DATE" => "DATE '" + time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "'",
            "TIMESTAMP" => "TIMESTAMP '" + time.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture) + "'",
            _ when type.IsInteger => time.ToString(format, CultureInfo.InvariantCulture),
            _ => "'" + time.ToString(format, CultureInfo.InvariantCulture) + "'",
        };
    }

    /// <summary>Runs <paramref name="sql"/> and reads the answer; cancellation interrupts DuckDB.</summary>
    public static SqlAnswer Execute(DuckDBConnection connection, string sql, QueryShape shape, IReadOnlyList<ResolvedTable> tables, SqlEngineType engine, IReadOnlyList<SqlRealization> realizations, bool prepareOnly, CancellationToken cancellation)
    {
        using var command = connection.CreateCommand();
        command.CommandText = prepareOnly ? "SELECT * FROM (" + sql + ") LIMIT 0" : sql;
        using var registration = cancellation.Register(command.Cancel);
        using var reader = command.ExecuteReader();
        var columns = ResultTypes.Of(reader, shape, tables);
        var rows = new List<IReadOnlyList<string?>>();
        while (reader.Read())
        {
            var row = new string?[columns.Count];
            for (var i = 0; i < row.Length; i++)
            {
                var value = reader.IsDBNull(i) ? null : reader.GetValue(i);
                row[i] = value is null && engine == SqlEngineType.CONSTANTS ? "null" : KylinValues.Format(value, columns[i].Type);
            }

            rows.Add(row);
        }

        cancellation.ThrowIfCancellationRequested();
        var pushDown = engine == SqlEngineType.HIVE;
        return new SqlAnswer
        {
            Columns = columns.ConvertAll(c => Column(c.Label, c.Type, c.Nullable, pushDown)),
            Rows = rows,
            EngineType = prepareOnly ? SqlEngineType.CONSTANTS : engine,
            Realizations = prepareOnly ? [] : realizations,
            ScanRows = engine == SqlEngineType.CONSTANTS || prepareOnly ? [] : [rows.Count],
        };
    }

    // Native and constant answers show Calcite's type (displaySize = precision); push-down answers Spark's (§3.4).
    private static SqlColumn Column(string label, KylinType type, bool nullable, bool pushDown) => pushDown
        ? new SqlColumn(label, type.Name == "DECIMAL" ? $"DECIMAL({type.Precision},{type.Scale})" : type.Name == "CHAR" ? "VARCHAR" : type.Name, type.Name == "CHAR" ? 12 : type.Jdbc, type.Name == "DECIMAL" ? type.Precision : 0, type.Name == "DECIMAL" ? type.Scale : 0, nullable, int.MaxValue)
        : new SqlColumn(label, type.Name, type.Jdbc, type.Precision, type.Scale, nullable, type.Precision);
}
