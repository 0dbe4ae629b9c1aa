using KylinMock.Answers;
using KylinMock.Errors;
using KylinMock.Sql;

namespace KylinMock.Http;

/// <summary>
/// <c>GET /kylin/api/query/history_queries</c> (kystudio) and <c>GET /kylin/api/query/query_histories</c> (public API)
/// (NQueryController.getQueryHistories; QHS): the project's executed queries, newest first, filtered and paged
/// (<c>offset</c>/<c>page_offset</c> is a page index).
/// </summary>
internal sealed class QueryHistoryProvider(ServerContext server, bool publicApi) : IKylinOperation
{
    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        var project = server.Backend.QueryProject(SpringBinding.String(request, "project") ?? string.Empty);
        var from = Pair(request, "start_time_from", "start_time_to", "'start time from' and 'start time to' must be used together.");
        var latency = publicApi ? null : Pair(request, "latency_from", "latency_to", "'latency from ' and 'latency to' must be used together.");
        var offset = SpringBinding.Int(request, publicApi ? "page_offset" : "offset", 0);
        var limit = SpringBinding.Int(request, publicApi ? "page_size" : "limit", 10);
        var statuses = SpringBinding.Items(request, "query_status") ?? [];
        var submitters = SpringBinding.Items(request, "submitter") ?? [];
        var sql = SpringBinding.String(request, "sql")?.Trim();
        IEnumerable<QueryRecord> found = server.Backend.Queries.History(project);
        if (from is { } time)
        {
            found = found.Where(q => q.QueryTime >= time.From && q.QueryTime < time.To);
        }

        if (latency is { } l)
        {
            found = found.Where(q => q.Duration >= l.From * 1000 && q.Duration < l.To * 1000);
        }

        if (statuses.Length == 1)
        {
            found = found.Where(q => string.Equals(q.Status, statuses[0], StringComparison.OrdinalIgnoreCase));
        }

        if (submitters.Length > 0)
        {
            found = found.Where(q => submitters.Contains(q.Submitter));
        }

        if (!string.IsNullOrEmpty(sql))
        {
            // QHS: whitespace or '|' in the filter finds nothing; otherwise a substring of the text or the query id.
            found = sql.Any(c => char.IsWhiteSpace(c) || c == '|') ? [] : found.Where(q => q.SqlText.Contains(sql, StringComparison.OrdinalIgnoreCase) || q.QueryId.Contains(sql, StringComparison.Ordinal));
        }

        var all = found.ToList();
        var page = all.Skip(Math.Max(0, offset) * Math.Max(0, limit)).Take(Math.Max(0, limit));
        return new KylinAnswer(200, context.ContentType, EnvelopeJson.Success(w => QueryHistoryJson.Page(w, all.Count, page, publicApi)));
    }

    private static (long From, long To)? Pair(KylinRequest request, string fromName, string toName, string message)
    {
        var from = SpringBinding.String(request, fromName);
        var to = SpringBinding.String(request, toName);
        if (string.IsNullOrEmpty(from) && string.IsNullOrEmpty(to))
        {
            return null;
        }

        if (string.IsNullOrEmpty(from) || string.IsNullOrEmpty(to))
        {
            throw KylinException.WithRaw(ErrorCode.InvalidParameter, message).WithStatus(400);
        }

        return (ModelBinding.ParseLong(from), ModelBinding.ParseLong(to));
    }
}
