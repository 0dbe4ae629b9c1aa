using KylinMock.Tests.Support;

namespace KylinMock.Tests.Sql;

/// <summary>POST /kylin/api/query: the failure table (contract §2.4; NQueryController.query, QueryService.doQueryWithCache, NBasicController).</summary>
public sealed class QueryRefusalTests : SqlEstateTest
{
    private static string Msg(KylinHttp.Answer answer) => (string)answer.Json["msg"]!;

    [Test]
    public void Query_WithoutUserAgent_Is500UnknownErrorCode()
    {
        // NQC query: @RequestHeader("User-Agent"); Spring's MissingRequestHeaderException reaches NBC's generic handler (500 KE-000000001).
        var answer = Post("SELECT 1", userAgent: null);
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(500));
            Assert.That(Msg(answer), Is.EqualTo("KE-000000001(UNKNOWN ERRORCODE): Required request header 'User-Agent' for method parameter type String is not present"));
        });
    }

    [Test]
    public void Query_BlankSql_Is500EmptySqlExpression()
    {
        // QS checkSqlRequest: blank sql is KE-010014004, outside the try (an envelope, not isException).
        var answer = Post("   ");
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(500));
            Assert.That(Msg(answer), Is.EqualTo("KE-010014004(Empty Sql Expression):SQL can’t be empty. Please check and try again."));
        });
    }

    [Test]
    public void Query_EmptyProject_Is500EmptyProjectName()
    {
        // NBC checkProjectName: empty is KE-010001002.
        var answer = Post("SELECT 1", project: string.Empty);
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(500));
            Assert.That(Msg(answer), Is.EqualTo("KE-010001002(Empty Project Name):Can’t find project information. Please select a project."));
        });
    }

    [Test]
    public void Query_UnknownProject_Is500ProjectNotExist()
    {
        // NBC checkProjectName: unknown is KE-010001201.
        var answer = Post("SELECT 1", project: "nope");
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(500));
            Assert.That(Msg(answer), Does.StartWith("KE-010001201: Can't find project \"nope\""));
        });
    }

    [Test]
    public void Query_BothForcedFlags_Is500ForcedToParams()
    {
        // NQC checkForcedToParams, before the project check; KE-020050001 has no description ("unknown").
        var answer = Post("SELECT 1", project: "nope", extra: "{\"forcedToPushDown\":true,\"forced_to_index\":true}");
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(500));
            Assert.That(Msg(answer), Does.StartWith("KE-020050001(unknown):Cannot force the query to pushdown and index at the same time."));
        });
    }

    [Test]
    public void Query_BadQueryId_Is400InvalidParameter()
    {
        // QS: UUID.fromString(queryId) throws IllegalArgumentException: NBC answers 400 KE-010000003.
        var answer = Post("SELECT 1", extra: "{\"queryId\":\"not-a-uuid\"}");
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(400));
            Assert.That(Msg(answer), Is.EqualTo("KE-010000003(Invalid Parameter):Invalid UUID string: not-a-uuid"));
        });
    }

    [Test]
    public void Query_GivenQueryId_IsEchoedLowerCased()
    {
        // UUID.fromString(v).toString() (§14).
        var answer = Post("SELECT 1", extra: "{\"queryId\":\"738FAD53-57A9-43FC-A186-B25D0993DFCB\"}");
        Assert.That((string?)answer.Data["queryId"], Is.EqualTo("738fad53-57a9-43fc-a186-b25d0993dfcb"));
    }

    [TestCase("INSERT INTO KYLIN_SALES VALUES (1)")]
    [TestCase("SHOW TABLES")]
    [TestCase("DESCRIBE KYLIN_SALES")]
    public void Query_NotSelect_Is200WithNotSupportedText(string sql)
    {
        // QueryUtil.isSelectStatement false: KylinException(PERMISSION_DENIED) caught inside the try: HTTP 200, isException.
        var answer = Post(sql);
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200));
            Assert.That((bool)answer.Data["isException"]!, Is.True);
            Assert.That((string?)answer.Data["exceptionMessage"], Is.EqualTo("This SQL is not supported at the moment. Please try a different SQL."));
            Assert.That(answer.Data["columnMetas"]!.Type, Is.EqualTo(Newtonsoft.Json.Linq.JTokenType.Null));
            Assert.That(answer.Data["realizations"]!.Type, Is.EqualTo(Newtonsoft.Json.Linq.JTokenType.Null));
        });
    }

    [Test]
    public void Query_ParseError_IsCalciteEncounteredText()
    {
        // §4.8: the SqlParseException's own text; only the first line is pinned.
        var answer = Post("SELECT FROM FROM KYLIN_SALES");
        Assert.Multiple(() =>
        {
            Assert.That((bool)answer.Data["isException"]!, Is.True);
            Assert.That((string?)answer.Data["exceptionMessage"], Does.StartWith("Encountered \"FROM\" at line 1, column "));
        });
    }

    [Test]
    public void Query_Backticks_AreALexicalError()
    {
        // KCB getCalciteQuoting DOUBLE_QUOTE: a backtick is no quote.
        var answer = Post("SELECT `PRICE` FROM KYLIN_SALES");
        Assert.That((string?)answer.Data["exceptionMessage"], Does.StartWith("Lexical error at line 1, column 8."));
    }

    [Test]
    public void Query_UnknownColumn_IsValidationErrorReordered()
    {
        // QEX newSqlException + QueryUtil.makeErrorMsgUserFriendly: three parts, reason first, then "while executing SQL".
        var answer = Post("select NOSUCH from KYLIN_SALES", limit: 500);
        Assert.That((string?)answer.Data["exceptionMessage"], Is.EqualTo(
            "From line 1, column 8 to line 1, column 13: Column 'NOSUCH' not found in any table\nwhile executing SQL: \"select NOSUCH from KYLIN_SALES\nLIMIT 500\""));
    }

    [Test]
    public void Query_UnknownTable_IsObjectNotFound()
    {
        // Calcite's validator: Object 'T' not found within 'DB'.
        var answer = Post("select * from DEFAULT2.NOPE", limit: 0);
        Assert.That((string?)answer.Data["exceptionMessage"], Is.EqualTo(
            "From line 1, column 24 to line 1, column 27: Object 'NOPE' not found within 'DEFAULT2'\nwhile executing SQL: \"select * from DEFAULT2.NOPE\""));
    }

    [Test]
    public void Query_PushDownOffAndNoModel_IsNoRealizationFound()
    {
        // §4.6: push-down off by project config (ProjectService.updatePushDownConfig): the original NoRealizationFoundException text.
        var config = Http.Put($"/kylin/api/projects/{Project}/push_down_config", "{\"push_down_enabled\":false}");
        var answer = Post("SELECT COUNT(*) FROM KYLIN_SALES S INNER JOIN KYLIN_ACCOUNT A ON S.SELLER_ID = A.ACCOUNT_ID");
        Assert.Multiple(() =>
        {
            Assert.That(config.Status, Is.EqualTo(200), config.Text);
            Assert.That((bool)answer.Data["isException"]!, Is.True);
            Assert.That((string?)answer.Data["exceptionMessage"], Does.StartWith("No realization found for OLAPContext"));
            Assert.That((string?)answer.Data["exceptionMessage"], Does.Contain("\nwhile executing SQL: \""));
        });
    }

    [Test]
    public void PushDownConfig_WithoutTheFlag_IsRequestParameterEmpty()
    {
        // NProjectController.updatePushDownConfig: checkRequiredArg("push_down_enabled", ...).
        var answer = Http.Put($"/kylin/api/projects/{Project}/push_down_config", "{}");
        Assert.That(((int)answer.Status, (string)answer.Json["msg"]!), Is.EqualTo((500, "KE-010043201: Request parameter \"push_down_enabled\" is empty or value is empty. Please check the request parameters.")));
    }

    [Test]
    public void Query_ForcedToIndexWithoutModel_IsNoRealizationFound()
    {
        // QRE shouldPushdown: forced_to_index never pushes down.
        var answer = Post("SELECT COUNT(*) FROM KYLIN_SALES S INNER JOIN KYLIN_ACCOUNT A ON S.SELLER_ID = A.ACCOUNT_ID", extra: "{\"forced_to_index\":true}");
        Assert.That((string?)answer.Data["exceptionMessage"], Does.StartWith("No realization found for OLAPContext"));
    }

    [Test]
    public void Query_ForcedToPushDownWithPushDownOff_AsksToTurnItOn()
    {
        // PushDownUtil.checkPushDownIncapable.
        Http.Put($"/kylin/api/projects/{Project}/push_down_config", "{\"push_down_enabled\":false}");
        var answer = Post("SELECT COUNT(*) FROM KYLIN_SALES", extra: "{\"forcedToPushDown\":true}");
        Assert.That((string?)answer.Data["exceptionMessage"], Is.EqualTo("You should turn on pushdown button if you want to pushdown."));
    }

    [Test]
    public void Query_WithoutEngine_FailsNamingThePackage()
    {
        // The core package has no engine: a query fails inside the try (isException), naming KylinMock.Sql.
        using var bare = KylinMockServer.Start(new KylinMockOptions { Clock = Clock, JobCount = 0 });
        using var http = new KylinHttp(bare.Url);
        var project = bare.Jobs.Projects()[0].Name;
        var answer = http.Send(HttpMethod.Post, "/kylin/api/query", $"{{\"project\":\"{project}\",\"sql\":\"SELECT 1\"}}", userAgent: "curl/8");
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200));
            Assert.That((bool)answer.Data["isException"]!, Is.True);
            Assert.That((string?)answer.Data["exceptionMessage"], Does.Contain("KylinMock.Sql"));
        });
    }
}
