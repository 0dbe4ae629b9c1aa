using KylinMock.Answers;
using Newtonsoft.Json;

namespace KylinMock.Sql;

/// <summary>Which controller's answer shape a query gets.</summary>
internal enum SqlFace
{
    /// <summary>NQueryController (v4, v4-public): SQLResponse in the envelope.</summary>
    V4,

    /// <summary>NQueryControllerV2 (v2 Accept): SQLResponseV2 in the envelope.</summary>
    V2,

    /// <summary>NQueryControllerV2.query4JDBC (<c>application/json</c>, no Accept): the bare SQLResponse.</summary>
    Bare,
}

/// <summary>
/// Writes RESP <c>SQLResponse</c> (§3.1, keys in Jackson's order: fields, getter-only block, explicitly named
/// properties) and <c>SQLResponseV2</c> (§9), with <c>columnMetas</c> (§3.4), <c>realizations</c> (§3.2) and <c>traces</c> (§3.3).
/// </summary>
internal static class SqlResponseJson
{
    private static readonly string[] NativeTraces = ["HTTP_RECEPTION", "GET_ACL_INFO", "SQL_TRANSFORMATION", "SQL_PARSE_AND_OPTIMIZE", "MODEL_MATCHING", "SPARK_JOB_EXECUTION", "WAIT_FOR_EXECUTION", "EXECUTION", "FETCH_RESULT"];
    private static readonly string[] PushDownTraces = ["HTTP_RECEPTION", "GET_ACL_INFO", "SQL_TRANSFORMATION", "SQL_PARSE_AND_OPTIMIZE", "MODEL_MATCHING", "SQL_PUSHDOWN_TRANSFORMATION", "SPARK_JOB_EXECUTION", "WAIT_FOR_EXECUTION", "EXECUTION", "FETCH_RESULT"];
    private static readonly string[] ConstantTraces = ["HTTP_RECEPTION", "GET_ACL_INFO", "SQL_TRANSFORMATION", "SQL_PARSE_AND_OPTIMIZE", "EXECUTION", "FETCH_RESULT"];
    private static readonly string[] FailedTraces = ["HTTP_RECEPTION", "GET_ACL_INFO", "SQL_TRANSFORMATION"];

    /// <summary>The answer's bytes for <paramref name="face"/>.</summary>
    public static byte[] Write(QueryRecord record, SqlFace face, bool prepare) => face == SqlFace.Bare
        ? EnvelopeJson.Write(Formatting.None, w => Response(w, record, face, prepare))
        : EnvelopeJson.Success(w => Response(w, record, face, prepare));

    private static void Response(JsonWriter w, QueryRecord record, SqlFace face, bool prepare)
    {
        var a = record.Answer;
        var failed = a.ExceptionMessage is not null;
        var pushDown = a.EngineType == SqlEngineType.HIVE;
        var appMaster = a.EngineType == SqlEngineType.NATIVE && !failed ? "/kylin/sparder/SQL/execution/?id=" + record.Id : string.Empty;
        long? totalScan = failed ? null : a.ScanRows.Sum();
        w.WriteStartObject();
        w.WritePropertyName("columnMetas");
        if (failed && !a.StoppedByUser)
        {
            w.WriteNull();
        }
        else
        {
            ColumnMetas(w, a.Columns, prepare);
        }

        w.WritePropertyName("results");
        if (failed)
        {
            w.WriteNull();
        }
        else
        {
            Rows(w, a.Rows);
        }

        w.Property("affectedRowCount", 0);
        w.Property("exceptionMessage", a.ExceptionMessage);
        w.Property("duration", record.Duration);
        Longs(w, "scanRows", failed ? null : a.ScanRows);
        Longs(w, "scanBytes", failed ? null : a.ScanRows.Select(r => r * 8).ToArray());
        if (face == SqlFace.V2)
        {
            w.Property("appMasterURL", appMaster);
        }

        w.Property("failTimes", -1);
        w.Property("resultRowCount", failed ? 0L : a.Rows.Count);
        w.Property("shufflePartitions", a.EngineType == SqlEngineType.NATIVE && !failed ? 1 : 0);
        w.Property("hitExceptionCache", false);
        w.Property("storageCacheUsed", false);
        w.Null("storageCacheType");
        w.Null("queryStatistics");
        w.Property("queryId", record.QueryId);
        w.Property("server", record.Server);
        w.Property("signature", a.EngineType == SqlEngineType.NATIVE && !failed ? "ADMIN," + record.QueryTime.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
        w.Property("engineType", failed ? null : a.EngineType?.ToString());
        Traces(w, failed ? FailedTraces : pushDown ? PushDownTraces : a.EngineType == SqlEngineType.CONSTANTS ? ConstantTraces : NativeTraces);
        if (face == SqlFace.V2)
        {
            var cubes = a.Realizations.Select(r => (r.IndexType == "Table Index" ? "INVERTED_INDEX[name=" : "CUBE[name=") + r.ModelAlias + "]").Distinct();
            w.Property("cube", string.Join(",", cubes));
            w.Property("totalScanCount", Math.Max(totalScan ?? -1, 0));
            w.Property("totalScanRows", totalScan ?? -1);
            w.Property("totalScanBytes", totalScan is { } b ? b * 8 : -1);
            w.Property("exception", failed);
            w.Property("partial", false);
            w.Property("prepare", prepare);
            w.Property("timeout", false);
            w.Property("stopByUser", a.StoppedByUser);
            w.Property("sparderUsed", a.Realizations.Count > 0);
            w.Property("isException", failed);
            w.Property("pushDown", pushDown);
            w.Property("is_prepare", prepare);
            w.Property("is_timeout", false);
            w.Property("is_stop_by_user", a.StoppedByUser);
            Realizations(w, failed ? null : a.Realizations);
        }
        else
        {
            w.Property("totalScanRows", totalScan ?? -1);
            w.Property("totalScanBytes", totalScan is { } b ? b * 8 : -1);
            w.Property("exception", failed);
            w.Property("prepare", prepare);
            w.Property("timeout", false);
            w.Property("partial", false);
            w.Property("vacant", false);
            w.Property("refused", false);
            w.Property("stopByUser", a.StoppedByUser);
            w.Property("isException", failed);
            w.Property("appMasterURL", appMaster);
            w.Property("pushDown", pushDown);
            w.Property("is_prepare", prepare);
            w.Property("is_timeout", false);
            w.Property("is_refused", false);
            w.Property("is_stop_by_user", a.StoppedByUser);
            Realizations(w, failed ? null : a.Realizations);
            w.Null("executed_plan");
        }

        w.WriteEndObject();
    }

    /// <summary>The <c>columnMetas</c> array; prestate marks every column <c>readOnly</c>.</summary>
    public static void ColumnMetas(JsonWriter w, IReadOnlyList<SqlColumn> columns, bool prepare)
    {
        w.WriteStartArray();
        foreach (var c in columns)
        {
            w.WriteStartObject();
            w.Property("isNullable", c.Nullable ? 1 : 0);
            w.Property("displaySize", c.DisplaySize);
            w.Property("label", c.Label);
            w.Property("name", c.Label);
            w.Null("schemaName");
            w.Null("catelogName");
            w.Null("tableName");
            w.Property("precision", c.Precision);
            w.Property("scale", c.Scale);
            w.Property("columnType", c.JdbcType);
            w.Property("columnTypeName", c.TypeName);
            w.Property("caseSensitive", false);
            w.Property("autoIncrement", false);
            w.Property("currency", false);
            w.Property("definitelyWritable", false);
            w.Property("signed", true);
            w.Property("writable", false);
            w.Property("searchable", false);
            w.Property("readOnly", prepare);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary>The <c>results</c> array: each row its cells as Kylin encodes them (null stays null).</summary>
    public static void Rows(JsonWriter w, IReadOnlyList<IReadOnlyList<string?>> rows)
    {
        w.WriteStartArray();
        foreach (var row in rows)
        {
            w.WriteStartArray();
            foreach (var cell in row)
            {
                w.WriteValue(cell);
            }

            w.WriteEndArray();
        }

        w.WriteEndArray();
    }

    private static void Longs(JsonWriter w, string name, IReadOnlyList<long>? values)
    {
        w.WritePropertyName(name);
        if (values is null)
        {
            w.WriteNull();
            return;
        }

        w.WriteStartArray();
        foreach (var v in values)
        {
            w.WriteValue(v);
        }

        w.WriteEndArray();
    }

    private static void Traces(JsonWriter w, string[] names) => Traces(w, names, static name => name switch
    {
        "GET_ACL_INFO" or "SQL_TRANSFORMATION" or "SQL_PARSE_AND_OPTIMIZE" or "MODEL_MATCHING" => "PREPARATION",
        "WAIT_FOR_EXECUTION" or "EXECUTION" or "FETCH_RESULT" => "JOB_EXECUTION",
        _ => null,
    });

    /// <summary>The <c>traces</c> array (SQLResponseTrace: name, group, duration), each span's group as <paramref name="group"/> says.</summary>
    public static void Traces(JsonWriter w, string[] names, Func<string, string?> group)
    {
        w.WritePropertyName("traces");
        w.WriteStartArray();
        foreach (var name in names)
        {
            w.WriteStartObject();
            w.Property("name", name);
            w.Property("group", group(name));
            w.Property("duration", 0L);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary>The <c>realizations</c> array (NativeQueryRealization), or null.</summary>
    public static void Realizations(JsonWriter w, IReadOnlyList<SqlRealization>? realizations)
    {
        w.WritePropertyName("realizations");
        if (realizations is null)
        {
            w.WriteNull();
            return;
        }

        w.WriteStartArray();
        foreach (var r in realizations)
        {
            w.WriteStartObject();
            w.Property("modelId", r.ModelId);
            w.Property("modelAlias", r.ModelAlias);
            w.Property("layoutId", r.LayoutId);
            w.Property("indexType", r.IndexType);
            w.Property("recommendSecondStorage", false);
            w.Property("snapshots", Array.Empty<string>());
            w.Property("cxtId", 0);
            w.Property("partialMatchModel", false);
            w.Property("valid", true);
            w.Property("layoutExist", true);
            w.Property("secondStorage", false);
            w.Property("streamingLayout", false);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
