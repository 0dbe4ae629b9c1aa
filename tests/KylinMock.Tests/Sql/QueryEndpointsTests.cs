using KylinMock.Tests.Support;
using Newtonsoft.Json.Linq;

namespace KylinMock.Tests.Sql;

/// <summary>The query API's neighbours (contract §6, §7, §9): faces, prestate, stop, saved queries, download, history, and the control plane's rows.</summary>
public sealed class QueryEndpointsTests : SqlEstateTest
{
    private const string Count = "SELECT COUNT(*) FROM KYLIN_SALES";

    [Test]
    public void Query_V2Accept_AnswersSqlResponseV2WithCube()
    {
        // NQueryControllerV2.query: SQLResponseV2 in the envelope: appMasterURL in field position, cube, totalScanCount, sparderUsed; no User-Agent needed.
        var answer = Post(Count, accept: "application/vnd.apache.kylin-v2+json", userAgent: null);
        var keys = ((JObject)answer.Data).Properties().Select(p => p.Name).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
            Assert.That(keys[7], Is.EqualTo("appMasterURL"));
            Assert.That((string?)answer.Data["cube"], Is.EqualTo("CUBE[name=kylin_sales_model]"));
            Assert.That((bool)answer.Data["sparderUsed"]!, Is.True);
            Assert.That(keys, Does.Not.Contain("vacant").And.Not.Contain("executed_plan"));
        });
    }

    [TestCase("application/json")]
    [TestCase(null)]
    public void Query_PlainJsonOrNoAccept_AnswersTheBareSqlResponse(string? accept)
    {
        // NQueryControllerV2.query4JDBC: no envelope, no User-Agent check (§9, §14: Spring's tie-break puts application/json first).
        var answer = Post(Count, accept: accept, userAgent: null);
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
            Assert.That(answer.Json["code"], Is.Null);
            Assert.That(answer.Json["results"]![0]![0]!.ToString(), Is.EqualTo("3"));
        });
    }

    [Test]
    public void Prestate_DescribesColumnsWithoutRowsAndIsNotRecorded()
    {
        // NQC prepareQuery: DEBUG_TOGGLE_PREPARE_ONLY; results [], is_prepare, readOnly columns; not written to history (QS addToQueryHistory).
        var answer = Http.Send(HttpMethod.Post, "/kylin/api/query/prestate", $"{{\"project\":\"{Project}\",\"sql\":\"{Count}\"}}");
        var history = Http.Get($"/kylin/api/query/history_queries?project={Project}");
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
            Assert.That(answer.Data["results"], Is.EqualTo(new JArray()));
            Assert.That((bool)answer.Data["is_prepare"]!, Is.True);
            Assert.That((bool)answer.Data["columnMetas"]![0]!["readOnly"]!, Is.True);
            Assert.That((int)history.Data["size"]!, Is.EqualTo(0));
        });
    }

    [Test]
    public void StopQuery_InFlight_AnswersStoppedByUser()
    {
        // SlowQueryDetector.stopQuery by stopId: the running query ends with "Stopped by user." and is_stop_by_user (§2.4, §6.2).
        var latency = Http.Send(HttpMethod.Put, "/__kylinmock/query/latency", "{\"ms\":60000}");
        Assert.That(latency.Status, Is.EqualTo(200), latency.Text);
        var running = Task.Run(() => Post(Count, extra: "{\"stopId\":\"stop-me\"}"));
        while (!Http.Get("/__kylinmock/queries").Json["running"]!.Any(r => (string?)r == "stop-me"))
        {
            Assert.That(running.IsCompleted, Is.False, "the query ended before it was stopped");
        }

        var stop = Http.Send(HttpMethod.Delete, "/kylin/api/query/stop-me");
        var answer = running.GetAwaiter().GetResult();
        Assert.Multiple(() =>
        {
            Assert.That(stop.Text, Is.EqualTo("{\"code\":\"000\",\"data\":\"\",\"msg\":\"\"}"));
            Assert.That((string?)answer.Data["exceptionMessage"], Is.EqualTo("Stopped by user."));
            Assert.That((bool)answer.Data["is_stop_by_user"]!, Is.True);
            Assert.That(answer.Data["columnMetas"], Is.EqualTo(new JArray()));
        });
    }

    [Test]
    public void StopQuery_UnknownId_SucceedsSilently()
    {
        // SlowQueryDetector.stopQuery: nothing to stop is no error.
        Assert.That(Http.Send(HttpMethod.Delete, "/kylin/api/query/nothing").Status, Is.EqualTo(200));
    }

    [Test]
    public void SavedQueries_SaveListRemove_WithKylinsRefusals()
    {
        // NQC saveQuery/getSavedQueries/removeSavedQuery (§6.5): name rules, duplicates, hash ids.
        var body = $"{{\"name\":\"q1\",\"project\":\"{Project}\",\"sql\":\"{Count}\",\"description\":\"d\"}}";
        var saved = Http.Send(HttpMethod.Post, "/kylin/api/query/saved_queries", body);
        var again = Http.Send(HttpMethod.Post, "/kylin/api/query/saved_queries", body);
        var badName = Http.Send(HttpMethod.Post, "/kylin/api/query/saved_queries", $"{{\"name\":\"q 1\",\"project\":\"{Project}\",\"sql\":\"x\"}}");
        var list = Http.Get($"/kylin/api/query/saved_queries?project={Project}");
        var id = (string)list.Data["value"]![0]!["id"]!;
        Http.Send(HttpMethod.Delete, $"/kylin/api/query/saved_queries/{id}?project={Project}");
        var after = Http.Get($"/kylin/api/query/saved_queries?project={Project}");
        Assert.Multiple(() =>
        {
            Assert.That(saved.Status, Is.EqualTo(200), saved.Text);
            Assert.That((string)again.Json["msg"]!, Is.EqualTo("KE-010027006(Can't save the query):Query named \"q1\" already exists. Please check and try again."));
            Assert.That((string)badName.Json["msg"]!, Is.EqualTo("KE-010000004(Invalid Name):Query name should only contain alphanumerics and underscores."));
            Assert.That((int)list.Data["total_size"]!, Is.EqualTo(1));
            Assert.That((int)after.Data["total_size"]!, Is.EqualTo(0));
        });
    }

    [Test]
    public void Download_FormPost_IsCsvWithBomAndLabels()
    {
        // NQC downloadQueryResult (§6.4): BOM, header of labels, rows, \r\n; an attachment named by the clock.
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, Kylin.Url + "/kylin/api/query/format/csv")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["sql"] = "SELECT TRANS_ID, PRICE FROM KYLIN_SALES ORDER BY TRANS_ID", ["project"] = Project, ["limit"] = "2" }),
        };
        request.Headers.TryAddWithoutValidation("Authorization", KylinHttp.AdminBasic);
        using var response = client.Send(request);
        var bytes = response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(200));
            Assert.That(bytes[..3], Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }), "the BOM");
            Assert.That(System.Text.Encoding.UTF8.GetString(bytes[3..]), Is.EqualTo("TRANS_ID,PRICE\r\n1,10.5000\r\n2,20.2500\r\n"));
            Assert.That(response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), Is.EqualTo("20260315120000000.result.csv"), "yyyyMMddHHmmssSSS of the clock");
            Assert.That(response.Content.Headers.ContentType?.ToString(), Is.EqualTo("text/csv; charset=utf-8"));
        });
    }

    [Test]
    public void History_RecordsEveryExecutedQueryNewestFirst()
    {
        // §7.1-7.3: successes and isException answers are recorded; error_type, engine_type, index_hit as QHS writes them.
        Post(Count);
        Post("SELECT NOPE FROM KYLIN_SALES");
        var raw = Http.Get($"/kylin/api/query/history_queries?project={Project}&offset=0&limit=20");
        var published = Http.Get($"/kylin/api/query/query_histories?project={Project}");
        var items = raw.Data["query_histories"]!;
        Assert.Multiple(() =>
        {
            Assert.That((int)raw.Data["size"]!, Is.EqualTo(2), raw.Text);
            Assert.That(((string?)items[0]!["query_status"], (string?)items[0]!["error_type"]), Is.EqualTo(("FAILED", "Syntax error")));
            Assert.That(((string?)items[1]!["engine_type"], (bool)items[1]!["index_hit"]!), Is.EqualTo(("NATIVE", true)));
            Assert.That((string?)items[1]!["sql_text"], Is.EqualTo(Count + "\nLIMIT 50000"));
            Assert.That(((JObject)published.Data["query_histories"]![0]!).Properties().First().Name, Is.EqualTo("queryRealizations"));
        });
    }

    [Test]
    public void History_StartTimeWithoutEnd_Is400()
    {
        // QHS: 'start time from' and 'start time to' must be used together.
        var answer = Http.Get($"/kylin/api/query/history_queries?project={Project}&start_time_from=1");
        Assert.That(((int)answer.Status, (string)answer.Json["msg"]!), Is.EqualTo((400, "KE-010000003(Invalid Parameter):'start time from' and 'start time to' must be used together.")));
    }

    [Test]
    public void ControlRows_ReplaceAsCsvThenExport_IsWhatQueriesRead()
    {
        // The control plane states a table's rows (CSV with a header line) and exports them as Kylin encodes cells.
        var put = Http.Send(HttpMethod.Put, $"/__kylinmock/tables/{Project}/DEFAULT.KYLIN_ACCOUNT/rows", "ACCOUNT_ID,ACCOUNT_COUNTRY\n10,DE\n30,\"F,R\"\n", contentType: "text/csv");
        var export = Http.Get($"/__kylinmock/tables/{Project}/DEFAULT.KYLIN_ACCOUNT/rows");
        var answer = Post("SELECT ACCOUNT_COUNTRY FROM KYLIN_ACCOUNT ORDER BY ACCOUNT_ID");
        Assert.Multiple(() =>
        {
            Assert.That(put.Status, Is.EqualTo(200), put.Text);
            Assert.That(export.Json["rows"]!.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo("[[\"10\",\"DE\"],[\"30\",\"F,R\"]]"));
            Assert.That(Results(answer), Is.EqualTo(new[] { new[] { "DE" }, new[] { "F,R" } }), answer.Text);
        });
    }

    [Test]
    public void ControlRows_BadCell_Is400AndChangesNothing()
    {
        // A refused request changes nothing: the old rows stay.
        var put = Http.Send(HttpMethod.Put, $"/__kylinmock/tables/{Project}/DEFAULT.KYLIN_ACCOUNT/rows", "{\"rows\":[[\"x\",\"DE\"]]}");
        Assert.Multiple(() =>
        {
            Assert.That(put.Status, Is.EqualTo(400), put.Text);
            Assert.That(Kylin.Rows.Read(Project, "DEFAULT.KYLIN_ACCOUNT"), Has.Count.EqualTo(2));
        });
    }

    [Test]
    public void QueryFault_ArmedLikeTheJobApis_AnswersTheInjectedError()
    {
        // The control plane's faults match any Kylin path, the query API's too.
        var armed = Http.Send(HttpMethod.Post, "/__kylinmock/faults", "{\"method\":\"POST\",\"path\":\"/kylin/api/query\",\"kind\":\"error\",\"http_status\":500,\"error_code\":\"KE-010000003\",\"message\":\"boom\"}");
        var answer = Post(Count);
        Assert.Multiple(() =>
        {
            Assert.That(armed.Status, Is.EqualTo(200), armed.Text);
            Assert.That(answer.Status, Is.EqualTo(500), answer.Text);
        });
    }

    [Test]
    public void Journal_SeesQueries()
    {
        // The journal records the query API's requests like every Kylin endpoint's.
        Post(Count);
        Assert.That(Kylin.Journal.Entries().Any(e => e.Path == "/kylin/api/query" && e.Method == "POST"), Is.True);
    }
}
