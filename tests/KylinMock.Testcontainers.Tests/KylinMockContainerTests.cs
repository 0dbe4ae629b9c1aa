using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace KylinMock.Testcontainers.Tests;

/// <summary>One container on a manual clock, reset before each test: the Kylin API and the control API over HTTP.</summary>
[NonParallelizable]
public class KylinMockContainerTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-03-15T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
    private KylinMockContainer kylin = null!;
    private HttpClient api = null!;

    [OneTimeSetUp]
    public async Task StartContainer()
    {
        kylin = Docker.Builder().WithManualClock(Start).WithJobs(20).Build();
        await kylin.StartAsync();
        api = kylin.CreateKylinClient();
    }

    [OneTimeTearDown]
    public async Task DisposeContainer()
    {
        api.Dispose();
        await kylin.DisposeAsync();
    }

    [SetUp]
    public Task Reset() => kylin.Control.ResetAsync();

    [Test]
    public async Task Container_Started_AnswersTheSeedDocumentsListWithItsCredentials()
    {
        var page = await Get("jobs?time_filter=0&page_size=1");
        Assert.Multiple(() =>
        {
            Assert.That(kylin.KylinUrl.AbsoluteUri, Does.Match(@"^http://127\.0\.0\.1:\d+/kylin/api/$"));
            Assert.That((string?)page["code"], Is.EqualTo("000"));
            Assert.That(page["data"]!["value"]!.AsArray(), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task Container_WrongPassword_IsRefusedAsKylinRefusesIt()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "jobs?time_filter=0");
        request.Headers.Authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{kylin.Username}:wrong")));
        using var answer = await api.SendAsync(request);
        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task ManualClock_SubmittedBuild_GoesFromPendingToFinishedAsTheClockMoves()
    {
        var job = await kylin.Control.SubmitJobAsync(new JsonObject
        {
            ["project"] = "learn_kylin",
            ["target_model"] = "m1",
            ["plan"] = new JsonObject { ["pickup_delay_ms"] = 1000, ["step_durations_ms"] = new JsonArray(1000, 1000, 1000) },
        });
        var id = (string)job["id"]!;

        var pending = await Status(id);
        await kylin.Control.AdvanceClockAsync(TimeSpan.FromMilliseconds(1500));
        var running = await Status(id);
        await kylin.Control.AdvanceClockAsync(TimeSpan.FromSeconds(5));
        Assert.Multiple(async () =>
        {
            Assert.That(pending, Is.EqualTo("PENDING"));
            Assert.That(running, Is.EqualTo("RUNNING"));
            Assert.That(await Status(id), Is.EqualTo("FINISHED"));
            Assert.That(await kylin.Control.GetNowAsync(), Is.EqualTo(Start.AddMilliseconds(6500)));
        });
    }

    [Test]
    public async Task Reset_AfterASubmitAndAClockMove_GivesTheStartingEstateAndClock()
    {
        await kylin.Control.SubmitJobAsync(new JsonObject { ["project"] = "learn_kylin", ["target_model"] = "m1" });
        await kylin.Control.SetNowAsync(Start.AddDays(1));

        await kylin.Control.ResetAsync();

        var health = await kylin.Control.HealthAsync();
        Assert.Multiple(async () =>
        {
            Assert.That((int)health["jobs"]!, Is.EqualTo(20));
            Assert.That(await kylin.Control.GetNowAsync(), Is.EqualTo(Start));
            Assert.That((await kylin.Control.GetJobsAsync())["jobs"]!.AsArray(), Has.Count.EqualTo(20));
        });
    }

    [Test]
    public async Task Faults_AnErrorForOneCall_HitsTheNextKylinCallOnly()
    {
        var fault = await kylin.Control.AddFaultAsync(new JsonObject
        {
            ["kind"] = "error", ["path"] = "/kylin/api/jobs", ["method"] = "GET", ["error_code"] = "KE-010032219",
            ["message"] = "Can't find job \"x\".", ["http_status"] = 500, ["times"] = 1,
        });

        using var first = await api.GetAsync("jobs?time_filter=0");
        var firstBody = JsonNode.Parse(await first.Content.ReadAsStringAsync())!;
        using var second = await api.GetAsync("jobs?time_filter=0");
        Assert.Multiple(() =>
        {
            Assert.That((string?)fault["id"], Is.Not.Empty);
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
            Assert.That((string?)firstBody["code"], Is.EqualTo("999"));
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task Journal_AResumeSent_IsVerifiedByItsCalls()
    {
        var id = (string)(await kylin.Control.SubmitJobAsync(new JsonObject { ["project"] = "learn_kylin", ["target_model"] = "m1" }))["id"]!;
        using var body = new StringContent($$"""{"action":"PAUSE","job_ids":["{{id}}"]}""", Encoding.UTF8, "application/json");
        using var pause = await api.PutAsync("jobs/status", body);

        var calls = await kylin.Control.GetCallsAsync(new Dictionary<string, string> { ["operation"] = "UpdateJobStatus", ["action"] = "PAUSE" });
        Assert.Multiple(() =>
        {
            Assert.That(pause.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((int)calls["count"]!, Is.EqualTo(1));
            Assert.That(calls["calls"]![0]!["status_update"]!["job_ids"]![0]!.GetValue<string>(), Is.EqualTo(id));
        });
    }

    [Test]
    public async Task Models_NextJobScripted_ForAModelOfTheEstateOnlyOrA404()
    {
        var models = await kylin.Control.GetModelsAsync();
        var uuid = (string)models["models"]![0]!["uuid"]!;

        await kylin.Control.ScriptNextJobAsync(uuid, new JsonObject { ["fail_at_step"] = 1 });
        var unknown = Assert.ThrowsAsync<HttpRequestException>(() => kylin.Control.ScriptNextJobAsync("no-such-model", new JsonObject()));
        Assert.That(unknown!.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public void Control_ClockMovedBackwards_ThrowsWithTheMocksError()
    {
        var refused = Assert.ThrowsAsync<HttpRequestException>(() => kylin.Control.SetNowAsync(Start.AddDays(-1)));
        Assert.Multiple(() =>
        {
            Assert.That(refused!.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(refused.Message, Does.Contain("{\"error\""));
        });
    }

    private async Task<JsonNode> Get(string path)
    {
        using var answer = await api.GetAsync(path);
        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
        return JsonNode.Parse(await answer.Content.ReadAsStringAsync())!;
    }

    private async Task<string> Status(string id) =>
        (string)(await Get($"jobs?time_filter=4&key={id}"))["data"]!["value"]![0]!["job_status"]!;
}
