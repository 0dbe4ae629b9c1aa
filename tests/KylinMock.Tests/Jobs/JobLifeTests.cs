using KylinMock.Jobs;
using KylinMock.Tests.Support;

namespace KylinMock.Tests.Jobs;

/// <summary>A job's automatic life over the clock, watched over HTTP (contract: "Automatic life of a job").</summary>
public class JobLifeTests
{
    private static readonly JobPlan Plan = JobPlan.Succeeds(10_000, 60_000, 120_000, 30_000);

    [Test]
    public void NewJob_IsPendingWithNoStartAndAGrowingWait()
    {
        using var live = new LiveServer();
        var id = live.Submit(Plan);
        live.AdvanceSeconds(5);
        var job = live.ListJob(id);
        Assert.Multiple(() =>
        {
            Assert.That((string?)job["job_status"], Is.EqualTo("PENDING"));
            Assert.That((long)job["exec_start_time"]!, Is.Zero);
            Assert.That((long)job["duration"]!, Is.Zero);
            Assert.That((long)job["wait_time"]!, Is.EqualTo(5_000));
            Assert.That((long)job["total_duration"]!, Is.EqualTo(5_000));
            Assert.That((long)job["create_time"]!, Is.EqualTo(LiveServer.T0));
            Assert.That((float)job["step_ratio"]!, Is.Zero);
        });
    }

    [Test]
    public void PickedUp_AfterThePlannedDelay_RunsItsFirstStep()
    {
        using var live = new LiveServer();
        var id = live.Submit(Plan);
        live.AdvanceSeconds(40);
        var job = live.ListJob(id);
        var steps = live.Detail(id);
        Assert.Multiple(() =>
        {
            Assert.That((string?)job["job_status"], Is.EqualTo("RUNNING"));
            Assert.That((long)job["exec_start_time"]!, Is.EqualTo(LiveServer.T0 + 10_000));
            Assert.That((long)job["exec_end_time"]!, Is.Zero);
            Assert.That((long)job["duration"]!, Is.EqualTo(30_000));
            Assert.That((long)job["wait_time"]!, Is.EqualTo(10_000));
            Assert.That((long)job["total_duration"]!, Is.EqualTo(40_000));
            Assert.That(steps.Select(s => (string?)s["step_status"]), Is.EqualTo(new[] { "RUNNING", "PENDING", "PENDING" }));
            Assert.That((long)steps[0]["exec_start_time"]!, Is.EqualTo(LiveServer.T0 + 10_000));
        });
    }

    [Test]
    public void Steps_RunInOrder_AndTheRatioCountsSucceededSteps()
    {
        using var live = new LiveServer();
        var id = live.Submit(Plan);
        live.AdvanceSeconds(100);
        var job = live.ListJob(id);
        var steps = live.Detail(id);
        Assert.Multiple(() =>
        {
            // ExecutableResponse.calculateStepRatio: Detect Resource and 4 of Load Data To Index's 8 stages, over 3 + 8 - 1;
            // progress is computed from steps, which the v4 list leaves empty.
            Assert.That((float)job["step_ratio"]!, Is.EqualTo(0.5f));
            Assert.That((double)job["progress"]!, Is.EqualTo(0.0));
            Assert.That(steps.Select(s => (string?)s["step_status"]), Is.EqualTo(new[] { "FINISHED", "RUNNING", "PENDING" }));
            Assert.That((long)steps[0]["duration"]!, Is.EqualTo(60_000));
            Assert.That((long)steps[0]["exec_end_time"]!, Is.EqualTo(LiveServer.T0 + 70_000));
            Assert.That((long)steps[1]["exec_start_time"]!, Is.EqualTo(LiveServer.T0 + 70_000));
            Assert.That((long)steps[1]["duration"]!, Is.EqualTo(30_000));
            Assert.That((long)job["last_modified"]!, Is.EqualTo(LiveServer.T0 + 70_000));
        });
    }

    [Test]
    public void LastStepDone_FinishesTheJobAtThePlannedInstant()
    {
        using var live = new LiveServer();
        var id = live.Submit(Plan);
        live.AdvanceSeconds(219.999);
        Assert.That((string?)live.ListJob(id)["job_status"], Is.EqualTo("RUNNING"));
        live.AdvanceSeconds(0.001);
        var job = live.ListJob(id);
        Assert.Multiple(() =>
        {
            Assert.That((string?)job["job_status"], Is.EqualTo("FINISHED"));
            Assert.That((long)job["exec_end_time"]!, Is.EqualTo(LiveServer.T0 + 220_000));
            Assert.That((long)job["duration"]!, Is.EqualTo(210_000));
            Assert.That((long)job["wait_time"]!, Is.EqualTo(10_000));
            Assert.That((long)job["total_duration"]!, Is.EqualTo(220_000));
            Assert.That((float)job["step_ratio"]!, Is.EqualTo(1f));
            Assert.That((double)job["progress"]!, Is.EqualTo(0.0), "ExecutableResponse.getProgress counts steps, which the v4 list leaves empty");
            Assert.That((long)job["last_modified"]!, Is.EqualTo(LiveServer.T0 + 220_000));
        });
    }

    [Test]
    public void FinishedJob_StaysFinishedWhateverTheClockDoes()
    {
        using var live = new LiveServer();
        var id = live.Submit(Plan);
        live.AdvanceSeconds(220);
        var before = live.ListJob(id).ToString();
        live.AdvanceSeconds(86_400);
        Assert.That(live.ListJob(id).ToString(), Is.EqualTo(before));
    }

    [Test]
    public void FailingPlan_EndsInErrorAtThePlannedStep_NamingIt()
    {
        using var live = new LiveServer();
        var id = live.Submit(Plan.FailingAt(1, message: "java.lang.OutOfMemoryError: Java heap space"));
        live.AdvanceSeconds(190);
        var job = live.ListJob(id);
        var steps = live.Detail(id);
        Assert.Multiple(() =>
        {
            Assert.That((string?)job["job_status"], Is.EqualTo("ERROR"));
            Assert.That((long)job["exec_end_time"]!, Is.EqualTo(LiveServer.T0 + 190_000));
            Assert.That((long)job["duration"]!, Is.EqualTo(180_000));
            // ExecutableResponse.calculateStepRatio: Detect Resource plus six of the ten stages done (10 = 3 steps + 8 stages - 1).
            Assert.That((float)job["step_ratio"]!, Is.EqualTo(0.7f));
            Assert.That(steps.Select(s => (string?)s["step_status"]), Is.EqualTo(new[] { "FINISHED", "ERROR", "PENDING" }));
            Assert.That((string?)steps[1]["failed_msg"], Is.EqualTo("java.lang.OutOfMemoryError: Java heap space"));

            // Spark reports the failed stage (JobService.getJobDetail names the stage for a stage id).
            Assert.That((string?)steps[1]["failed_step_name"], Is.EqualTo("Build indexes by layer"));
            Assert.That((string?)steps[1]["failed_step_id"], Is.EqualTo(id + "_01_06"));
            Assert.That((string?)steps[1]["failed_code"], Is.EqualTo("KE-030001004(Job out of memory error):"));
            Assert.That((string?)steps[0]["failed_msg"], Is.Null);
        });
    }

    [Test]
    public void FailsOnceThenResume_RunsTheFailedStepAgainAndFinishes()
    {
        using var live = new LiveServer();
        var id = live.Submit(Plan.FailingAt(1, runs: 1));
        live.AdvanceSeconds(200);
        Assert.That(live.Put("RESUME", ids: [id]).Status, Is.EqualTo(200));
        var resumed = live.ListJob(id);
        var steps = live.Detail(id);
        Assert.Multiple(() =>
        {
            Assert.That((string?)resumed["job_status"], Is.EqualTo("PENDING"));
            Assert.That(steps.Select(s => (string?)s["step_status"]), Is.EqualTo(new[] { "FINISHED", "PENDING", "PENDING" }));
            Assert.That((string?)steps[1]["failed_msg"], Is.Null);
        });

        // NExecutableManager.resumeJob keeps the stages the first run finished: the step runs its remaining 9 of 16
        // stage weights (67.5 s of 120 s), then Update Metadata 30 s.
        live.AdvanceSeconds(10 + 67.5 + 30);
        var job = live.ListJob(id);
        Assert.Multiple(() =>
        {
            Assert.That((string?)job["job_status"], Is.EqualTo("FINISHED"));
            Assert.That((long)job["exec_end_time"]!, Is.EqualTo(LiveServer.T0 + 307_500));
            Assert.That((long)job["exec_start_time"]!, Is.EqualTo(LiveServer.T0 + 10_000));
            Assert.That((long)job["duration"]!, Is.EqualTo(277_500), "the failed step's first run counts too");
            Assert.That((long)job["total_duration"]!, Is.EqualTo(287_500));
        });
    }

    [Test]
    public void FailsEveryTime_FailsAgainAfterResumeAndAfterRestart()
    {
        using var live = new LiveServer();
        var id = live.Submit(Plan.FailingAt(2, runs: int.MaxValue));
        live.AdvanceSeconds(220);
        Assert.That((string?)live.ListJob(id)["job_status"], Is.EqualTo("ERROR"));
        live.Put("RESUME", ids: [id]);
        live.AdvanceSeconds(40);
        Assert.That((string?)live.ListJob(id)["job_status"], Is.EqualTo("ERROR"));
        live.Put("RESTART", ids: [id]);
        live.AdvanceSeconds(220);
        Assert.That((string?)live.ListJob(id)["job_status"], Is.EqualTo("ERROR"));
    }

    [Test]
    public void Restart_RunsEveryStepAgainFromACleanCreateTime()
    {
        using var live = new LiveServer();
        var id = live.Submit(Plan.FailingAt(1));
        live.AdvanceSeconds(200);
        Assert.That(live.Put("RESTART", ids: [id]).Status, Is.EqualTo(200));
        var restarted = live.ListJob(id);
        var steps = live.Detail(id);
        Assert.Multiple(() =>
        {
            Assert.That((string?)restarted["job_status"], Is.EqualTo("PENDING"));
            Assert.That((long)restarted["create_time"]!, Is.EqualTo(LiveServer.T0 + 200_000));
            Assert.That((long)restarted["exec_start_time"]!, Is.Zero);
            Assert.That((long)restarted["exec_end_time"]!, Is.Zero);
            Assert.That((long)restarted["duration"]!, Is.Zero);
            Assert.That((long)restarted["wait_time"]!, Is.Zero);
            Assert.That(steps.Select(s => (string?)s["step_status"]), Is.All.EqualTo("PENDING"));
            Assert.That(steps.Select(s => (long)s["exec_start_time"]!), Is.All.Zero);
        });

        live.AdvanceSeconds(220);
        var job = live.ListJob(id);
        Assert.Multiple(() =>
        {
            Assert.That((string?)job["job_status"], Is.EqualTo("FINISHED"), "the plan failed only its first run");
            Assert.That((long)job["duration"]!, Is.EqualTo(210_000));
            Assert.That((long)job["total_duration"]!, Is.EqualTo(220_000));
        });
    }

    [Test]
    public void Pause_StopsTheRunningStep_AndKeepsTheWait()
    {
        using var live = new LiveServer();
        var id = live.Submit(Plan);
        live.AdvanceSeconds(100);
        Assert.That(live.Put("PAUSE", ids: [id]).Status, Is.EqualTo(200));
        live.AdvanceSeconds(1000);
        var job = live.ListJob(id);
        var steps = live.Detail(id);
        Assert.Multiple(() =>
        {
            Assert.That((string?)job["job_status"], Is.EqualTo("STOPPED"));
            Assert.That((long)job["wait_time"]!, Is.EqualTo(10_000));
            Assert.That((long)job["duration"]!, Is.EqualTo(90_000));
            Assert.That((long)job["exec_end_time"]!, Is.EqualTo(LiveServer.T0 + 100_000));
            Assert.That((long)job["last_modified"]!, Is.EqualTo(LiveServer.T0 + 100_000));
            Assert.That(steps.Select(s => (string?)s["step_status"]), Is.EqualTo(new[] { "FINISHED", "STOPPED", "PENDING" }));
        });
    }

    [Test]
    public void PauseThenResume_PicksTheJobUpAgainAfterItsDelay()
    {
        using var live = new LiveServer();
        var id = live.Submit(Plan);
        live.AdvanceSeconds(100);
        live.Put("PAUSE", ids: [id]);
        live.AdvanceSeconds(50);
        live.Put("RESUME", ids: [id]);
        live.AdvanceSeconds(9);
        Assert.That((string?)live.ListJob(id)["job_status"], Is.EqualTo("PENDING"));
        live.AdvanceSeconds(1);
        Assert.That((string?)live.ListJob(id)["job_status"], Is.EqualTo("RUNNING"));
    }

    [Test]
    public void Discard_EndsTheJob_AndEveryStepShowsDiscarded()
    {
        using var live = new LiveServer();
        var id = live.Submit(Plan);
        live.AdvanceSeconds(100);
        Assert.That(live.Put("DISCARD", ids: [id]).Status, Is.EqualTo(200));
        live.AdvanceSeconds(1000);
        var job = live.ListJob(id);
        Assert.Multiple(() =>
        {
            Assert.That((string?)job["job_status"], Is.EqualTo("DISCARDED"));
            Assert.That((long)job["exec_end_time"]!, Is.EqualTo(LiveServer.T0 + 100_000));
            Assert.That(live.Detail(id).Select(s => (string?)s["step_status"]), Is.All.EqualTo("DISCARDED"));
        });
    }

    [Test]
    public void DiscardBeforeStart_SetsStartAndEndToNow()
    {
        using var live = new LiveServer();
        var id = live.Submit(Plan);
        live.AdvanceSeconds(3);
        live.Put("DISCARD", ids: [id]);
        var job = live.ListJob(id);
        Assert.Multiple(() =>
        {
            Assert.That((long)job["exec_start_time"]!, Is.EqualTo(LiveServer.T0 + 3_000));
            Assert.That((long)job["exec_end_time"]!, Is.EqualTo(LiveServer.T0 + 3_000));
            Assert.That((long)job["wait_time"]!, Is.EqualTo(3_000), "an unstarted step of a discarded job waits until the discard");
        });
    }

    [Test]
    public void ConcurrencyLimit_KeepsExtraJobsPendingUntilASlotFrees()
    {
        using var live = new LiveServer(maxRunningPerProject: 2);
        var ids = Enumerable.Range(0, 3).Select(_ => live.Submit(JobPlan.Succeeds(1_000, 4_000, 3_000, 3_000))).ToList();
        var other = live.Submit(JobPlan.Succeeds(1_000, 4_000, 3_000, 3_000), project: "q");
        live.AdvanceSeconds(2);
        Assert.Multiple(() =>
        {
            Assert.That(ids.Select(i => (string?)live.ListJob(i)["job_status"]), Is.EqualTo(new[] { "RUNNING", "RUNNING", "PENDING" }));
            Assert.That((string?)live.ListJob(other)["job_status"], Is.EqualTo("RUNNING"), "the limit is per project");
        });
        live.AdvanceSeconds(9);
        var third = live.ListJob(ids[2]);
        Assert.Multiple(() =>
        {
            Assert.That((string?)third["job_status"], Is.EqualTo("RUNNING"));
            Assert.That((long)third["exec_start_time"]!, Is.EqualTo(LiveServer.T0 + 11_000), "it starts the instant a slot frees");
        });
    }

    [Test]
    public void SameClockMoves_GiveTheSameAnswers()
    {
        string Run()
        {
            using var live = new LiveServer();
            var a = live.Submit(Plan.FailingAt(2));
            var b = live.Submit(Plan);
            foreach (var step in new[] { 7, 33, 61, 200, 5, 90 })
            {
                live.AdvanceSeconds(step);
            }

            live.Put("RESUME", ids: [a]);
            live.AdvanceSeconds(45);
            return live.ListJob(a).ToString() + live.ListJob(b);
        }

        var first = Run();
        var second = Run();
        Assert.That(second, Is.EqualTo(first));
    }
}
