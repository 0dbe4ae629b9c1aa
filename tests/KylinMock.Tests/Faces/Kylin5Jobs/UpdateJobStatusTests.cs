using KylinMock.Tests.Support;
using Newtonsoft.Json.Linq;

namespace KylinMock.Tests.Faces.Kylin5Jobs;

/// <summary>PUT /kylin/api/jobs/status over the hand-written capture (contract: "PUT /kylin/api/jobs/status").</summary>
public class UpdateJobStatusTests : ListJobsTestBase
{
    // The Chinese bundle is an explicit option (Kylin 5 itself answers in English, MsgPicker); these tests pin the bundle.
    private protected override KylinMockOptions? ServerOptions => new() { ChineseMessages = true };

    private const int Finished = 1;
    private const int Running = 2;
    private const int Pending = 3;
    private const int Error = 4;
    private const int Discarded = 6;
    private const int Stopped = 7;

    [SetUp]
    public void FreshEstate() => Kylin.Reset();

    [TestCase(Pending, "PAUSE", "STOPPED")]
    [TestCase(Pending, "DISCARD", "DISCARDED")]
    [TestCase(Running, "PAUSE", "STOPPED")]
    [TestCase(Running, "DISCARD", "DISCARDED")]
    [TestCase(Running, "RESTART", "PENDING")]
    [TestCase(Error, "RESUME", "PENDING")]
    [TestCase(Error, "DISCARD", "DISCARDED")]
    [TestCase(Error, "RESTART", "PENDING")]
    [TestCase(Stopped, "RESUME", "PENDING")]
    [TestCase(Stopped, "DISCARD", "DISCARDED")]
    [TestCase(Stopped, "RESTART", "PENDING")]
    public void AllowedAction_ByJobIds_Succeeds(int job, string action, string after)
    {
        var answer = Put(new JObject { ["action"] = action, ["job_ids"] = new JArray(Estates.Id(job)) });
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
            Assert.That(answer.Text, Is.EqualTo("{\"code\":\"000\",\"data\":\"\",\"msg\":\"\"}"));
            Assert.That(StatusOf(job), Is.EqualTo(after));
        });
    }

    [TestCase(Pending, "PENDING", "RESUME", "DISCARD, PAUSE")]
    [TestCase(Pending, "PENDING", "RESTART", "DISCARD, PAUSE")]
    [TestCase(Running, "RUNNING", "RESUME", "DISCARD, PAUSE, RESTART")]
    [TestCase(Error, "ERROR", "PAUSE", "RESUME, DISCARD, RESTART")]
    [TestCase(Stopped, "STOPPED", "PAUSE", "RESUME, DISCARD, RESTART")]
    [TestCase(Finished, "FINISHED", "RESUME", "")]
    [TestCase(Finished, "FINISHED", "DISCARD", "")]
    [TestCase(Finished, "FINISHED", "PAUSE", "")]
    [TestCase(Finished, "FINISHED", "RESTART", "")]
    [TestCase(Discarded, "DISCARDED", "RESUME", "")]
    [TestCase(Discarded, "DISCARDED", "DISCARD", "")]
    [TestCase(Discarded, "DISCARDED", "PAUSE", "")]
    [TestCase(Discarded, "DISCARDED", "RESTART", "")]
    public void RefusedAction_ByJobIds_IsKE010032217NamingTheAllowedActions(int job, string status, string action, string allowed)
    {
        var before = Everything();
        var answer = Put(new JObject { ["action"] = action, ["job_ids"] = new JArray(Estates.Id(job)) });
        AssertError(answer, 500,
            $"KE-010032217: Invalid value in parameter \"action\" or \"statuses\" or \"job_ids\", The value of \"statuses\" or the status of jobs specified by \"job_ids\" contains \"{status}\", this status of jobs can only perform the following actions: \"{allowed}\".",
            "KE-010032217");
        Assert.That(Everything(), Is.EqualTo(before));
    }

    [TestCase("{}")]
    [TestCase("{\"action\": \"\", \"job_ids\": [\"x\"]}")]
    [TestCase("{\"action\": \"  \", \"project\": \"SSB\"}")]
    [TestCase("{\"action\": null, \"project\": \"SSB\"}")]
    public void Action_MissingOrBlank_IsKE010043201WithHttp500(string body)
    {
        AssertError(Http.Put("/kylin/api/jobs/status", body), 500,
            "KE-010043201: Request parameter \"action\" is empty or value is empty. Please check the request parameters.", "KE-010043201");
    }

    [Test]
    public void JobIds_Unknown_IsKE010032219()
    {
        AssertError(Put(new JObject { ["action"] = "PAUSE", ["job_ids"] = new JArray(Estates.Id(Pending), "nope") }), 500,
            "KE-010032219: Can't find job \"nope\". Please check and try again.", "KE-010032219");
    }

    [Test]
    public void Statuses_NotAName_IsKE010032212()
    {
        Assert.That((string?)Put(new JObject { ["action"] = "PAUSE", ["project"] = "SSB", ["statuses"] = new JArray("pending") }).Json["error_code"], Is.EqualTo("KE-010032212"));
    }

    [Test]
    public void Action_NotKylins_IsKE010043207()
    {
        AssertError(Put(new JObject { ["action"] = "STOP", ["job_ids"] = new JArray(Estates.Id(Pending)) }), 500,
            "KE-010043207: The entered parameter \"action\" is invalid, only supports \"RESUME, DISCARD, PAUSE, RESTART\" at the moment. Please check and try again.",
            "KE-010043207");
    }

    [Test]
    public void Action_LowerCase_PassesValidationThenFailsKylinsCaseSensitiveLookupWithHttp400()
    {
        AssertError(Put(new JObject { ["action"] = "pause", ["job_ids"] = new JArray(Estates.Id(Pending)) }), 400,
            "KE-010000003(Invalid Parameter):No enum constant org.apache.kylin.job.constant.JobActionEnum.pause", "KE-010000003");
    }

    [Test]
    public void Action_LowerCase_ProjectWide_IsUpperCasedAndApplied()
    {
        // With no ids and no statuses Kylin checks nothing up front; updateJobStatus upper-cases the action.
        Assert.That(Put(new JObject { ["action"] = "discard", ["project"] = "SSB", ["statuses"] = new JArray() }).Status, Is.EqualTo(500));
        Kylin.Reset();
        var answer = Put(new JObject { ["action"] = "discard", ["project"] = "SSB", ["job_ids"] = new JArray() });
        Assert.That((string?)answer.Json["error_code"], Is.EqualTo("KE-010032211"), "j10 is FINISHED and stops the batch after the others were discarded");
        Assert.That(StatusOf(Pending), Is.EqualTo("DISCARDED"));
    }

    [Test]
    public void Action_NotKylins_ProjectWide_FailsOnTheFirstJobOnly()
    {
        AssertError(Put(new JObject { ["action"] = "STOP", ["project"] = "SSB" }), 500,
            "KE-010043207: The entered parameter \"action\" is invalid, only supports \"RESUME, DISCARD, PAUSE, RESTART\" at the moment. Please check and try again.",
            "KE-010043207");
    }

    [Test]
    public void NothingSelected_IsKE010032213()
    {
        AssertError(Put(new JObject { ["action"] = "PAUSE" }), 500, "KE-010032213: At least one job should be selected to PAUSE.", "KE-010032213");
    }

    [Test]
    public void Project_Unknown_IsKE010001201()
    {
        Assert.That((string?)Put(new JObject { ["action"] = "PAUSE", ["project"] = "nope" }).Json["error_code"], Is.EqualTo("KE-010001201"));
    }

    [Test]
    public void ProjectWide_FirstJobInAWrongState_IsKE010032211()
    {
        AssertError(Put(new JObject { ["action"] = "RESUME", ["project"] = "learn_kylin" }), 500,
            $"KE-010032211: Can't RESUME job \"{Estates.Id(Finished)}\", as it is in SUCCEED status.", "KE-010032211");
    }

    [Test]
    public void ProjectWide_InChinese_KeepsKylinsArgumentOrder()
    {
        var answer = Http.Put("/kylin/api/jobs/status", "{\"action\":\"RESUME\",\"project\":\"learn_kylin\"}", language: "zh");
        Assert.That((string?)answer.Json["msg"], Is.EqualTo($"KE-010032211: 无法 RESUME 状态为 {Estates.Id(Finished)} 的任务 ”SUCCEED”。"));
    }

    [Test]
    public void ProjectWide_FirstFailureStopsTheBatch_EarlierUpdatesStay()
    {
        // SSB in storage order: 3 PENDING (paused), 4 ERROR (cannot be paused: stop), 6, 8, 10 untouched.
        var answer = Put(new JObject { ["action"] = "PAUSE", ["project"] = "ssb" });
        Assert.Multiple(() =>
        {
            Assert.That((string?)answer.Json["msg"], Is.EqualTo($"KE-010032211: Can't PAUSE job \"{Estates.Id(Error)}\", as it is in ERROR status."));
            Assert.That(StatusOf(Pending), Is.EqualTo("STOPPED"));
            Assert.That(StatusOf(Error), Is.EqualTo("ERROR"));
        });
    }

    // Kylin filters the project's jobs by the listed ids: a job listed twice is still one job, updated once.
    [TestCase(null)]
    [TestCase("SSB")]
    public void JobIds_AnIdListedTwice_UpdatesTheJobOnce(string? project)
    {
        var body = new JObject { ["action"] = "PAUSE", ["job_ids"] = new JArray(Estates.Id(Pending), Estates.Id(Pending)) };
        if (project is not null)
        {
            body["project"] = project;
        }

        var answer = Put(body);
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
            Assert.That(StatusOf(Pending), Is.EqualTo("STOPPED"));
        });
    }

    [Test]
    public void ProjectWide_StatusesFilterTheProjectsJobs()
    {
        var answer = Put(new JObject { ["action"] = "DISCARD", ["project"] = "learn_kylin", ["statuses"] = new JArray("RUNNING", "STOPPED") });
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
            Assert.That(new[] { StatusOf(Running), StatusOf(Stopped) }, Is.All.EqualTo("DISCARDED"));
            Assert.That(StatusOf(Finished), Is.EqualTo("FINISHED"));
        });
    }

    [Test]
    public void ProjectForm_ListedJobsStatusJoinsTheStatusesFilter()
    {
        // checkJobStatusAndAction appends the listed jobs' statuses to the request's own list.
        var answer = Put(new JObject { ["action"] = "DISCARD", ["project"] = "learn_kylin", ["job_ids"] = new JArray(Estates.Id(Running)), ["statuses"] = new JArray("STOPPED") });
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
            Assert.That(StatusOf(Running), Is.EqualTo("DISCARDED"));
            Assert.That(StatusOf(Stopped), Is.EqualTo("STOPPED"), "the ids still restrict the selection");
        });
    }

    [Test]
    public void ProjectForm_IdsOfAnotherProject_AreIgnored()
    {
        var answer = Put(new JObject { ["action"] = "PAUSE", ["project"] = "SSB", ["job_ids"] = new JArray(Estates.Id(Running)) });
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200));
            Assert.That(StatusOf(Running), Is.EqualTo("RUNNING"));
        });
    }

    [Test]
    public void GlobalForm_UpdatesListedJobsInEveryProject()
    {
        var answer = Put(new JObject { ["action"] = "DISCARD", ["job_ids"] = new JArray(Estates.Id(Pending), Estates.Id(Running)) });
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200));
            Assert.That(new[] { StatusOf(Pending), StatusOf(Running) }, Is.All.EqualTo("DISCARDED"));
        });
    }

    [Test]
    public void Body_NotJson_IsFailedParseJsonWithHttp500()
    {
        var answer = Http.Put("/kylin/api/jobs/status", "action=PAUSE");
        AssertError(answer, 500, (string)answer.Json["msg"]!, null);
        Assert.That((string?)answer.Json["msg"], Does.StartWith("KE-000030001(Failed Parse Json): "));
    }

    [Test]
    public void Body_NotJson_InChinese_UsesTheChineseDescriptionAndSeparator()
    {
        var answer = Http.Put("/kylin/api/jobs/status", "{oops", language: "zh");
        Assert.That((string?)answer.Json["msg"], Does.StartWith("KE-000030001(Json解析失败)： "));
    }

    [TestCase("{\"action\":\"PAUSE\",\"job_ids\":\"abc\"}", "Cannot deserialize value of type `java.util.ArrayList<java.lang.String>` from String value")]
    [TestCase("{\"action\":{},\"job_ids\":[]}", "Cannot deserialize value of type `java.lang.String` from Object value")]
    [TestCase("[\"PAUSE\"]", "Cannot deserialize value of type `org.apache.kylin.rest.request.JobUpdateRequest` from Array value")]
    [TestCase("{\"action\":\"PAUSE\",\"job_ids\":null}", "null")]
    [TestCase("{\"action\":\"PAUSE\",", "Unexpected end-of-input")]
    public void Body_WrongShape_IsUnknownErrorWithHttp500(string body, string message)
    {
        var answer = Http.Put("/kylin/api/jobs/status", body);
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(500));
            Assert.That((string?)answer.Json["msg"], Does.StartWith("KE-000000001(UNKNOWN ERRORCODE): " + message));
            Assert.That(answer.Json["error_code"]!.Type, Is.EqualTo(JTokenType.Null));
        });
    }

    // Jackson reads the body through a JsonParser that rejects bad JSON text (JsonParseException, which
    // Kylin's ControllerAdvice answers as KE-000030001); the binder reads the whole first value once and
    // reports a syntax error in it before a wrong shape earlier in the same value.
    [TestCase("{\"action\":{},\"job_ids\":[}")]
    [TestCase("[\"PAUSE\",]")]
    public void Body_WrongShapeAndBadJsonText_IsFailedParseJson(string body)
    {
        var answer = Http.Put("/kylin/api/jobs/status", body);
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(500));
            Assert.That((string?)answer.Json["msg"], Does.StartWith("KE-000030001(Failed Parse Json): "));
        });
    }

    [Test]
    public void Body_Empty_IsRequiredRequestBodyIsMissing()
    {
        var answer = Http.Send(HttpMethod.Put, "/kylin/api/jobs/status", string.Empty);
        Assert.That((string?)answer.Json["msg"], Does.StartWith("KE-000000001(UNKNOWN ERRORCODE): Required request body is missing"));
    }

    [Test]
    public void Body_NotDeclaredAsJson_IsContentTypeNotSupported()
    {
        var answer = Http.Send(HttpMethod.Put, "/kylin/api/jobs/status", "{\"action\":\"PAUSE\"}", contentType: "text/plain");
        Assert.That((string?)answer.Json["msg"], Is.EqualTo("KE-000000001(UNKNOWN ERRORCODE): Content type 'text/plain' not supported"));
    }

    [Test]
    public void Body_ScalarsAreCoercedToStrings_AndUnknownFieldsIgnored()
    {
        var answer = Http.Put("/kylin/api/jobs/status", $"{{\"action\":\"PAUSE\",\"job_ids\":[\"{Estates.Id(Pending)}\"],\"extra\":{{\"deep\":[1,2,3]}}}} trailing");
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
            Assert.That(StatusOf(Pending), Is.EqualTo("STOPPED"));
        });
    }

    [TestCase("{\"action\":\"PAUSE\",\"job_ids\":\"abc\"}")]
    [TestCase("garbage")]
    [TestCase("{\"action\":\"RESUME\",\"job_ids\":[\"a1b2c3d4-0000-4000-8000-000000000004\",\"nope\"]}")]
    public void RejectedRequest_ChangesNoJob(string body)
    {
        var before = Everything();
        Assert.That(Http.Put("/kylin/api/jobs/status", body).Status, Is.Not.EqualTo(200));
        Assert.That(Everything(), Is.EqualTo(before));
    }

    private KylinHttp.Answer Put(JObject body) => Http.Put("/kylin/api/jobs/status", body.ToString());

    private string StatusOf(int job) =>
        (string)Http.Get("/kylin/api/jobs?time_filter=4&page_size=100").Data["value"]!.Single(j => (string?)j["id"] == Estates.Id(job))["job_status"]!;

    private string Everything() => Http.Get("/kylin/api/jobs?time_filter=4&page_size=100").Text;
}
