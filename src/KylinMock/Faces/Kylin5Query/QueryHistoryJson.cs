using KylinMock.Answers;
using Newtonsoft.Json;

namespace KylinMock.Sql;

/// <summary>
/// Query history items: kystudio's raw <c>QueryHistory</c> (§7.2, <c>/query/history_queries</c>) and the public
/// <c>QueryHistoryResponse</c> (§7.3, <c>/query/query_histories</c>), each in its key order.
/// </summary>
internal static class QueryHistoryJson
{
    /// <summary><c>{"size":n,"query_histories":[...]}</c>.</summary>
    public static void Page(JsonWriter w, int size, IEnumerable<QueryRecord> page, bool publicApi)
    {
        w.WriteStartObject();
        w.Property("size", size);
        w.WritePropertyName("query_histories");
        w.WriteStartArray();
        foreach (var record in page)
        {
            if (publicApi)
            {
                Public(w, record);
            }
            else
            {
                Raw(w, record);
            }
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Raw(JsonWriter w, QueryRecord r)
    {
        w.WriteStartObject();
        w.Null("queryRealizations");
        w.Property("count", 0);
        w.Property("insertTime", 0L);
        w.WritePropertyName("queryHistorySql");
        w.WriteStartObject();
        w.Property("sql", r.SqlText);
        w.Property("normalized_sql", r.SqlText);
        w.Null("params");
        w.WriteEndObject();
        w.Property("exception", r.Status == "FAILED");
        w.Property("sql_text", r.SqlText);
        w.Property("sql_pattern", r.SqlPattern);
        w.Property("query_time", r.QueryTime);
        w.Property("duration", r.Duration);
        w.Property("server", r.Server);
        w.Property("submitter", r.Submitter);
        w.Property("query_status", r.Status);
        w.Property("query_id", r.QueryId);
        w.Property("id", r.Id);
        Counts(w, r);
        w.Property("cache_hit", false);
        w.Property("index_hit", r.IndexHit);
        w.Property("engine_type", EngineType(r));
        w.Property("project_name", r.Project);
        Realizations(w, r, history: true);
        w.Property("error_type", r.ErrorType);
        Info(w, r, withSourceCount: true);
        w.WriteEndObject();
    }

    private static void Public(JsonWriter w, QueryRecord r)
    {
        w.WriteStartObject();
        w.Null("queryRealizations");
        w.Property("query_id", r.QueryId);
        Info(w, r, withSourceCount: false);
        w.Property("sql_text", r.SqlText);
        w.Property("query_time", r.QueryTime);
        w.Property("duration", r.Duration);
        w.Property("server", r.Server);
        w.Property("submitter", r.Submitter);
        w.Property("index_hit", r.IndexHit);
        w.Property("query_status", r.Status);
        w.Property("result_row_count", (long)r.Answer.Rows.Count);
        w.Property("id", r.Id);
        w.Property("engine_type", EngineType(r));
        w.Property("total_scan_count", r.Answer.ScanRows.Sum());
        w.Property("project_name", r.Project);
        Realizations(w, r, history: false);
        w.Property("total_scan_bytes", r.Answer.ScanRows.Sum() * 8);
        w.Property("error_type", r.ErrorType);
        w.Property("cache_hit", false);
        w.WriteEndObject();
    }

    private static void Counts(JsonWriter w, QueryRecord r)
    {
        w.Property("total_scan_count", r.Answer.ScanRows.Sum());
        w.Property("total_scan_bytes", r.Answer.ScanRows.Sum() * 8);
        w.Property("result_row_count", (long)r.Answer.Rows.Count);
    }

    // A failure that was not pushed down has no engine type.
    private static string? EngineType(QueryRecord r) => r.Answer.ExceptionMessage is null ? r.Answer.EngineType?.ToString() : null;

    private static void Realizations(JsonWriter w, QueryRecord r, bool history)
    {
        w.WritePropertyName("realizations");
        w.WriteStartArray();
        foreach (var z in r.Answer.Realizations)
        {
            w.WriteStartObject();
            w.Property("modelId", z.ModelId);
            w.Property("modelAlias", z.ModelAlias);
            w.Property("layoutId", z.LayoutId);
            w.Property("indexType", z.IndexType);
            if (history)
            {
                w.Property("recommendSecondStorage", false);
                w.Property("snapshots", Array.Empty<string>());
                w.Property("unauthorized_tables", Array.Empty<string>());
                w.Property("unauthorized_columns", Array.Empty<string>());
                w.Property("visible", true);
                w.Property("cxtId", -1);
                w.Property("partialMatchModel", false);
                w.Property("valid", true);
                w.Property("layoutExist", true);
                w.Property("secondStorage", false);
                w.Property("streamingLayout", false);
            }
            else
            {
                w.Property("snapshots", Array.Empty<string>());
                w.Property("valid", true);
                w.Property("partialMatchModel", false);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void Info(JsonWriter w, QueryRecord r, bool withSourceCount)
    {
        w.WritePropertyName("query_history_info");
        w.WriteStartObject();
        w.Property("exactly_match", false);
        w.Property("scan_segment_num", r.Answer.Realizations.Count);
        w.Property("state", "PENDING");
        w.Property("execution_error", r.ErrorType is { } e && e != "No realization found");
        w.Null("error_msg");
        w.WritePropertyName("query_snapshots");
        w.WriteStartArray();
        w.WriteEndArray();
        w.WritePropertyName("realization_metrics");
        w.WriteStartArray();
        foreach (var z in r.Answer.Realizations)
        {
            w.WriteStartObject();
            w.Property("queryId", r.QueryId);
            w.Property("duration", r.Duration);
            w.Property("layoutId", z.LayoutId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            w.Property("indexType", z.IndexType);
            w.Property("modelId", z.ModelId);
            w.Property("queryTime", r.QueryTime);
            w.Property("projectName", r.Project);
            w.Property("snapshots", Array.Empty<string>());
            w.Property("secondStorage", false);
            w.Property("streamingLayout", false);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WritePropertyName("traces");
        w.WriteStartArray();
        w.WriteEndArray();
        w.Null("cache_type");
        w.Property("query_msg", r.Answer.ExceptionMessage);
        if (withSourceCount)
        {
            w.Property("source_result_count", 0);
        }

        w.WriteEndObject();
    }
}
