using System.Text;
using KylinMock.Benchmarks.Harness;
using KylinMock.Models;
using KylinMock.Sql;
using Microsoft.Extensions.Time.Testing;

namespace KylinMock.Benchmarks.Scenarios;

/// <summary>
/// The SQL engine (issue 21): generating and loading a million fact rows (target 3 s), and a GROUP BY over them
/// through HTTP (POST /kylin/api/query, routed to the model) against the same SQL run directly on the same DuckDB database (target 1.5x).
/// </summary>
internal static class SqlQueries
{
    private const string Project = "bench";
    private const long Day = 86_400_000;

    private static readonly ColumnDesc[] Columns =
    [
        new("ID", "bigint"), new("NAME", "varchar(256)"), new("CATEGORY", "varchar(64)"), new("FK_1", "bigint"), new("FK_2", "bigint"),
        new("FK_3", "bigint"), new("PART_DT", "date"), new("AMOUNT", "decimal(19,4)"), new("QUANTITY", "integer"), new("PRICE", "double"), new("UPDATED_AT", "timestamp"),
    ];

    private static (SqlEstate Estate, DataModel Model, Segment[] Segments) Estate(long now)
    {
        var tables = new[] { new TableDesc(Project, "SSB", "FACT", Columns), new TableDesc(Project, "SSB", "DIM", Columns) };
        var model = new DataModel
        {
            Uuid = "00000000-0000-4000-8000-000000000001",
            Alias = "bench_model",
            Project = Project,
            FactTable = "SSB.FACT",
            Lookups = [new JoinTableDesc("SSB.DIM", "DIM", "LEFT", ["DIM.ID"], ["FACT.FK_1"])],
            Columns = [new(0, "FACT_CATEGORY", "FACT.CATEGORY", true), new(1, "FACT_PART_DT", "FACT.PART_DT", true), new(2, "FACT_AMOUNT", "FACT.AMOUNT", false)],
            Measures = [new(100000, "COUNT_ALL", "COUNT", [new("constant", "1")], "bigint"), new(100001, "SUM_AMOUNT", "SUM", [new("column", "FACT.AMOUNT")], "decimal(29,4)")],
            PartitionDesc = new PartitionDesc("FACT.PART_DT", "yyyy-MM-dd"),
            StoredStatus = ModelStatus.ONLINE,
        };
        var start = now / Day * Day - (365 * Day);
        var segments = new[] { new Segment { Id = "s1", ModelUuid = model.Uuid, Name = "s1", Start = start, End = start + (365 * Day), Status = SegmentStatus.READY } };
        var estate = new SqlEstate(Project, tables, [model], new Dictionary<string, IReadOnlyList<Segment>> { [model.Uuid] = segments }) { DefaultDatabase = "SSB", Now = now };
        return (estate, model, segments);
    }

    public static async Task<IEnumerable<ScenarioRow>> Run(BenchSettings settings)
    {
        var rows = settings.Pick(1_000_000L, 50_000L);
        var now = Reference.Now.ToUnixTimeMilliseconds();
        var (estate, model, segments) = Estate(now);
        var loads = new List<double>();
        for (var rep = 0; rep < settings.Pick(3, 1); rep++)
        {
            using var database = (DuckDbDatabase)new DuckDbSqlEngine { FactRows = rows, LookupRows = 1000 }.Open(42);
            Bench.Settle();
            loads.Add(Bench.Ms(() => database.Load(estate)));
            Bench.Log($"sql: generated and loaded {rows:N0} fact rows in {loads[^1]:N0} ms");
        }

        using var kylin = KylinMockServer.Start(new KylinMockOptions
        {
            Clock = new FakeTimeProvider(Reference.Now),
            Estate = new KylinMock.Jobs.Estate([new KylinMock.Jobs.Project(Project)], []) { Models = new ModelEstate(estate.Tables, [model], segments) },
            SqlEngine = new DuckDbSqlEngine { FactRows = rows, LookupRows = 1000 },
            JournalCapacity = 0,
        });
        var engine = (DuckDbDatabase)kylin.Context.Backend.Sql!;
        using var http = new HttpClient { BaseAddress = new Uri(kylin.Url) };
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Basic QURNSU46S1lMSU4=");
        http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", "bench");
        http.DefaultRequestHeaders.TryAddWithoutValidation("Accept", "application/vnd.apache.kylin-v4-public+json");
        const string sql = "SELECT CATEGORY, COUNT(*), SUM(AMOUNT) FROM SSB.FACT GROUP BY CATEGORY ORDER BY CATEGORY";
        var body = "{\"project\":\"" + Project + "\",\"sql\":\"" + sql + "\"}";
        var direct = sql.Replace("SSB.FACT", "\"bench:SSB\".\"FACT\"", StringComparison.Ordinal);

        async Task<double> OverHttp()
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            using var response = await http.PostAsync("/kylin/api/query", new StringContent(body, Encoding.UTF8, "application/json")).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            if (!text.Contains("\"engineType\":\"NATIVE\"", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("the GROUP BY was not answered by the model: " + text[..Math.Min(400, text.Length)]);
            }

            return clock.Elapsed.TotalMilliseconds;
        }

        Task<double> Directly() => Task.FromResult(Bench.Ms(() => engine.Direct(direct)));

        var results = await Bench.Alternate(settings.Pick(3, 1), settings.Pick(15, 3), OverHttp, Directly).ConfigureAwait(false);
        var note = settings.Smoke ? "smoke: 50,000 fact rows; target not evaluated" : null;
        return
        [
            new ScenarioRow("sql_load_1m", "SQL: generate and load 1M fact rows (first query of a project)", new Measurement("DuckDbDatabase.Load", "ms", Summary.Of(loads)), null, null, Target.MedianAtMost(settings.Pick(3_000.0, 3_000.0), "ms")) { Note = note },
            new ScenarioRow("sql_group_by_http", "SQL: GROUP BY over 1M fact rows, HTTP vs the same SQL on the same DuckDB", new Measurement("POST /kylin/api/query", "ms", Summary.Of(results[0])), new Measurement("DuckDB directly", "ms", Summary.Of(results[1])), Bench.Ratios(results[0], results[1]), Target.RatioAtMost(1.5)) { Note = note },
        ];
    }
}
