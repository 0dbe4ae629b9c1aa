using KylinMock.Clocks;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using KylinMock.Control;
using KylinMock.Jobs;
using Newtonsoft.Json.Linq;

namespace KylinMock.BrowserTests;

/// <summary>
/// The dashboard (issue 16) in a real browser. The page reads Kylin's own list, detail and output answers
/// through <c>/__kylinmock/view/</c> and acts through Kylin's <c>PUT /kylin/api/jobs/status</c>
/// (JobController.updateJobStatus), so what it shows is what a Kylin client would read.
/// </summary>
[TestFixture]
public sealed partial class DashboardTests : DashboardPage
{
    private const string Hostile = "<img src=x onerror=alert(1)>";

    [Test]
    public async Task Jobs_ListTheEstatesJobs_InKylinsListOrder()
    {
        // Kylin's default list order (last_modified, newest first), the page's first page of 20.
        using var http = KylinClient();
        var list = JObject.Parse(await http.GetStringAsync("/kylin/api/jobs?time_filter=4&page_size=20"));
        var ids = list["data"]!["value"]!.Select(j => (string)j["id"]!).ToArray();

        await Expect(Page.Locator("#jobs-total")).ToHaveTextAsync("30 jobs");
        var rows = Page.Locator("#jobs-body tr");
        await Expect(rows).ToHaveCountAsync(20);
        for (var i = 0; i < ids.Length; i++)
        {
            await Expect(rows.Nth(i)).ToHaveAttributeAsync("data-job-id", ids[i]);
        }

        await Expect(Page.Locator("#page-label")).ToHaveTextAsync("page 1 of 2");
        await Page.ClickAsync("#page-next");
        await Expect(rows).ToHaveCountAsync(10);
    }

    [Test]
    public async Task AdvancingTheClock_FromThePage_MovesAScriptedJobPendingRunningFinished()
    {
        // Picked up 30 s after submission, three steps of 20 s (the mock's plan; Kylin's READY -> RUNNING -> SUCCEED).
        var (project, model) = SomeModel();
        var job = Kylin.Jobs.Submit(project, JobType.INDEX_BUILD, model, JobPlan.Succeeds(30_000, 20_000, 20_000, 20_000));
        await ShowOnly(job.Id);
        var status = JobRow(job.Id).Locator(".badge");
        await Expect(status).ToHaveTextAsync("PENDING");
        await Screenshot("pending");

        await Page.ClickAsync("button[data-advance='60000']");
        await Expect(Page.Locator("#clock-now")).ToHaveTextAsync("2026-03-15T12:01:00.000Z");
        await Expect(status).ToHaveTextAsync("RUNNING");
        await Screenshot("running");

        await Page.ClickAsync("button[data-advance='60000']");
        await Expect(status).ToHaveTextAsync("FINISHED");
        Assert.That(Kylin.Jobs.Find(job.Id)!.Status, Is.EqualTo(JobStatus.FINISHED));
    }

    [Test]
    public async Task Pause_FromThePage_StopsARunningJob_AndTheJournalShowsThePut()
    {
        var (project, model) = SomeModel();
        var job = Kylin.Jobs.Submit(project, JobType.INDEX_BUILD, model, JobPlan.Succeeds(0, 600_000, 600_000, 600_000));
        Clock.Advance(TimeSpan.FromSeconds(1));
        await ShowOnly(job.Id);
        await Expect(JobRow(job.Id).Locator(".badge")).ToHaveTextAsync("RUNNING");

        await Page.FillAsync("#kylin-user", "ADMIN");
        await Page.FillAsync("#kylin-password", "KYLIN");
        await JobRow(job.Id).ClickAsync();
        await Expect(Page.Locator("#detail-id")).ToHaveTextAsync(job.Id);
        // Kylin's action table: RUNNING allows PAUSE, DISCARD, RESTART.
        await Expect(Page.Locator("#detail-actions button")).ToHaveTextAsync(["PAUSE", "DISCARD", "RESTART"]);
        await Page.ClickAsync("#detail-actions button:text-is('PAUSE')");

        await Expect(JobRow(job.Id).Locator(".badge")).ToHaveTextAsync("STOPPED");
        await Expect(Page.Locator("#detail-actions button")).ToHaveTextAsync(["RESUME", "DISCARD", "RESTART"]);
        var put = Page.Locator("#journal-body tr").First;
        await Expect(put).ToContainTextAsync("PUT");
        await Expect(put).ToContainTextAsync("/kylin/api/jobs/status");
        await Expect(put.Locator("td").Nth(3)).ToHaveTextAsync("200");

        // The journal's detail keeps the body and shows the credentials redacted.
        await put.ClickAsync();
        await Expect(Page.Locator("#journal-detail")).ToContainTextAsync("\"action\":\"PAUSE\"");
        await Expect(Page.Locator("#journal-detail")).ToContainTextAsync("Basic [redacted]");
        Assert.That(Kylin.Journal.Entries(method: "PUT").Single().Body, Does.Contain(job.Id));
    }

    [Test]
    public async Task FaultAddedFromThePage_FailsTheNextListCall()
    {
        await Page.SelectOptionAsync("#fault-kind", "error");
        await Page.FillAsync("#fault-method", "GET");
        await Page.FillAsync("#fault-path", "/kylin/api/jobs");
        await Page.FillAsync("#fault-times", "1");
        await Page.FillAsync("#fault-code", "KE-010032219");
        await Page.FillAsync("#fault-message", "Can't find job \"x\".");
        await Page.ClickAsync("#fault-add");
        await Expect(Page.Locator("#faults-body tr")).ToContainTextAsync("KE-010032219");
        Assert.That(Kylin.Faults.List(), Has.Count.EqualTo(1));

        using var http = KylinClient();
        var failed = await http.GetAsync("/kylin/api/jobs?time_filter=4");
        Assert.That(failed.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(await failed.Content.ReadAsStringAsync(), Does.Contain("KE-010032219"));
        Assert.That((await http.GetAsync("/kylin/api/jobs?time_filter=4")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "times=1: only the next call fails");

        await Expect(Page.Locator("#journal-body tr").Nth(1).Locator("td").Nth(3)).ToHaveTextAsync("500");
        await Expect(Page.Locator("#faults-body")).ToHaveTextAsync("no fault armed");
    }

    [Test]
    public async Task Fault_RemovedFromThePage_IsDisarmed()
    {
        Kylin.Faults.Add(new FaultRule { Kind = FaultKind.Drop });
        await Expect(Page.Locator("#faults-body tr")).ToContainTextAsync("drop");
        await Page.ClickAsync("#faults-body button:text-is('Remove')");
        await Expect(Page.Locator("#faults-body")).ToHaveTextAsync("no fault armed");
        Assert.That(Kylin.Faults.List(), Is.Empty);
    }

    [Test]
    public async Task HostileValues_RenderAsText()
    {
        var (project, model) = SomeModel();
        var job = Kylin.Jobs.Submit(project, JobType.INDEX_BUILD, model, JobPlan.Succeeds(0, 1000, 1000, 1000), subjectAlias: Hostile);
        Kylin.Faults.Add(new FaultRule { Kind = FaultKind.Error, PathPrefix = "/nowhere", ErrorCode = "KE-010032219", Message = Hostile });
        using var http = KylinClient();
        await http.PutAsync("/kylin/api/jobs/status", new StringContent(Hostile, Encoding.UTF8, "application/json"));

        await ShowOnly(job.Id);
        await Expect(JobRow(job.Id).Locator("td").Nth(2)).ToHaveTextAsync(Hostile);
        await JobRow(job.Id).ClickAsync();
        await Expect(Page.Locator("#detail-head")).ToContainTextAsync(Hostile);
        await Expect(Page.Locator("#timeline-rows")).ToContainTextAsync(Hostile);
        await Expect(Page.Locator("#faults-body")).ToContainTextAsync(Hostile);
        await Page.Locator("#journal-body tr").First.ClickAsync();
        await Expect(Page.Locator("#journal-detail")).ToContainTextAsync(Hostile);

        await Expect(Page.Locator("img")).ToHaveCountAsync(0);
    }

    [Test]
    public async Task EveryPanel_Used_RaisesNoConsoleError()
    {
        // A job failing at its second step once (the timeline marks it), its steps, one step's output,
        // the clock moved and set, filters, sorting, paging, a request's detail.
        var (project, model) = SomeModel();
        var job = Kylin.Jobs.Submit(project, JobType.INDEX_BUILD, model, JobPlan.Succeeds(5_000, 10_000, 20_000, 10_000).FailingAt(1, runs: 1), subjectAlias: "sales_model");
        var failing = Kylin.Jobs.Submit(project, JobType.INDEX_BUILD, model, JobPlan.Succeeds(2_000, 8_000, 9_000, 1_000).FailingAt(1, runs: int.MaxValue), subjectAlias: "orders_model");
        await Page.ClickAsync("button[data-advance='60000']");
        await Expect(Page.Locator($"#timeline-rows .tl-track[data-job-id='{failing.Id}'] .fail")).ToHaveCountAsync(1);
        await Expect(Page.Locator($"#timeline-rows .tl-track[data-job-id='{job.Id}'] .fail")).ToHaveCountAsync(1);
        await JobRow(job.Id).ClickAsync();
        await Expect(Page.Locator("#steps-body tr")).ToHaveCountAsync(3);
        await Expect(Page.Locator("#steps-body tr").Nth(1).Locator(".badge")).ToHaveTextAsync("ERROR");
        await Page.Locator("#steps-body tr").Nth(1).ClickAsync();
        await Expect(Page.Locator("#step-output")).Not.ToBeEmptyAsync();

        await Page.FillAsync("#kylin-user", "ADMIN");
        await Page.FillAsync("#kylin-password", "KYLIN");
        await Page.ClickAsync("#detail-actions button:text-is('RESUME')");
        await Expect(Page.Locator("#message")).ToContainTextAsync("RESUME");
        // The journal panel re-renders every second: click the PUT's own row once it is listed.
        await Page.Locator("#journal-body tr", new() { HasText = "/kylin/api/jobs/status" }).First.ClickAsync();
        await Expect(Page.Locator("#journal-detail")).ToContainTextAsync("RESUME");
        Kylin.Faults.Add(new FaultRule { Kind = FaultKind.Delay, Method = "GET", PathPrefix = "/kylin/api/jobs", DelayMs = 2000, Probability = 0.2, Seed = 7 });
        await Expect(Page.Locator("#faults-body tr")).ToContainTextAsync("2000 ms");
        await Screenshot("walkthrough");

        await Page.FillAsync("#clock-set", "2026-03-16T00:00:00Z");
        await Page.ClickAsync("#clock-set-button");
        await Expect(Page.Locator("#clock-now")).ToHaveTextAsync("2026-03-16T00:00:00.000Z");
        await Page.ClickAsync("button[data-advance='86400000']");
        await Expect(Page.Locator("#clock-now")).ToHaveTextAsync("2026-03-17T00:00:00.000Z");
        await Page.ClickAsync("button[data-advance='3600000']");
        await Expect(Page.Locator("#clock-now")).ToHaveTextAsync("2026-03-17T01:00:00.000Z");

        await Page.SelectOptionAsync("#filter-project", project);
        await Page.SelectOptionAsync("#filter-status", "FINISHED");
        await Page.SelectOptionAsync("#sort-by", "duration");
        await Expect(Page.Locator("#jobs-body .badge").First).ToHaveTextAsync("FINISHED");
        await Page.FillAsync("#journal-path", "/nothing");
        await Expect(Page.Locator("#journal-body")).ToHaveTextAsync("no request yet");
    }

    [Test]
    public async Task Clock_SetBackwards_ShowsTheMocksRefusal()
    {
        // The browser logs the refused call (HTTP 400) itself; the page raises nothing.
        ExpectedConsoleErrors.Add("status of 400");
        await Page.FillAsync("#clock-set", "2020-01-01T00:00:00Z");
        await Page.ClickAsync("#clock-set-button");
        await Expect(Page.Locator("#message")).ToContainTextAsync("cannot go backwards");
        await Expect(Page.Locator("#clock-now")).ToHaveTextAsync("2026-03-15T12:00:00.000Z");
    }

    [GeneratedRegex("^\\d+ jobs$")]
    private static partial Regex SomeJobs();

    /// <summary>With a control token the page asks for it, then sends it with every control call.</summary>
    [TestFixture]
    public sealed class WithAControlToken : DashboardPage
    {
        protected override KylinMockOptions Options(ManualClock clock) => base.Options(clock) with { ControlToken = "s3cret" };

        // The browser logs the refused call (HTTP 401) itself; the page raises nothing.
        public WithAControlToken() => ExpectedConsoleErrors.Add("status of 401");

        [Test]
        public async Task Page_AsksForTheToken_ThenShowsTheJobs()
        {
            await Expect(Page.Locator("#token-prompt")).ToBeVisibleAsync();
            await Expect(Page.Locator("#jobs-body tr")).ToHaveCountAsync(0);

            await Page.FillAsync("#token", "s3cret");
            await Page.ClickAsync("#token-button");
            await Expect(Page.Locator("#token-prompt")).ToBeHiddenAsync();
            await Expect(Page.Locator("#jobs-total")).ToHaveTextAsync(SomeJobs());
        }
    }
}
