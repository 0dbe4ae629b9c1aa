using System.Globalization;
using KylinMock.Answers;
using KylinMock.Sql;
using Newtonsoft.Json;

namespace KylinMock.Kylin4;

/// <summary>
/// Kylin 4's <c>SQLResponse</c> as Jackson writes it, bare (branch <c>kylin4</c>, server-base
/// <c>rest/response/SQLResponse.java</c>): the properties backed by a field in field order, then the getter-only ones
/// (<c>sparkPool</c>, <c>partial</c>, <c>pushDown</c>, in declaration order: JVM reflection order, inferred); <c>throwable</c>,
/// <c>signature</c>, <c>lazyQueryStartTime</c> and <c>queryStatistics</c> are never written. Values as
/// QueryService.buildSqlResponse sets them (QS:1201-1262).
/// </summary>
internal static class SqlResponseV1Json
{
    // QueryTrace (core-common, kylin4): the spans a Spark-executed query records; PREPARATION groups the first three.
    private static readonly string[] CubeTraces = ["SQL_TRANSFORMATION", "SQL_PARSE_AND_OPTIMIZE", "CUBE_MATCHING", "PREPARE_AND_SUBMIT_JOB", "WAIT_FOR_EXECUTION", "EXECUTION", "FETCH_RESULT"];

    // A query Calcite answers without a table (no realization, no Spark job).
    private static readonly string[] ConstantTraces = ["SQL_TRANSFORMATION", "SQL_PARSE_AND_OPTIMIZE", "EXECUTION"];

    /// <summary>The answer's bytes for a query that ran (a failed one is a 500 before this).</summary>
    public static byte[] Write(QueryRecord record, SqlEstate estate) => EnvelopeJson.Write(Formatting.None, w =>
    {
        var a = record.Answer;
        var cubes = a.Realizations.Count > 0;
        var scanned = a.ScanRows.Sum();
        w.WriteStartObject();
        w.WritePropertyName("columnMetas");
        SqlResponseJson.ColumnMetas(w, a.Columns, prepare: false);
        w.WritePropertyName("results");
        SqlResponseJson.Rows(w, a.Rows);

        // One entry per OLAPContext that found a realization: its canonical name, base cuboid id and storage type (4, Parquet).
        w.Property("cube", string.Join(",", a.Realizations.Select(r => "CUBE[name=" + r.ModelAlias + "]")));
        w.Property("cuboidIds", string.Join(",", a.Realizations.Select(r => BaseCuboid(estate, r).ToString(CultureInfo.InvariantCulture))));
        w.Property("realizationTypes", string.Join(",", a.Realizations.Select(_ => "4")));
        w.Property("affectedRowCount", 0);
        w.Property("isException", false);
        w.Null("exceptionMessage");
        w.Property("duration", record.Duration);
        w.Property("totalScanCount", scanned);

        // QS:1255: scanned bytes, else the source's, else -1; scan files, metadata and scan time -1 when Spark reported none.
        w.Property("totalScanBytes", cubes ? scanned * 8 : -1L);
        w.Property("totalScanFiles", cubes ? (long)a.ScanRows.Count : -1L);
        w.Property("metadataTime", cubes ? 0L : -1L);
        w.Property("totalSparkScanTime", cubes ? 0L : -1L);
        w.Property("hitExceptionCache", false);
        w.Property("storageCacheUsed", false);
        w.Null("traceUrl");
        SqlResponseJson.Traces(w, cubes ? CubeTraces : ConstantTraces, static name => name is "SQL_TRANSFORMATION" or "SQL_PARSE_AND_OPTIMIZE" or "CUBE_MATCHING" ? "PREPARATION" : null);
        w.Property("queryId", record.QueryId);

        // ResultPlan.getResult: lightweight_tasks when the shuffle partitions fit the cores (the default); Calcite alone sets none.
        w.Property("sparkPool", cubes ? "lightweight_tasks" : null);
        w.Property("partial", false);
        w.Property("pushDown", false);
        w.WriteEndObject();
    });

    // The base cuboid of a cube: every rowkey column's bit set (Cuboid.getBaseCuboidId); the rowkey is the model's dimensions.
    private static long BaseCuboid(SqlEstate estate, SqlRealization realization)
    {
        var dimensions = estate.Models.FirstOrDefault(m => m.Uuid == realization.ModelId)?.Columns.Count(c => c.IsDimension) ?? 0;
        return dimensions >= 63 ? long.MaxValue : (1L << dimensions) - 1;
    }
}
