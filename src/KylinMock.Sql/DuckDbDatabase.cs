using DuckDB.NET.Data;
using KylinMock.Models;
using KylinMock.Sql.Answers;
using KylinMock.Sql.Dialect;
using KylinMock.Sql.Routing;
using KylinMock.Sql.Rows;
using Newtonsoft.Json.Linq;

namespace KylinMock.Sql;

/// <summary>
/// One server's DuckDB database: the estate's rows, generated per project on its first query, and Kylin's query
/// path (dialect, routing, push-down) over them. Thread-safe: each query runs on its own connection.
/// </summary>
internal sealed class DuckDbDatabase : ISqlDatabase
{
    private readonly Lock gate = new();
    private readonly int seed;
    private readonly long factRows;
    private readonly long lookupRows;
    private readonly RowVocabulary words;
    private readonly HashSet<string> loaded = new(StringComparer.OrdinalIgnoreCase);
    private DuckDBConnection root;

    public DuckDbDatabase(int seed, long factRows, long lookupRows)
    {
        this.seed = seed;
        this.factRows = factRows;
        this.lookupRows = lookupRows;
        words = RowVocabulary.Draw(seed);
        root = OpenRoot();
    }

    /// <inheritdoc />
    public SqlAnswer Query(SqlQuery query, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(query);
        var sql = query.Sql;
        List<SqlToken> tokens;
        try
        {
            tokens = SqlLexer.Read(sql);
        }
        catch (SqlLexicalException e)
        {
            return SqlAnswer.Failed(e.Message, SqlErrorType.SyntaxError);
        }

        var duckSql = KylinDialect.ToDuckDb(tokens, query.Estate.Now + query.Estate.TimeZoneOffsetMs);
        using var connection = Connection();
        var (node, parseError) = Parse(connection, duckSql);
        if (node is null)
        {
            return SqlAnswer.Failed(KylinMessages.Parse(sql, tokens, parseError ?? string.Empty), SqlErrorType.SyntaxError);
        }

        var shape = QueryShape.Read(node);
        try
        {
            if (shape.Tables.Count == 0)
            {
                return SqlRun.Execute(connection, duckSql, shape, [], SqlEngineType.CONSTANTS, [], query.PrepareOnly, cancellation);
            }

            var tables = new List<ResolvedTable>();
            foreach (var table in shape.Tables)
            {
                var database = table.Schema.Length > 0 ? table.Schema : query.Estate.DefaultDatabase;
                var found = query.Estate.Tables.FirstOrDefault(t => Same(t.Database, database) && Same(t.Name, table.Name));
                if (found is null)
                {
                    var within = table.Schema.Length > 0 ? " within '" + table.Schema + "'" : string.Empty;
                    return SqlAnswer.Failed(KylinMessages.Executing(sql, KylinMessages.Span(sql, tokens, table.Name) + ": Object '" + table.Name + "' not found" + within), SqlErrorType.SyntaxError);
                }

                tables.Add(new ResolvedTable(table, found));
            }

            try
            {
                Load(query.Estate);
            }
            catch (ArgumentException e)
            {
                // A fixture's row that does not fit its table: the query fails naming it, and the next one tries again.
                return SqlAnswer.Failed(e.Message, SqlErrorType.Other);
            }

            return Route(query, sql, tokens, duckSql, shape, tables, connection, cancellation);
        }
        catch (Exception e) when (cancellation.IsCancellationRequested && e is OperationCanceledException or DuckDBException)
        {
            return new SqlAnswer { ExceptionMessage = "Stopped by user.", ErrorType = SqlErrorType.Other, StoppedByUser = true };
        }
        catch (DuckDBException e)
        {
            return SqlAnswer.Failed(KylinMessages.Validation(sql, tokens, e.Message), SqlErrorType.SyntaxError);
        }
    }

    // §4.5-4.6: a model when one can answer; else push-down when allowed; else the no-realization error.
    private SqlAnswer Route(SqlQuery query, string sql, List<SqlToken> tokens, string duckSql, QueryShape shape, List<ResolvedTable> tables, DuckDBConnection connection, CancellationToken cancellation)
    {
        var estate = query.Estate;
        if (query.ForcedToPushDown)
        {
            return estate.PushDownEnabled
                ? PushDown(connection, duckSql, shape, tables, estate, query.PrepareOnly, cancellation)
                : SqlAnswer.Failed("You should turn on pushdown button if you want to pushdown.", SqlErrorType.Other);
        }

        var (route, reasons) = Router.Choose(shape, tables, estate, estate.TimeZoneOffsetMs);
        if (route is not null)
        {
            // Binding and type errors surface here as DuckDB errors; they are validation errors, never pushed down.
            var bound = SqlRun.Bind(duckSql, tables, estate.Project, route);
            return SqlRun.Execute(connection, bound, shape, tables, SqlEngineType.NATIVE, [new SqlRealization(route.Model.Uuid, route.Model.Alias, route.LayoutId, route.IndexType)], query.PrepareOnly, cancellation);
        }

        if (estate.PushDownEnabled && !query.ForcedToIndex)
        {
            return PushDown(connection, duckSql, shape, tables, estate, query.PrepareOnly, cancellation);
        }

        var first = tables[0].Table;
        var fields = string.Join(", ", Enumerable.Range(0, first.Columns.Count));
        var digest = $"rel#{10 + tables.Count}:OLAPTableScan.OLAP.[](table=[{first.Database}, {first.Name}],ctx=,fields=[{fields}])";
        return SqlAnswer.Failed(KylinMessages.Executing(sql, "No realization found for OLAPContext, " + (reasons.Length > 0 ? reasons + ", " : string.Empty) + digest), SqlErrorType.NoRealizationFound);
    }

    private static SqlAnswer PushDown(DuckDBConnection connection, string duckSql, QueryShape shape, List<ResolvedTable> tables, SqlEstate estate, bool prepareOnly, CancellationToken cancellation) =>
        SqlRun.Execute(connection, SqlRun.Bind(duckSql, tables, estate.Project, null), shape, tables, SqlEngineType.HIVE, [], prepareOnly, cancellation);

    /// <inheritdoc />
    public void Reset()
    {
        lock (gate)
        {
            root.Dispose();
            root = OpenRoot();
            loaded.Clear();
        }
    }

    /// <inheritdoc />
    public void ReplaceRows(SqlEstate estate, string table, IReadOnlyList<IReadOnlyList<string?>> rows)
    {
        ArgumentNullException.ThrowIfNull(estate);
        ArgumentNullException.ThrowIfNull(rows);
        var desc = Table(estate, table);
        Load(estate);
        lock (gate)
        {
            using var connection = Duplicate(root);
            using var transaction = connection.BeginTransaction();
            using (var delete = connection.CreateCommand())
            {
                delete.CommandText = "DELETE FROM " + SqlRun.Physical(estate.Project, desc);
                delete.ExecuteNonQuery();
            }

            Insert(connection, estate.Project, desc, rows);
            transaction.Commit();
        }
    }

    // Inserts stated rows, each cell cast from Kylin's text to the column's type; a row that does not fit names itself.
    private static void Insert(DuckDBConnection connection, string project, TableDesc desc, IReadOnlyList<IReadOnlyList<string?>> rows)
    {
        var types = desc.Columns.Select(c => KylinType.Of(c.Datatype).DuckDb).ToArray();
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO " + SqlRun.Physical(project, desc) + " VALUES (" + string.Join(", ", types.Select((t, i) => "CAST($" + (i + 1) + " AS " + t + ")")) + ")";
        for (var r = 0; r < rows.Count; r++)
        {
            if (rows[r].Count != types.Length)
            {
                throw new ArgumentException($"Row {r + 1} has {rows[r].Count} cells; {desc.Identity} has {types.Length} columns.", nameof(rows));
            }

            insert.Parameters.Clear();
            foreach (var cell in rows[r])
            {
                insert.Parameters.Add(new DuckDBParameter { Value = (object?)cell ?? DBNull.Value });
            }

            try
            {
                insert.ExecuteNonQuery();
            }
            catch (DuckDBException e)
            {
                throw new ArgumentException($"Row {r + 1}: {e.Message.Split('\n')[0]}", nameof(rows), e);
            }
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<IReadOnlyList<string?>> Rows(SqlEstate estate, string table)
    {
        ArgumentNullException.ThrowIfNull(estate);
        var desc = Table(estate, table);
        Load(estate);
        using var connection = Connection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM " + SqlRun.Physical(estate.Project, desc);
        using var reader = command.ExecuteReader();
        var types = desc.Columns.Select(c => KylinType.Of(c.Datatype)).ToArray();
        var rows = new List<IReadOnlyList<string?>>();
        while (reader.Read())
        {
            var row = new string?[types.Length];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : KylinValues.Format(reader.GetValue(i), types[i]);
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (gate)
        {
            root.Dispose();
        }
    }

    /// <summary>Generates and loads the rows of every estate table not loaded yet (the first query of a project).</summary>
    internal void Load(SqlEstate estate)
    {
        lock (gate)
        {
            var missing = estate.Tables.Where(t => !loaded.Contains(estate.Project + ":" + t.Identity)).ToList();
            if (missing.Count == 0)
            {
                return;
            }

            var counts = RowPlan.Counts(estate, factRows, lookupRows);
            using var connection = Duplicate(root);
            foreach (var table in missing)
            {
                var physical = SqlRun.Physical(estate.Project, table);
                var columns = table.Columns.Count == 0 ? "\"ID\" BIGINT" : string.Join(", ", table.Columns.Select(c => SqlRun.Quote(c.Name) + " " + KylinType.Of(c.Datatype).DuckDb));
                Run(connection, "CREATE SCHEMA IF NOT EXISTS " + SqlRun.Quote(estate.Project + ":" + table.Database));
                Run(connection, "CREATE OR REPLACE TABLE " + physical + " (" + columns + ")");
                if (StatedRows(estate, table) is { } stated)
                {
                    Insert(connection, estate.Project, table, stated);
                }
                else if (table.Columns.Count > 0)
                {
                    Run(connection, RowPlan.Insert(physical, table, estate, counts, words, seed));
                }

                loaded.Add(estate.Project + ":" + table.Identity);
            }
        }
    }

    // The rows the estate states for a table (a fixture's), or null when the engine generates them.
    private static IReadOnlyList<IReadOnlyList<string?>>? StatedRows(SqlEstate estate, TableDesc table) =>
        estate.Rows.FirstOrDefault(r => string.Equals(r.Key, table.Identity, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>Runs <paramref name="sql"/> as it is on this database and reads every cell (the harness's direct baseline); returns the row count.</summary>
    internal long Direct(string sql)
    {
        using var connection = Connection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        long rows = 0;
        while (reader.Read())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                _ = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows++;
        }

        return rows;
    }

    private static (JObject? Node, string? Error) Parse(DuckDBConnection connection, string duckSql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT json_serialize_sql('" + duckSql.Replace("'", "''", StringComparison.Ordinal) + "')";
        var json = JObject.Parse((string)command.ExecuteScalar()!);
        if (json["error"]?.Value<bool>() == true)
        {
            return (null, json["error_message"]?.ToString());
        }

        return json["statements"] is JArray { Count: 1 } statements && statements[0]["node"] is JObject node ? (node, null) : (null, "syntax error at or near \";\"");
    }

    private DuckDBConnection Connection()
    {
        lock (gate)
        {
            return Duplicate(root);
        }
    }

    private static DuckDBConnection Duplicate(DuckDBConnection connection)
    {
        var copy = connection.Duplicate();
        if (copy.State != System.Data.ConnectionState.Open)
        {
            copy.Open();
        }

        return copy;
    }

    private static DuckDBConnection OpenRoot()
    {
        var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();

        // Calcite's NULL collation is LOW (first ascending, last descending) and its integer division truncates.
        Run(connection, "SET GLOBAL default_null_order = 'nulls_first_on_asc_last_on_desc'");
        Run(connection, "SET GLOBAL integer_division = true");
        return connection;
    }

    private static void Run(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static TableDesc Table(SqlEstate estate, string table) =>
        estate.Tables.FirstOrDefault(t => Same(t.Identity, table)) ?? throw new ArgumentException($"Project \"{estate.Project}\" has no table \"{table}\".", nameof(table));

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
