using KylinMock.Sql;
using KylinMock.Tests.Support;
using Newtonsoft.Json.Linq;

namespace KylinMock.Tests.Kylin4;

/// <summary>
/// Kylin 4's <c>POST /kylin/api/query</c> over the SQL engine (branch kylin4: QueryController.query, QueryService.doQueryWithCache and
/// buildSqlResponse, rest/response/SQLResponse.java): the raw SQLResponse, Kylin 4's refusals, and a failed query as a 500.
/// </summary>
public sealed class Kylin4QueryTests : Kylin4Test
{
    private static readonly string Day0 = Date(0);

    protected override ISqlEngine? SqlEngine => new DuckDbSqlEngine();

    private static string Date(int day) => DateTimeOffset.FromUnixTimeMilliseconds(T + (day * Day)).UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [SetUp]
    public void StateRows() => Kylin.Rows.Replace(ModelEstates.Project, "DEFAULT.KYLIN_SALES",
    [
        ["1", Day0, "10", "10.5"],
        ["2", Date(1), "20", "20.25"],
        ["3", Date(2), "10", "100"],
    ]);

    private KylinHttp.Answer Query(string sql, string project = ModelEstates.Project) =>
        Send(HttpMethod.Post, "/query", new JObject { ["sql"] = sql, ["project"] = project, ["acceptPartial"] = false, ["limit"] = 0, ["offset"] = 0 }.ToString());

    private static string?[][] Results(KylinHttp.Answer answer) => answer.Json["results"]!.Select(r => r.Select(c => (string?)c).ToArray()).ToArray();

    [Test]
    public void Query_AggregateOverCube_IsBareSqlResponseNamingTheCube()
    {
        // QS.buildSqlResponse:1201-1262: cube is the realization's canonical name CUBE[name=...], cuboidIds its base cuboid (4 rowkey
        // columns: 15), realizationTypes its storage type (4, Parquet); only READY segments' rows (day 2 has no segment).
        var answer = Query("select part_dt, sum(price) from kylin_sales group by part_dt order by part_dt");
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
            Assert.That(answer.ContentType, Does.StartWith("application/json"));
            Assert.That(answer.Json["code"], Is.Null, "no envelope");
            Assert.That(Results(answer), Is.EqualTo(new[] { new[] { Day0, "10.5000" }, new[] { Date(1), "20.2500" } }));
            Assert.That((string?)answer.Json["cube"], Is.EqualTo("CUBE[name=kylin_sales_model]"));
            Assert.That((string?)answer.Json["cuboidIds"], Is.EqualTo("15"));
            Assert.That((string?)answer.Json["realizationTypes"], Is.EqualTo("4"));
            Assert.That(((bool)answer.Json["isException"]!, (bool)answer.Json["pushDown"]!, (bool)answer.Json["partial"]!), Is.EqualTo((false, false, false)));
            Assert.That((string?)answer.Json["columnMetas"]![1]!["label"], Is.EqualTo("EXPR$1"));
            Assert.That((string?)answer.Json["sparkPool"], Is.EqualTo("lightweight_tasks"));
        });
    }

    [Test]
    public void Query_Answer_HasKylin4SqlResponseKeysInJacksonOrder()
    {
        // SQLResponse.java (kylin4): field-backed properties in field order, then the getter-only sparkPool, partial, pushDown;
        // throwable, signature, lazyQueryStartTime and queryStatistics are @JsonIgnore'd or have no getter.
        var answer = Query("select count(*) from kylin_sales");
        Assert.That(answer.Json.Properties().Select(p => p.Name), Is.EqualTo(new[]
        {
            "columnMetas", "results", "cube", "cuboidIds", "realizationTypes", "affectedRowCount", "isException", "exceptionMessage",
            "duration", "totalScanCount", "totalScanBytes", "totalScanFiles", "metadataTime", "totalSparkScanTime", "hitExceptionCache",
            "storageCacheUsed", "traceUrl", "traces", "queryId", "sparkPool", "partial", "pushDown",
        }), answer.Text);
    }

    [Test]
    public void Query_AfterABuildFinishes_SeesTheNewSegmentsRows()
    {
        // The cube's READY segments are what a query reads: day 2's row appears once its build (PUT /cubes/{c}/build) is FINISHED.
        var before = Results(Query("select count(*) from kylin_sales"));
        var job = BuildThirdDay();
        Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Multiple(() =>
        {
            Assert.That(Status(job), Is.EqualTo("FINISHED"));
            Assert.That(before, Is.EqualTo(new[] { new[] { "2" } }));
            Assert.That(Results(Query("select count(*) from kylin_sales")), Is.EqualTo(new[] { new[] { "3" } }));
        });
    }

    [Test]
    public void Query_ConstantSelect_HasNoCube()
    {
        // Calcite answers a query without a table: no OLAPContext with a realization, so cube, cuboidIds and realizationTypes are "".
        var answer = Query("select 1");
        Assert.Multiple(() =>
        {
            Assert.That(Results(answer), Is.EqualTo(new[] { new[] { "1" } }), answer.Text);
            Assert.That(((string?)answer.Json["cube"], (string?)answer.Json["cuboidIds"], (string?)answer.Json["realizationTypes"]), Is.EqualTo(("", "", "")));
            Assert.That((long)answer.Json["totalScanBytes"]!, Is.EqualTo(-1));
        });
    }

    [TestCase("", "Project name should not be empty.")]
    [TestCase("nope", "Cannot find project 'nope'.")]
    public void Query_BlankOrUnknownProject_IsBadRequest(string project, string message)
    {
        // QS.doQueryWithCache:431-439: BadRequestException (400), Message.getEMPTY_PROJECT_NAME / getPROJECT_NOT_FOUND.
        AssertError(Query("select 1", project), 400, message);
    }

    [Test]
    public void Query_ProjectInAnotherCase_IsFound()
    {
        // ProjectManager.getProject normalizes the name (upper case): the project is found whatever its case.
        Assert.That(Query("select 1", ModelEstates.Project.ToUpperInvariant()).Status, Is.EqualTo(200));
    }

    [Test]
    public void Query_BlankSql_IsBadRequest()
    {
        // QS.doQueryWithCache:441-443: Message.getNULL_EMPTY_SQL.
        AssertError(Query("  "), 400, "SQL should not be empty.");
    }

    [Test]
    public void Query_NotASelect_IsInternalErrorNotSupportedSql()
    {
        // queryAndUpdateCache:531-539 throws BadRequestException("Not Supported SQL.") without push-down; its catch makes it an
        // exception answer, and doQueryWithCache:504-505 rethrows that as an InternalErrorException: 500.
        AssertError(Query("insert into kylin_sales values (1)"), 500, "Not Supported SQL.");
    }

    [Test]
    public void Query_NoCubeCovers_IsInternalErrorNoRealizationFound()
    {
        // Push-down is off in Kylin 4 by default (no runner class): an INNER join no cube has is RealizationChooser's
        // NoRealizationFoundException, made friendly by QueryUtil.makeErrorMsgUserFriendly and rethrown as a 500.
        var answer = Query("select count(*) from kylin_sales s inner join kylin_account a on s.seller_id = a.account_id");
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(500), answer.Text);
            Assert.That((string?)answer.Json["msg"], Does.StartWith("No realization found for OLAPContext"));
            Assert.That((string?)answer.Json["msg"], Does.Contain("\nwhile executing SQL: \""));
            Assert.That((string?)answer.Json["exception"], Is.EqualTo((string?)answer.Json["msg"]));
        });
    }

    [Test]
    public void Query_LimitNotAnInteger_IsHttpMessageNotReadable()
    {
        // SQLRequest.limit is an Integer: Jackson cannot bind an object to it, HttpMessageNotReadableException reaches the catch-all (500).
        var answer = Send(HttpMethod.Post, "/query", "{\"sql\":\"select 1\",\"project\":\"" + ModelEstates.Project + "\",\"limit\":{}}");
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(500), answer.Text);
            Assert.That((string?)answer.Json["msg"], Does.StartWith("JSON parse error"));
        });
    }
}
