using KylinMock.Tests.Support;
using Newtonsoft.Json.Linq;

namespace KylinMock.Tests.Sql;

/// <summary>POST /kylin/api/query: what a query that runs answers (contract §3, §4; NQueryController.query, QueryService).</summary>
public sealed class QueryAnswerTests : SqlEstateTest
{
    [Test]
    public void Query_SelectOneWithKylinpyLimit_IsConstantsWithExprLabel()
    {
        // §4.7: with kylinpy's limit the text is "SELECT 1\nLIMIT 50000" (no Tableau probe); Calcite answers EXPR$0 INTEGER NOT NULL (CalciteQueryPlanExec).
        var answer = Post("SELECT 1");
        var meta = (JObject)answer.Data["columnMetas"]![0]!;
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
            Assert.That((string?)answer.Data["engineType"], Is.EqualTo("CONSTANTS"));
            Assert.That(((string?)meta["label"], (string?)meta["columnTypeName"], (int)meta["isNullable"]!, (int)meta["columnType"]!), Is.EqualTo(("EXPR$0", "INTEGER", 0, 4)));
            Assert.That(Results(answer), Is.EqualTo(new[] { new[] { "1" } }));
            Assert.That(answer.Data["realizations"], Is.EqualTo(new JArray()));
            Assert.That((bool)answer.Data["isException"]!, Is.False);
        });
    }

    [Test]
    public void Query_Answer_HasSqlResponseKeysInJacksonOrder()
    {
        // RESP SQLResponse: fields, then the getter-only block, then the @JsonProperty names (§0, §3.1).
        var answer = Post("SELECT COUNT(*) FROM KYLIN_SALES");
        Assert.That(((JObject)answer.Data).Properties().Select(p => p.Name), Is.EqualTo(new[]
        {
            "columnMetas", "results", "affectedRowCount", "exceptionMessage", "duration", "scanRows", "scanBytes", "failTimes",
            "resultRowCount", "shufflePartitions", "hitExceptionCache", "storageCacheUsed", "storageCacheType", "queryStatistics",
            "queryId", "server", "signature", "engineType", "traces", "totalScanRows", "totalScanBytes", "exception", "prepare",
            "timeout", "partial", "vacant", "refused", "stopByUser", "isException", "appMasterURL", "pushDown", "is_prepare",
            "is_timeout", "is_refused", "is_stop_by_user", "realizations", "executed_plan",
        }));
    }

    [Test]
    public void Query_AggregateOverModel_ReadsOnlyReadySegmentsFromAggIndex()
    {
        // §4.4: native answers read only rows inside READY/WARNING segments (day 2 is NEW, day -5 never built); §3.2 layout 1 "Agg Index".
        var answer = Post("select part_dt, count(*), sum(price) from kylin_sales group by part_dt order by part_dt");
        var realization = (JObject)answer.Data["realizations"]![0]!;
        var metas = answer.Data["columnMetas"]!.Select(m => ((string?)m["label"], (string?)m["columnTypeName"], (int)m["precision"]!, (int)m["scale"]!)).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That((string?)answer.Data["engineType"], Is.EqualTo("NATIVE"), answer.Text);
            Assert.That(Results(answer), Is.EqualTo(new[] { new[] { Date(0), "2", "30.7500" }, new[] { Date(1), "1", "5.0000" } }));
            Assert.That(metas, Is.EqualTo(new[] { ("PART_DT", "DATE", 0, 0), ("EXPR$1", "BIGINT", 19, 0), ("EXPR$2", "DECIMAL", 19, 4) }));
            Assert.That(((string?)realization["modelAlias"], (long)realization["layoutId"]!, (string?)realization["indexType"]), Is.EqualTo(("kylin_sales_model", 1L, "Agg Index")));
            Assert.That((string?)realization["modelId"], Is.EqualTo(ModelEstates.Partitioned));
        });
    }

    [Test]
    public void Query_RawOverDimensions_IsAnsweredByTableIndex()
    {
        // §3.2, §4.3: a raw query whose columns are all in the base table index: layout 20000000001, "Table Index".
        var answer = Post("select trans_id, price from kylin_sales order by trans_id");
        var realization = (JObject)answer.Data["realizations"]![0]!;
        Assert.Multiple(() =>
        {
            Assert.That(Results(answer), Is.EqualTo(new[] { new[] { "1", "10.5000" }, new[] { "2", "20.2500" }, new[] { "3", "5.0000" } }), answer.Text);
            Assert.That(((long)realization["layoutId"]!, (string?)realization["indexType"]), Is.EqualTo((20000000001L, "Table Index")));
        });
    }

    [Test]
    public void Query_LeftJoinOfTheModel_MatchesAndJoins()
    {
        // RT RealizationChooser.matchJoins: the model's LEFT join, same keys: native; the lookup's dimension groups.
        var answer = Post("SELECT A.ACCOUNT_COUNTRY, COUNT(*) AS CNT FROM KYLIN_SALES S LEFT JOIN KYLIN_ACCOUNT A ON S.SELLER_ID = A.ACCOUNT_ID GROUP BY A.ACCOUNT_COUNTRY ORDER BY CNT DESC");
        Assert.Multiple(() =>
        {
            Assert.That((string?)answer.Data["engineType"], Is.EqualTo("NATIVE"), answer.Text);
            Assert.That(Results(answer), Is.EqualTo(new[] { new[] { "CN", "2" }, new[] { "US", "1" } }));
            Assert.That(answer.Data["columnMetas"]!.Select(m => (string?)m["label"]), Is.EqualTo(new[] { "ACCOUNT_COUNTRY", "CNT" }));
        });
    }

    [Test]
    public void Query_InnerJoinAgainstLeftModelJoin_PushesDownOverAllRows()
    {
        // §4.2: an INNER JOIN in the query does not match a LEFT model edge; push-down (on by default, §4.6) reads every source row, HIVE.
        var answer = Post("SELECT COUNT(*) FROM KYLIN_SALES S INNER JOIN KYLIN_ACCOUNT A ON S.SELLER_ID = A.ACCOUNT_ID");
        Assert.Multiple(() =>
        {
            Assert.That((string?)answer.Data["engineType"], Is.EqualTo("HIVE"), answer.Text);
            Assert.That((bool)answer.Data["pushDown"]!, Is.True);
            Assert.That(answer.Data["realizations"], Is.EqualTo(new JArray()));
            Assert.That(Results(answer), Is.EqualTo(new[] { new[] { "5" } }));
        });
    }

    [Test]
    public void Query_PartitionFilterMissingEverySegment_IsTheEmptyAnswer()
    {
        // §4.4 SegmentPruningRule: no queryable segment left: NATIVE, layoutId -1, indexType null, no rows (not an error, not a push-down).
        var answer = Post($"SELECT PART_DT, COUNT(*) FROM KYLIN_SALES WHERE PART_DT >= DATE '{Date(-6)}' AND PART_DT < DATE '{Date(-4)}' GROUP BY PART_DT");
        var realization = (JObject)answer.Data["realizations"]![0]!;
        Assert.Multiple(() =>
        {
            Assert.That((string?)answer.Data["engineType"], Is.EqualTo("NATIVE"), answer.Text);
            Assert.That(((long)realization["layoutId"]!, realization["indexType"]!.Type), Is.EqualTo((-1L, JTokenType.Null)));
            Assert.That(Results(answer), Is.Empty);
        });
    }

    [Test]
    public void Query_ColumnOutsideTheModel_PushesDown()
    {
        // §4.3: every column must be a model column (KYLIN_ACCOUNT.ACCOUNT_ID is only a join key here... and PRICE in a filter is no dimension).
        var answer = Post("SELECT SELLER_ID, COUNT(*) FROM KYLIN_SALES WHERE PRICE > 6 GROUP BY SELLER_ID ORDER BY SELLER_ID");
        Assert.Multiple(() =>
        {
            Assert.That((string?)answer.Data["engineType"], Is.EqualTo("HIVE"), answer.Text);
            Assert.That(Results(answer), Is.EqualTo(new[] { new[] { "10", "2" }, new[] { "20", "2" } }));
        });
    }

    [Test]
    public void Query_BuildFinishingOnTheClock_ChangesWhatTheQuerySees()
    {
        // §4.4 with the build contract: a segment is queryable once its job finishes; until then its rows are invisible.
        const string sql = "SELECT COUNT(*) FROM KYLIN_SALES";
        var before = Results(Post(sql));
        var build = Http.Send(HttpMethod.Post, "/kylin/api/models/kylin_sales_model/segments", $"{{\"project\":\"{Project}\",\"start\":\"{T + (3 * Day)}\",\"end\":\"{T + (4 * Day)}\"}}");
        Assert.That(build.Status, Is.EqualTo(200), build.Text);
        Kylin.Rows.Replace(Project, "DEFAULT.KYLIN_SALES", [.. Sales, ["6", Date(3), "20", "1"]]);
        var during = Results(Post(sql));
        Clock.Advance(TimeSpan.FromMinutes(10));
        var after = Results(Post(sql));
        Assert.Multiple(() =>
        {
            Assert.That(before, Is.EqualTo(new[] { new[] { "3" } }));
            Assert.That(during, Is.EqualTo(new[] { new[] { "3" } }));
            Assert.That(after, Is.EqualTo(new[] { new[] { "4" } }));
        });
    }
}
