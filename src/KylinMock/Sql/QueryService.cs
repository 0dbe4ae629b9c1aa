using System.Globalization;
using KylinMock.Errors;

namespace KylinMock.Sql;

/// <summary>
/// Kylin's query path in front of the engine (NQC <c>query</c> → QS <c>queryWithCache</c> → <c>doQueryWithCache</c>), in its
/// order: the forced flags, the project, the query id, the SQL not blank (these are error envelopes); then, with every
/// failure an answer with <c>isException</c>: comments dropped, LIMIT/OFFSET appended, SELECT only, the engine over the
/// estate taken under the lock, and the query recorded in history.
/// </summary>
internal static class QueryService
{
    /// <summary>The text a query gets when the server has no SQL engine.</summary>
    public const string NoEngine = "No query engine is running: KylinMock answers SQL with the KylinMock.Sql package (add it and set KylinMockOptions.SqlEngine = new DuckDbSqlEngine()); the standalone kylin-mock includes it.";

    /// <summary>Runs one query for <paramref name="user"/>; <paramref name="prepare"/> is prestate (validated, not run, not recorded).</summary>
    public static QueryRecord Query(ServerContext server, SqlRequest request, string user, bool prepare)
    {
        if (request.ForcedToPushDown && request.ForcedToIndex)
        {
            throw KylinException.WithRaw(ErrorCode.ForcedToParams, "Cannot force the query to pushdown and index at the same time. Only one of the parameter “forcedToPushDown“ and “forced_to_index” could be used. Please check and try again.");
        }

        var estate = server.Backend.QueryEstate(request.Project ?? string.Empty);
        var queryId = request.QueryId is { } given ? ParseQueryId(given) : server.Backend.Queries.NewQueryId();
        if (string.IsNullOrWhiteSpace(request.Sql))
        {
            throw KylinException.WithRaw(ErrorCode.EmptySqlExpression, "SQL can’t be empty. Please check and try again.");
        }

        return Execute(server, request, estate, queryId, user, prepare);
    }

    /// <summary>
    /// Kylin's query path after the request's checks, shared by every face: comments dropped, LIMIT/OFFSET appended, SELECT
    /// only, the engine over <paramref name="estate"/>, and the query recorded in history unless <paramref name="prepare"/>.
    /// </summary>
    public static QueryRecord Execute(ServerContext server, SqlRequest request, SqlEstate estate, string queryId, string user, bool prepare)
    {
        var sql = request.Sql ?? string.Empty;
        var started = server.Clock.GetTimestamp();
        var queryTime = server.NowMs;
        var statement = RawSql.Statement(sql);
        var runs = RawSql.AppendLimitOffset(statement, request.Limit, request.Offset);
        var text = sql + runs[statement.Length..];
        SqlAnswer answer;
        if (!RawSql.IsSelect(statement))
        {
            answer = SqlAnswer.Failed("This SQL is not supported at the moment. Please try a different SQL.", SqlErrorType.NotSupported);
        }
        else if (server.Backend.Sql is not { } database)
        {
            answer = SqlAnswer.Failed(NoEngine, SqlErrorType.Other);
        }
        else
        {
            answer = Run(server, database, request, estate, runs, prepare);
        }

        var record = new QueryRecord
        {
            Id = 0,
            QueryId = queryId,
            SqlText = text,
            SqlPattern = runs,
            QueryTime = queryTime,
            Duration = (long)server.Clock.GetElapsedTime(started).TotalMilliseconds,
            Server = "localhost:" + server.Port.ToString(CultureInfo.InvariantCulture),
            Submitter = user,
            Project = estate.Project,
            Answer = answer,
        };
        return prepare ? record : server.Backend.Queries.Record(record);
    }

    // The latency knob first (a query can be stopped while it waits), then the engine, outside every lock.
    private static SqlAnswer Run(ServerContext server, ISqlDatabase database, SqlRequest request, SqlEstate estate, string sql, bool prepare)
    {
        var stop = server.Backend.Queries.Start(request.StopId);
        try
        {
            var latency = server.Backend.Queries.Latency;
            if (latency > TimeSpan.Zero && stop.Token.WaitHandle.WaitOne(latency))
            {
                return new SqlAnswer { ExceptionMessage = "Stopped by user.", ErrorType = SqlErrorType.Other, StoppedByUser = true };
            }

            return database.Query(new SqlQuery(sql, estate) { ForcedToIndex = request.ForcedToIndex, ForcedToPushDown = request.ForcedToPushDown, PrepareOnly = prepare }, stop.Token);
        }
        finally
        {
            server.Backend.Queries.Finish(stop);
        }
    }

    // UUID.fromString(v).toString(): the id comes back lower-cased; anything else is a 400 KE-010000003.
    private static string ParseQueryId(string text) => Guid.TryParseExact(text, "D", out var id)
        ? id.ToString("D")
        : throw KylinException.WithRaw(ErrorCode.InvalidParameter, "Invalid UUID string: " + text).WithStatus(400);
}
