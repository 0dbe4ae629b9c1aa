using KylinMock.Jobs;
using Microsoft.Extensions.Time.Testing;

namespace KylinMock.Tests.Jobs;

/// <summary>
/// The scheduler alone, without a store or HTTP, over a <see cref="FakeTimeProvider"/>: pick-ups,
/// step ends, the per-project running limit and the queue of READY jobs waiting for a slot
/// (contract: "Automatic life of a job"; Kylin's <c>JdbcJobScheduler</c> and <c>max_concurrent_jobs</c>).
/// </summary>
public class JobSchedulerTests
{
    private static readonly JobPlan TenSecondSteps = JobPlan.Succeeds(1_000, 10_000, 10_000, 10_000);
    private FakeTimeProvider clock = null!;
    private List<string> moves = null!;

    private long Now => clock.GetUtcNow().ToUnixTimeMilliseconds();

    [SetUp]
    public void FreshClock()
    {
        clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000));
        moves = [];
    }

    [Test]
    public void CatchUp_NothingDue_MovesNothing()
    {
        var scheduler = Scheduler(maxRunning: 20);
        var job = Admitted(scheduler, "a");
        clock.Advance(TimeSpan.FromMilliseconds(499));
        scheduler.CatchUp(Now);
        Assert.Multiple(() =>
        {
            Assert.That(job.State, Is.EqualTo(ExecutableState.READY));
            Assert.That(moves, Is.Empty);
        });
    }

    [Test]
    public void CatchUp_PickUpDue_RunsTheJobAtItsDueTimeAndHoldsASlot()
    {
        var scheduler = Scheduler(maxRunning: 20);
        var start = Now;
        var job = Admitted(scheduler, "a");
        clock.Advance(TimeSpan.FromSeconds(5));
        scheduler.CatchUp(Now);
        Assert.Multiple(() =>
        {
            Assert.That(job.State, Is.EqualTo(ExecutableState.RUNNING));
            Assert.That(job.StartTime, Is.EqualTo(start + 1_000), "picked up when due, not when caught up");
            Assert.That(scheduler.Running("p"), Is.EqualTo(1));

            // Published (READY -> PENDING) at 0.5 s, taken by an executor (PENDING -> RUNNING) at 1 s.
            Assert.That(moves, Is.EqualTo(new[] { "a", "a" }));
        });
    }

    [Test]
    public void CatchUp_LongGap_ProcessesEveryMoveOfEveryJobInTimeOrder()
    {
        var scheduler = Scheduler(maxRunning: 20);
        var a = Admitted(scheduler, "a");
        clock.Advance(TimeSpan.FromSeconds(5));
        var b = Admitted(scheduler, "b");
        clock.Advance(TimeSpan.FromMinutes(1));
        scheduler.CatchUp(Now);
        Assert.Multiple(() =>
        {
            Assert.That(a.State, Is.EqualTo(ExecutableState.SUCCEED));
            Assert.That(b.State, Is.EqualTo(ExecutableState.SUCCEED));
            // a: published at 0.5 s, picked up at 1 s, step ends at 11, 21, 31 s; b: 5.5 s, 6 s, then 16, 26, 36 s.
            Assert.That(moves, Is.EqualTo(new[] { "a", "a", "b", "b", "a", "b", "a", "b", "a", "b" }));
            Assert.That(scheduler.Running("p"), Is.Zero);
            Assert.That(scheduler.ScheduledCount, Is.Zero);
        });
    }

    [Test]
    public void CatchUp_ProjectAtItsLimit_QueuesTheReadyJobUntilASlotFrees()
    {
        var scheduler = Scheduler(maxRunning: 1);
        var start = Now;
        var first = Admitted(scheduler, "first");
        var second = Admitted(scheduler, "second");
        clock.Advance(TimeSpan.FromSeconds(10));
        scheduler.CatchUp(Now);
        Assert.Multiple(() =>
        {
            Assert.That(first.State, Is.EqualTo(ExecutableState.RUNNING));
            Assert.That(second.State, Is.EqualTo(ExecutableState.READY), "no free slot");
        });

        clock.Advance(TimeSpan.FromSeconds(30));
        scheduler.CatchUp(Now);
        Assert.Multiple(() =>
        {
            Assert.That(first.State, Is.EqualTo(ExecutableState.SUCCEED));
            Assert.That(second.State, Is.EqualTo(ExecutableState.RUNNING));
            Assert.That(second.StartTime, Is.EqualTo(start + 31_000), "started the instant the slot freed");
            Assert.That(scheduler.Running("p"), Is.EqualTo(1));
        });
    }

    [Test]
    public void CatchUp_OtherProjectsSlots_AreTheirOwn()
    {
        var scheduler = Scheduler(maxRunning: 1);
        var p = Admitted(scheduler, "p1");
        var q = Admitted(scheduler, "q1", project: "q");
        clock.Advance(TimeSpan.FromSeconds(2));
        scheduler.CatchUp(Now);
        Assert.That(new[] { p.State, q.State }, Is.EqualTo(new[] { ExecutableState.RUNNING, ExecutableState.RUNNING }));
    }

    [Test]
    public void Changed_RunningJobPaused_StartsTheLongestWaitingJobAtThatInstant()
    {
        var scheduler = Scheduler(maxRunning: 1);
        var running = Admitted(scheduler, "running");
        var older = Admitted(scheduler, "older");
        clock.Advance(TimeSpan.FromMilliseconds(1));
        var newer = Admitted(scheduler, "newer");
        clock.Advance(TimeSpan.FromSeconds(3));
        scheduler.CatchUp(Now);
        JobTransitions.Apply(running, JobAction.PAUSE, Now);
        scheduler.Changed(running, wasRunning: true, Now);
        Assert.Multiple(() =>
        {
            Assert.That(running.State, Is.EqualTo(ExecutableState.PAUSED));
            Assert.That(older.State, Is.EqualTo(ExecutableState.RUNNING));
            Assert.That(older.StartTime, Is.EqualTo(Now));
            Assert.That(newer.State, Is.EqualTo(ExecutableState.READY));
            Assert.That(scheduler.Running("p"), Is.EqualTo(1));
        });
    }

    [Test]
    public void Changed_JobResumed_IsPickedUpAgainAfterItsDelay()
    {
        var scheduler = Scheduler(maxRunning: 20);
        var job = Admitted(scheduler, "a");
        clock.Advance(TimeSpan.FromSeconds(2));
        scheduler.CatchUp(Now);
        JobTransitions.Apply(job, JobAction.PAUSE, Now);
        scheduler.Changed(job, wasRunning: true, Now);
        JobTransitions.Apply(job, JobAction.RESUME, Now);
        scheduler.Changed(job, wasRunning: false, Now);
        var resumed = Now;
        clock.Advance(TimeSpan.FromMilliseconds(1_000));
        scheduler.CatchUp(Now);
        Assert.Multiple(() =>
        {
            Assert.That(job.State, Is.EqualTo(ExecutableState.RUNNING));
            Assert.That(job.Steps[0].LastRunningStartTime, Is.EqualTo(resumed + 1_000));
            Assert.That(job.Runs, Is.EqualTo(2));
        });
    }

    [Test]
    public void Forget_RunningJob_FreesItsSlotAndItsMovesAreNotProcessed()
    {
        var scheduler = Scheduler(maxRunning: 20);
        var job = Admitted(scheduler, "a");
        clock.Advance(TimeSpan.FromSeconds(2));
        scheduler.CatchUp(Now);
        moves.Clear();
        scheduler.Forget(job);
        clock.Advance(TimeSpan.FromMinutes(5));
        scheduler.CatchUp(Now);
        Assert.Multiple(() =>
        {
            Assert.That(scheduler.Running("p"), Is.Zero);
            Assert.That(moves, Is.Empty);
            Assert.That(job.State, Is.EqualTo(ExecutableState.RUNNING), "a forgotten job is left as it was");
        });
    }

    [Test]
    public void Clear_ForgetsEveryJobAndSlot()
    {
        var scheduler = Scheduler(maxRunning: 20);
        Admitted(scheduler, "a");
        clock.Advance(TimeSpan.FromSeconds(2));
        scheduler.CatchUp(Now);
        scheduler.Clear();
        Assert.Multiple(() =>
        {
            Assert.That(scheduler.Running("p"), Is.Zero);
            Assert.That(scheduler.ScheduledCount, Is.Zero);
        });
    }

    [Test]
    public void New_LimitBelowOne_ThrowsArgumentOutOfRangeException() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new JobScheduler(0, _ => { }));

    private JobScheduler Scheduler(int maxRunning) => new(maxRunning, job => moves.Add(job.Id));

    private Job Admitted(JobScheduler scheduler, string id, string project = "p")
    {
        var job = NewJob.Create(id, project, JobType.INDEX_BUILD, "model", "alias", TenSecondSteps, Now);
        scheduler.Admit(job);
        return job;
    }
}
