using System.Diagnostics;
using KylinMock.Clocks;
using KylinMock.Control;
using KylinMock.Tests.Support;
using Newtonsoft.Json.Linq;

namespace KylinMock.Tests.Faces.Control;

/// <summary>The control API under /__kylinmock/ over HTTP.</summary>
public class ControlApiTests
{
    private static readonly DateTimeOffset Start = Estates.Now;

    [Test]
    public void Health_IsUpWithTheJobCountAndNow()
    {
        using var kylin = Manual(out _);
        using var http = new KylinHttp(kylin.Url);
        var health = http.Get("/__kylinmock/health", authorization: null).Json;
        Assert.Multiple(() =>
        {
            Assert.That((string?)health["status"], Is.EqualTo("UP"));
            Assert.That((int)health["jobs"]!, Is.EqualTo(40));
            Assert.That((long)health["now"]!, Is.EqualTo(Start.ToUnixTimeMilliseconds()));
        });
    }

    [Test]
    public void Clock_CanBeReadSetAndAdvanced_AndJobsCatchUp()
    {
        using var kylin = Manual(out var clock);
        using var http = new KylinHttp(kylin.Url);
        var submitted = Control(http, HttpMethod.Post, "/__kylinmock/jobs/submit",
            """{"project":"p","job_name":"TABLE_SAMPLING","target_model":"DB.T","plan":{"pickup_delay_ms":1000,"step_durations_ms":[5000,5000]}}""").Json;
        var id = (string)submitted["id"]!;
        Assert.That((string?)submitted["job_status"], Is.EqualTo("PENDING"));

        var advanced = Control(http, HttpMethod.Post, "/__kylinmock/clock/advance", """{"ms": 2000}""").Json;
        Assert.That((long)advanced["now"]!, Is.EqualTo(Start.ToUnixTimeMilliseconds() + 2000));
        Assert.That(StatusOf(http, id), Is.EqualTo("RUNNING"));

        Control(http, HttpMethod.Post, "/__kylinmock/clock/advance", """{"duration": "PT5M"}""");
        Assert.That(StatusOf(http, id), Is.EqualTo("FINISHED"));

        var set = Control(http, HttpMethod.Put, "/__kylinmock/clock", """{"now": "2027-01-01T00:00:00Z"}""").Json;
        Assert.Multiple(() =>
        {
            Assert.That((string?)set["iso"], Is.EqualTo("2027-01-01T00:00:00.000Z"));
            Assert.That(clock.GetUtcNow(), Is.EqualTo(DateTimeOffset.Parse("2027-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That((long)Control(http, HttpMethod.Get, "/__kylinmock/clock").Json["now"]!, Is.EqualTo(1798761600000));
        });
    }

    [TestCase("""{"now": 0}""")]
    [TestCase("""{"now": "soon"}""")]
    public void Clock_Set_BackwardsOrUnreadable_IsRefused(string body)
    {
        using var kylin = Manual(out _);
        using var http = new KylinHttp(kylin.Url);
        var answer = Control(http, HttpMethod.Put, "/__kylinmock/clock", body);
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(400));
            Assert.That((string?)answer.Json["error"], Is.Not.Empty);
        });
    }

    [Test]
    public void Clock_OfTheEmbeddingTest_CannotBeMovedOverHttp()
    {
        using var kylin = KylinMockServer.Start(new KylinMockOptions { JobCount = 3 });
        using var http = new KylinHttp(kylin.Url);
        Assert.That(Control(http, HttpMethod.Post, "/__kylinmock/clock/advance", """{"ms": 5}""").Status, Is.EqualTo(409));
    }

    [Test]
    public void Clock_FakeTimeProvider_IsMovedThroughItsOwnMethods()
    {
        using var live = new LiveServer();
        Control(live.Http, HttpMethod.Post, "/__kylinmock/clock/advance", """{"ms": 1500}""");
        Assert.That(live.Clock.GetUtcNow(), Is.EqualTo(Start.AddMilliseconds(1500)));
    }

    [Test]
    public void Reset_RestoresTheEstateTheClockAndForgetsFaultsAndJournal()
    {
        using var kylin = Manual(out var clock);
        using var http = new KylinHttp(kylin.Url);
        var before = http.Get("/kylin/api/jobs?time_filter=4&page_size=100").Text;
        var pending = http.Get("/kylin/api/jobs?time_filter=4&statuses=PENDING,RUNNING&page_size=100").Ids;
        http.Put("/kylin/api/jobs/status", new JObject { ["action"] = "DISCARD", ["job_ids"] = new JArray(pending) }.ToString());
        Control(http, HttpMethod.Post, "/__kylinmock/clock/advance", """{"duration": "P1D"}""");
        Control(http, HttpMethod.Post, "/__kylinmock/faults", """{"kind":"error","error_code":"KE-1"}""");

        var reset = Control(http, HttpMethod.Post, "/__kylinmock/reset");
        Assert.Multiple(() =>
        {
            Assert.That(reset.Status, Is.EqualTo(200));
            Assert.That(clock.GetUtcNow(), Is.EqualTo(Start));
            Assert.That(Control(http, HttpMethod.Get, "/__kylinmock/faults").Json["faults"], Is.Empty);
            Assert.That((long)Control(http, HttpMethod.Get, "/__kylinmock/journal").Json["total"]!, Is.Zero);
            Assert.That(http.Get("/kylin/api/jobs?time_filter=4&page_size=100").Text, Is.EqualTo(before));
        });
    }

    [Test]
    public void Jobs_Get_ShowsEveryJobWithItsStatePlanAndHistory_AsALoadableFixture()
    {
        using var kylin = Manual(out _);
        using var http = new KylinHttp(kylin.Url);
        var text = Control(http, HttpMethod.Get, "/__kylinmock/jobs").Text;
        var document = JObject.Parse(text);
        var first = (string)document["jobs"]![0]!["id"]!;
        Assert.Multiple(() =>
        {
            Assert.That((JArray)document["jobs"]!, Has.Count.EqualTo(40));
            Assert.That((string?)document["mock_jobs"]![first]!["state"], Is.Not.Null);
            Assert.That(document["mock_jobs"]![first]!["history"], Is.Not.Empty);
            Assert.That(document["mock_jobs"]![first]!["plan"]!["step_durations_ms"], Is.Not.Empty);
            Assert.That(KylinMock.Fixtures.FixtureReader.Read(new StringReader(text), "get").Estate.Jobs, Has.Count.EqualTo(40));
        });
    }

    [Test]
    public void Jobs_Post_AddsJobsInTheFixtureShape_AndPutReplacesThemAll()
    {
        using var kylin = Manual(out _);
        using var http = new KylinHttp(kylin.Url);
        var captured = File.ReadAllText(Estates.CapturedList);
        Assert.That((int)Control(http, HttpMethod.Post, "/__kylinmock/jobs", captured).Json["jobs"]!, Is.EqualTo(50));
        Assert.That(Control(http, HttpMethod.Post, "/__kylinmock/jobs", captured).Status, Is.EqualTo(400), "the same ids twice");
        Assert.That((int)Control(http, HttpMethod.Put, "/__kylinmock/jobs", captured).Json["jobs"]!, Is.EqualTo(10));
        Assert.That((int)http.Get("/kylin/api/jobs?time_filter=4").Data["total_size"]!, Is.EqualTo(10));
    }

    [Test]
    public void Jobs_Post_BadJobs_IsA400NamingTheField()
    {
        using var kylin = Manual(out _);
        using var http = new KylinHttp(kylin.Url);
        var answer = Control(http, HttpMethod.Post, "/__kylinmock/jobs", """[{"id":"x","job_status":"LOST"}]""");
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(400));
            Assert.That((string?)answer.Json["error"], Does.Contain("job #0 (id \"x\"): field \"job_status\""));
        });
    }

    [Test]
    public void Jobs_Patch_ScriptsAJobsOutcome()
    {
        using var kylin = Manual(out _);
        using var http = new KylinHttp(kylin.Url);
        var id = (string)Control(http, HttpMethod.Post, "/__kylinmock/jobs/submit", """{"project":"p","target_model":"m"}""").Json["id"]!;
        var patched = Control(http, HttpMethod.Patch, "/__kylinmock/jobs/" + id,
            """{"plan":{"pickup_delay_ms":0,"step_durations_ms":[1000,1000,1000],"fail_at_step":0,"failing_runs":1,"failure_message":"disk full"}}""");
        Assert.That((int)patched.Json["plan"]!["fail_at_step"]!, Is.Zero);
        Control(http, HttpMethod.Post, "/__kylinmock/clock/advance", """{"ms": 1000}""");
        Assert.Multiple(() =>
        {
            Assert.That(StatusOf(http, id), Is.EqualTo("ERROR"));
            Assert.That(Control(http, HttpMethod.Patch, "/__kylinmock/jobs/nope", """{"plan":{}}""").Status, Is.EqualTo(404));
        });
    }

    [TestCase("""{"plan":{"pickup_delay_ms":-1}}""", "plan: field \"pickup_delay_ms\": must not be negative, was -1")]
    [TestCase("""{"plan":{"step_durations_ms":[1000,-5]}}""", "plan: field \"step_durations_ms\": must not be negative, was -5")]
    [TestCase("""{"plan":{"failing_runs":"twice"}}""", "plan: field \"failing_runs\": expected an integer, found the string \"twice\"")]
    public void Jobs_Patch_ABadPlan_IsA400NamingTheFieldAndChangesNothing(string body, string error)
    {
        using var kylin = Manual(out _);
        using var http = new KylinHttp(kylin.Url);
        var id = (string)Control(http, HttpMethod.Post, "/__kylinmock/jobs/submit", """{"project":"p","target_model":"m"}""").Json["id"]!;
        var before = kylin.Jobs.Find(id)!.Plan;
        var answer = Control(http, HttpMethod.Patch, "/__kylinmock/jobs/" + id, body);
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(400));
            Assert.That((string?)answer.Json["error"], Is.EqualTo(error));
            Assert.That(kylin.Jobs.Find(id)!.Plan, Is.SameAs(before));
        });
    }

    [Test]
    public void Faults_ErrorForTheNextCall_AnswersKylinsEnvelopeOnce()
    {
        using var kylin = Manual(out _);
        using var http = new KylinHttp(kylin.Url);
        var fault = Control(http, HttpMethod.Post, "/__kylinmock/faults",
            """{"kind":"error","path":"/kylin/api/jobs","method":"GET","error_code":"KE-010032219","message":"Can't find job \"x\". Please check and try again.","http_status":500,"times":1}""").Json;
        var failed = http.Get("/kylin/api/jobs?time_filter=4");
        Assert.Multiple(() =>
        {
            Assert.That((string?)fault["id"], Is.Not.Empty);
            Assert.That(failed.Status, Is.EqualTo(500));
            Assert.That((string?)failed.Json["msg"], Is.EqualTo("KE-010032219: Can't find job \"x\". Please check and try again."));
            Assert.That((string?)failed.Json["error_code"], Is.EqualTo("KE-010032219"));
            Assert.That(http.Get("/kylin/api/jobs?time_filter=4").Status, Is.EqualTo(200), "the fault hit the next call only");
            Assert.That(Control(http, HttpMethod.Get, "/__kylinmock/faults").Json["faults"], Is.Empty);
        });
    }

    [Test]
    public void Faults_Delay_HoldsTheAnswer()
    {
        using var kylin = Manual(out _);
        using var http = new KylinHttp(kylin.Url);
        Control(http, HttpMethod.Post, "/__kylinmock/faults", """{"kind":"delay","delay_ms":300}""");
        var watch = Stopwatch.StartNew();
        Assert.That(http.Get("/kylin/api/jobs?time_filter=4").Status, Is.EqualTo(200));
        Assert.That(watch.ElapsedMilliseconds, Is.GreaterThanOrEqualTo(290));
    }

    [Test]
    public void Faults_Drop_ClosesTheConnection()
    {
        using var kylin = Manual(out _);
        using var http = new KylinHttp(kylin.Url);
        Control(http, HttpMethod.Post, "/__kylinmock/faults", """{"kind":"drop","times":1}""");
        Assert.Throws<HttpRequestException>(() => http.Get("/kylin/api/jobs?time_filter=4"));
        Assert.That(http.Get("/kylin/api/jobs?time_filter=4").Status, Is.EqualTo(200));
    }

    [Test]
    public void Faults_Malformed_IsA200ThatIsNotJson()
    {
        using var kylin = Manual(out _);
        using var http = new KylinHttp(kylin.Url);
        Control(http, HttpMethod.Post, "/__kylinmock/faults", """{"kind":"malformed","path":"/kylin/api/jobs"}""");
        var answer = http.Get("/kylin/api/jobs?time_filter=4");
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200));
            Assert.Throws<Newtonsoft.Json.JsonReaderException>(() => JObject.Parse(answer.Text));
        });
    }

    [Test]
    public void Faults_WithAProbability_HitTheSameCallsForTheSameSeed()
    {
        string Pattern()
        {
            using var kylin = Manual(out _);
            using var http = new KylinHttp(kylin.Url);
            Control(http, HttpMethod.Post, "/__kylinmock/faults", """{"kind":"error","error_code":"KE-1","probability":0.3,"seed":11}""");
            return string.Concat(Enumerable.Range(0, 30).Select(_ => http.Get("/kylin/api/jobs?time_filter=4").Status == 200 ? '.' : 'x'));
        }

        var first = Pattern();
        var second = Pattern();
        Assert.Multiple(() =>
        {
            Assert.That(second, Is.EqualTo(first));
            Assert.That(first, Does.Contain("x").And.Contain("."));
        });
    }

    [Test]
    public void Faults_CanBeListedDeletedAndCleared()
    {
        using var kylin = Manual(out _);
        using var http = new KylinHttp(kylin.Url);
        var a = (string)Control(http, HttpMethod.Post, "/__kylinmock/faults", """{"kind":"delay","delay_ms":1}""").Json["id"]!;
        Control(http, HttpMethod.Post, "/__kylinmock/faults", """{"kind":"drop","times":3}""");
        Assert.That((JArray)Control(http, HttpMethod.Get, "/__kylinmock/faults").Json["faults"]!, Has.Count.EqualTo(2));
        Assert.That(Control(http, HttpMethod.Delete, "/__kylinmock/faults/" + a).Status, Is.EqualTo(200));
        Assert.That(Control(http, HttpMethod.Delete, "/__kylinmock/faults/" + a).Status, Is.EqualTo(404));
        Control(http, HttpMethod.Delete, "/__kylinmock/faults");
        Assert.That(Control(http, HttpMethod.Get, "/__kylinmock/faults").Json["faults"], Is.Empty);
    }

    [TestCase("""{"kind":"explode"}""")]
    [TestCase("""{"kind":"error"}""")]
    [TestCase("""{"kind":"delay","delay_ms":"long"}""")]
    [TestCase("""{"kind":"delay","probability":2}""")]
    [TestCase("""not json""")]
    public void Faults_Unusable_AreRefusedWith400(string body)
    {
        using var kylin = Manual(out _);
        using var http = new KylinHttp(kylin.Url);
        Assert.That(Control(http, HttpMethod.Post, "/__kylinmock/faults", body).Status, Is.EqualTo(400));
    }

    [Test]
    public void Journal_RecordsKylinRequests_WithCredentialsRedacted_AndFilters()
    {
        using var kylin = Manual(out _);
        using var http = new KylinHttp(kylin.Url);
        http.Get("/kylin/api/jobs?time_filter=4&page_size=1");
        http.Get("/kylin/api/jobs?time_filter=4", authorization: KylinHttp.Basic("ADMIN", "wrong-secret"));
        http.Put("/kylin/api/jobs/status", """{"action":"PAUSE"}""");
        Control(http, HttpMethod.Get, "/__kylinmock/health");
        var all = Control(http, HttpMethod.Get, "/__kylinmock/journal").Json;
        var requests = (JArray)all["requests"]!;
        Assert.Multiple(() =>
        {
            Assert.That((long)all["total"]!, Is.EqualTo(3), "control calls are not journaled");
            Assert.That(requests.Select(r => (string?)r["method"]), Is.EqualTo(new[] { "GET", "GET", "PUT" }));
            Assert.That(requests.Select(r => (int)r["status"]!), Is.EqualTo(new[] { 200, 401, 500 }));
            Assert.That((string?)requests[0]["query"], Is.EqualTo("time_filter=4&page_size=1"));
            Assert.That((string?)requests[2]["body"], Is.EqualTo("""{"action":"PAUSE"}"""));
            Assert.That(requests.Select(r => (string?)r["headers"]!["Authorization"]), Is.All.EqualTo("Basic [redacted]"));
            Assert.That(all.ToString(), Does.Not.Contain("QURNSU46S1lMSU4").And.Not.Contain("wrong-secret"));
            Assert.That((JArray)Control(http, HttpMethod.Get, "/__kylinmock/journal?status=401").Json["requests"]!, Has.Count.EqualTo(1));
            Assert.That((JArray)Control(http, HttpMethod.Get, "/__kylinmock/journal?method=put&path=status").Json["requests"]!, Has.Count.EqualTo(1));
        });
        Control(http, HttpMethod.Delete, "/__kylinmock/journal");
        Assert.That(Control(http, HttpMethod.Get, "/__kylinmock/journal").Json["requests"], Is.Empty);
    }

    [Test]
    public void Journal_IsBounded_KeepingTheNewest()
    {
        using var kylin = Manual(out _, new KylinMockOptions { JournalCapacity = 3 });
        using var http = new KylinHttp(kylin.Url);
        for (var i = 0; i < 10; i++)
        {
            http.Get($"/kylin/api/jobs?time_filter=4&page_size={i + 1}");
        }

        var journal = kylin.Journal;
        Assert.Multiple(() =>
        {
            Assert.That(journal.Total, Is.EqualTo(10));
            Assert.That(journal.Entries().Select(e => e.Sequence), Is.EqualTo(new long[] { 8, 9, 10 }));
        });
    }

    [Test]
    public void Token_ProtectsEveryControlOperationButHealth()
    {
        using var kylin = Manual(out _, new KylinMockOptions { ControlToken = "s3cr3t" });
        using var http = new KylinHttp(kylin.Url);
        Assert.Multiple(() =>
        {
            Assert.That(http.Get("/__kylinmock/health", authorization: null).Status, Is.EqualTo(200));
            Assert.That(Control(http, HttpMethod.Get, "/__kylinmock/clock").Status, Is.EqualTo(401));
            Assert.That(Control(http, HttpMethod.Post, "/__kylinmock/reset").Status, Is.EqualTo(401));
            Assert.That(Control(http, HttpMethod.Get, "/__kylinmock/clock", token: "s3cr3t").Status, Is.EqualTo(200));
        });
    }

    [Test]
    public void UnknownControlOperation_IsA404WithAnError()
    {
        using var kylin = Manual(out _);
        using var http = new KylinHttp(kylin.Url);
        var answer = Control(http, HttpMethod.Get, "/__kylinmock/nothing");
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(404));
            Assert.That((string?)answer.Json["error"], Does.Contain("/__kylinmock/nothing"));
        });
    }

    [Test]
    public void InProcess_FaultsAndJournal_AreTheSameObjectsTheHttpApiUses()
    {
        using var kylin = Manual(out _);
        using var http = new KylinHttp(kylin.Url);
        kylin.Faults.Add(new FaultRule { Kind = FaultKind.Error, ErrorCode = "KE-010001201", HttpStatus = 500, Times = 1 });
        Assert.Multiple(() =>
        {
            Assert.That(http.Get("/kylin/api/jobs?time_filter=4").Status, Is.EqualTo(500));
            Assert.That(kylin.Journal.Entries(status: 500), Has.Count.EqualTo(1));
        });
    }

    private static KylinMockServer Manual(out ManualClock clock, KylinMockOptions? options = null)
    {
        clock = new ManualClock(Start);
        return KylinMockServer.Start((options ?? new KylinMockOptions()) with { Clock = clock, Seed = 5, JobCount = 40 });
    }

    private static KylinHttp.Answer Control(KylinHttp http, HttpMethod method, string path, string? body = null, string? token = null)
    {
        var headers = token is null ? null : token;
        return http.Send(method, path, body, authorization: null, accept: "application/json", controlToken: headers);
    }

    private static string StatusOf(KylinHttp http, string id) =>
        (string)http.Get($"/kylin/api/jobs?time_filter=4&key={id}").Data["value"]![0]!["job_status"]!;
}
