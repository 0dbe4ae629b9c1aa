using KylinMock.Sql.Answers;

namespace KylinMock.Tests.Sql;

/// <summary>Kylin's dialect and encodings over DuckDB (contract §3.4, §3.5, §5; KECalciteConfig, EscapeTransformer, SparderTypeUtil).</summary>
public sealed class QueryDialectTests : SqlEstateTest
{
    [Test]
    public void Query_UnquotedAliases_AreUpperCasedAndQuotedKeepTheirCase()
    {
        // KECalciteConfig: unquoted identifiers TO_UPPER; quoted kept; unaliased expressions EXPR$i by select position.
        var answer = Post("select count(*) as cnt, count(*) as \"cnt\", seller_id, max(price) from kylin_sales group by seller_id order by seller_id");
        Assert.That(answer.Data["columnMetas"]!.Select(m => (string?)m["label"]), Is.EqualTo(new[] { "CNT", "cnt", "SELLER_ID", "EXPR$3" }), answer.Text);
    }

    [Test]
    public void Query_JdbcEscapesAndFloorToMonth_AreKylinDateFunctions()
    {
        // EscapeTransformer {fn ...}, {d ...}; FLOOR(x TO MONTH) keeps the DATE type; DAYOFWEEK is 1 for Sunday (Calcite).
        var answer = Post("SELECT {fn YEAR(PART_DT)}, FLOOR(PART_DT TO MONTH), DAYOFWEEK(DATE '2024-01-07'), TIMESTAMPDIFF(DAY, {d '2024-01-01'}, {d '2024-01-31'}) FROM KYLIN_SALES WHERE TRANS_ID = 1", extra: "{\"forcedToPushDown\":true}");
        var month = Date(0)[..8] + "01";
        Assert.That(Results(answer), Is.EqualTo(new[] { new[] { Date(0)[..4], month, "1", "30" } }), answer.Text);
    }

    [Test]
    public void Query_NotEquals_IsRewrittenToCalcitesOperator()
    {
        // EscapeTransformer: != is <>.
        var answer = Post("SELECT COUNT(*) FROM KYLIN_SALES WHERE SELLER_ID != 10");
        Assert.That(Results(answer), Is.EqualTo(new[] { new[] { "1" } }), answer.Text);
    }

    [Test]
    public void Query_SqlsOwnLimit_WinsOverTheRequestLimit()
    {
        // RawSql.autoAppendLimit: a "limit" token anywhere keeps the request's limit out.
        var answer = Post("SELECT TRANS_ID FROM KYLIN_SALES ORDER BY TRANS_ID LIMIT 2", limit: 1);
        Assert.That(Results(answer), Has.Length.EqualTo(2), answer.Text);
    }

    [Test]
    public void Query_RequestLimitAndOffset_AreAppended()
    {
        // QueryUtil.appendLimitOffset: "\nLIMIT n" then "\nOFFSET m".
        var answer = Post("SELECT TRANS_ID FROM KYLIN_SALES ORDER BY TRANS_ID", limit: 1, extra: "{\"offset\":1}");
        Assert.That(Results(answer), Is.EqualTo(new[] { new[] { "2" } }), answer.Text);
    }

    [Test]
    public void Query_CurrentDate_ReadsTheMocksClock()
    {
        // The mock reads time only through its clock: CURRENT_DATE is the FakeTimeProvider's day.
        var answer = Post("SELECT CURRENT_DATE");
        Assert.That(Results(answer), Is.EqualTo(new[] { new[] { Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) } }));
    }

    [Test]
    public void Query_NullConstant_IsTheStringNull()
    {
        // CalciteQueryPlanExec: String.valueOf(null) for constants.
        Assert.That(Results(Post("SELECT NULL")), Is.EqualTo(new[] { new[] { "null" } }));
    }

    [TestCase(100.0, "100.0")]
    [TestCase(12345678.0, "1.2345678E7")]
    [TestCase(0.0001, "1.0E-4")]
    [TestCase(0.5, "0.5")]
    [TestCase(-2.25, "-2.25")]
    public void JavaDouble_FormatsAsJavaDoubleToString(double value, string expected)
    {
        // §3.5: Double.toString (plain between 10^-3 and 10^7).
        Assert.That(KylinValues.JavaDouble(value), Is.EqualTo(expected));
    }

    [Test]
    public void Timestamp_TrailingZerosOfTheMillisAreStripped()
    {
        // DateFormat.castTimestampToString.
        Assert.Multiple(() =>
        {
            Assert.That(KylinValues.Timestamp(new DateTime(2012, 1, 1, 0, 0, 0)), Is.EqualTo("2012-01-01 00:00:00"));
            Assert.That(KylinValues.Timestamp(new DateTime(2012, 1, 1, 10, 11, 12, 500)), Is.EqualTo("2012-01-01 10:11:12.5"));
        });
    }

    [Test]
    public void Query_AvgOfDecimal_IsDecimalWithFourMoreDigits()
    {
        // KylinRelDataTypeSystem: AVG(DECIMAL(p,s)) is DECIMAL(p+4, s+4), never DuckDB's DOUBLE.
        var answer = Post("SELECT AVG(PRICE) FROM KYLIN_SALES", extra: "{\"forcedToPushDown\":true}");
        var meta = answer.Data["columnMetas"]![0]!;
        Assert.Multiple(() =>
        {
            Assert.That((string?)meta["columnTypeName"], Is.EqualTo("DECIMAL(23,8)"), answer.Text);
            Assert.That(Results(answer), Is.EqualTo(new[] { new[] { "227.15000000" } }));
        });
    }
}
