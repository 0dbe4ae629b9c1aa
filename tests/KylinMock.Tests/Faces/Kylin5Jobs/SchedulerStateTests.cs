using KylinMock.Jobs;
using KylinMock.Tests.Support;
using Newtonsoft.Json.Linq;

namespace KylinMock.Tests.Faces.Kylin5Jobs;

/// <summary>
/// Kylin 5.0.x's PENDING state and <c>scheduler_state</c> (kylin5-job-api.md, "Third pass" B.3): <c>ExecutableState</c>
/// READY -> PENDING -> RUNNING, the scheduler's master publishing a READY job into PENDING when its project has a slot
/// (<c>JdbcJobScheduler.produceJob</c>, slots counted over PENDING and RUNNING jobs) and an executor taking it to RUNNING
/// (<c>consumeJob</c>); <c>JobInfoService.convert</c> writes the raw state as <c>scheduler_state</c>.
/// </summary>
public class SchedulerStateTests
{
    // Picked up after 10 s: published at 9 s (the executor's poll is the last second), running at 10 s.
    private static readonly JobPlan Plan = JobPlan.Succeeds(10_000, 60_000, 60_000, 30_000);

    [Test]
    public void ListedJob_ReadyThenPendingThenRunning_BothWaitingStatesShowPending()
    {
        using var live = new LiveServer();
        var id = live.Submit(Plan);
        var seen = new List<(string?, string?)> { Shown(live.ListJob(id)) };
        live.AdvanceSeconds(9);
        seen.Add(Shown(live.ListJob(id)));
        live.AdvanceSeconds(1);
        seen.Add(Shown(live.ListJob(id)));
        Assert.That(seen, Is.EqualTo(new[] { ("PENDING", "READY"), ("PENDING", "PENDING"), ("RUNNING", "RUNNING") }));
    }

    [Test]
    public void JobAnswer_SchedulerStateFollowsJobStatus()
    {
        // ExecutableResponse: @JsonProperty("scheduler_state") is declared right after job_status.
        using var live = new LiveServer();
        var names = live.ListJob(live.Submit(Plan)).Properties().Select(p => p.Name).ToList();
        Assert.That(names[names.IndexOf("job_status") + 1], Is.EqualTo("scheduler_state"));
    }

    [Test]
    public void Detail_EveryStepCarriesItsOwnState()
    {
        // JobInfoService.parseToExecutableStep: result.setSchedulerState(stepOutput.getState()).
        using var live = new LiveServer();
        var id = live.Submit(Plan);
        live.AdvanceSeconds(75);
        var steps = live.Detail(id);
        Assert.Multiple(() =>
        {
            Assert.That(steps.Select(s => (string?)s["scheduler_state"]), Is.EqualTo(new[] { "SUCCEED", "RUNNING", "READY" }));
            Assert.That(steps.Select(s => (string?)s["step_status"]), Is.EqualTo(new[] { "FINISHED", "RUNNING", "PENDING" }));
        });
    }

    [Test]
    public void StatusFilterPending_ListsReadyAndPendingJobs()
    {
        // JobStatusUtil.mapJobStatusToScheduleState: PENDING stands for READY and PENDING.
        using var live = new LiveServer();
        var ready = live.Submit(JobPlan.Succeeds(60_000, 1_000));
        var pending = live.Submit(JobPlan.Succeeds(5_000, 1_000));
        live.AdvanceSeconds(4.5);
        var answer = live.Http.Get("/kylin/api/jobs?time_filter=4&statuses=PENDING&project=p");
        Assert.That(answer.Data["value"]!.Select(j => ((string?)j["id"], (string?)j["scheduler_state"])),
            Is.EquivalentTo(new[] { (ready, "READY"), (pending, "PENDING") }));
    }

    [Test]
    public void StatusFilterDiscarded_ListsDiscardedAndSuicidalJobs()
    {
        using var live = new LiveServer();
        var id = live.Submit(Plan);
        Assert.That(live.Put("DISCARD", ids: [id]).Status, Is.EqualTo(200));
        var answer = live.Http.Get("/kylin/api/jobs?time_filter=4&statuses=DISCARDED&project=p");
        Assert.That(answer.Data["value"]!.Select(j => (string?)j["scheduler_state"]), Is.EqualTo(new[] { "DISCARDED" }));
    }

    [Test]
    public void FullProject_LeavesTheNextJobReady_PublishedWhenASlotFrees()
    {
        // produceJob publishes only while the project's PENDING and RUNNING jobs are under its limit.
        using var live = new LiveServer(maxRunningPerProject: 1);
        var first = live.Submit(JobPlan.Succeeds(1_000, 1_000, 1_000, 1_000));
        var second = live.Submit(JobPlan.Succeeds(1_000, 1_000, 1_000, 1_000));
        live.AdvanceSeconds(3);
        var waiting = ((string?)live.ListJob(first)["scheduler_state"], (string?)live.ListJob(second)["scheduler_state"]);
        live.AdvanceSeconds(1.5);
        var after = ((string?)live.ListJob(first)["job_status"], (string?)live.ListJob(second)["scheduler_state"]);
        Assert.Multiple(() =>
        {
            Assert.That(waiting, Is.EqualTo(("RUNNING", "READY")));
            Assert.That(after, Is.EqualTo(("FINISHED", "RUNNING")));
        });
    }

    [Test]
    public void PendingJob_CanBePausedAndResumed()
    {
        // ExecutableState.isValidStateTransfer: PENDING -> PAUSED; PAUSED -> READY.
        using var live = new LiveServer();
        var id = live.Submit(Plan);
        live.AdvanceSeconds(9.5);
        var before = (string?)live.ListJob(id)["scheduler_state"];
        Assert.That(live.Put("PAUSE", ids: [id]).Status, Is.EqualTo(200));
        var paused = (string?)live.ListJob(id)["scheduler_state"];
        Assert.That(live.Put("RESUME", ids: [id]).Status, Is.EqualTo(200));
        Assert.That((before, paused, (string?)live.ListJob(id)["scheduler_state"]), Is.EqualTo(("PENDING", "PAUSED", "READY")));
    }

    [Test]
    public void History_PassesThroughPending()
    {
        using var live = new LiveServer();
        var id = live.Submit(JobPlan.Succeeds(2_000, 1_000, 1_000, 1_000));
        live.AdvanceSeconds(6);
        Assert.That(live.Kylin.Jobs.Find(id)!.History, Is.EqualTo(new[] { ExecutableState.READY, ExecutableState.PENDING, ExecutableState.RUNNING, ExecutableState.SUCCEED }));
    }

    private static (string?, string?) Shown(JObject job) => ((string?)job["job_status"], (string?)job["scheduler_state"]);
}
