using KylinMock.Jobs;
using Microsoft.Extensions.Time.Testing;

namespace KylinMock.Tests.Jobs;

/// <summary>
/// A job's automatic life over the clock, driven through the store alone (contract: "Automatic life of
/// a job", ExecutableState.java, DefaultExecutable.java); JobLifeTests checks the same over HTTP.
/// </summary>
public class JobStoreLifeTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 15, 12, 0, 0, TimeSpan.Zero);
    private static readonly long Ms0 = T0.ToUnixTimeMilliseconds();
    private static readonly JobPlan Plan = JobPlan.Succeeds(10_000, 60_000, 120_000, 30_000);

    [Test]
    public void Submitted_IsReadyWithNoStart_AndWaitsUntilPickedUp()
    {
        var (store, clock) = Store();
        var id = store.Submit("p", JobType.INDEX_BUILD, "m", Plan, "sales").Id;
        clock.Advance(TimeSpan.FromSeconds(5));
        var job = store.Find(id)!;
        Assert.Multiple(() =>
        {
            Assert.That(job.State, Is.EqualTo(ExecutableState.READY));
            Assert.That(job.StartTime, Is.Zero);
            Assert.That(JobTiming.WaitTime(job, store.Now), Is.EqualTo(5_000));
            Assert.That(JobTiming.Duration(job, store.Now), Is.Zero);
        });
    }

    // READY -> RUNNING sets the start time; steps run in order, each READY -> RUNNING -> SUCCEED.
    [Test]
    public void PickedUp_RunsStepsInOrder_AndFinishesAtThePlannedInstant()
    {
        var (store, clock) = Store();
        var id = store.Submit("p", JobType.INDEX_BUILD, "m", Plan, "sales").Id;
        clock.Advance(TimeSpan.FromSeconds(100));
        var midway = store.Find(id)!;
        clock.Advance(TimeSpan.FromSeconds(200));
        var done = store.Find(id)!;
        Assert.Multiple(() =>
        {
            Assert.That(midway.State, Is.EqualTo(ExecutableState.RUNNING));
            Assert.That(midway.StartTime, Is.EqualTo(Ms0 + 10_000));
            Assert.That(midway.Steps.Select(s => s.State), Is.EqualTo(new[] { ExecutableState.SUCCEED, ExecutableState.RUNNING, ExecutableState.READY }));
            Assert.That(done.State, Is.EqualTo(ExecutableState.SUCCEED));
            Assert.That(done.EndTime, Is.EqualTo(Ms0 + 10_000 + 210_000));
            Assert.That(JobTiming.Duration(done, store.Now), Is.EqualTo(210_000));
            Assert.That(done.History, Is.EqualTo(new[] { ExecutableState.READY, ExecutableState.PENDING, ExecutableState.RUNNING, ExecutableState.SUCCEED }));
        });
    }

    // A step -> ERROR ends the job in ERROR (DefaultExecutable.onExecuteFinished).
    [Test]
    public void FailingPlan_EndsInErrorAtThePlannedStep()
    {
        var (store, clock) = Store();
        var id = store.Submit("p", JobType.INDEX_BUILD, "m", Plan.FailingAt(1), "sales").Id;
        clock.Advance(TimeSpan.FromHours(1));
        var job = store.Find(id)!;
        Assert.Multiple(() =>
        {
            Assert.That(job.State, Is.EqualTo(ExecutableState.ERROR));
            Assert.That(job.Steps.Select(s => s.State), Is.EqualTo(new[] { ExecutableState.SUCCEED, ExecutableState.ERROR, ExecutableState.READY }));
            Assert.That(job.EndTime, Is.EqualTo(Ms0 + 10_000 + 180_000));
        });
    }

    // Kylin's max concurrent jobs per project: the rest stay READY until a slot frees.
    [Test]
    public void ConcurrencyLimit_KeepsExtraJobsReadyUntilASlotFrees()
    {
        var (store, clock) = Store(maxRunning: 1);
        var first = store.Submit("p", JobType.INDEX_BUILD, "m", JobPlan.Succeeds(1_000, 10_000, 10_000, 10_000), "sales").Id;
        var second = store.Submit("p", JobType.INDEX_BUILD, "m", JobPlan.Succeeds(1_000, 10_000, 10_000, 10_000), "sales").Id;
        clock.Advance(TimeSpan.FromSeconds(5));
        var whileBusy = store.Find(second)!.State;
        clock.Advance(TimeSpan.FromSeconds(100));
        Assert.Multiple(() =>
        {
            Assert.That(whileBusy, Is.EqualTo(ExecutableState.READY));
            Assert.That(store.Find(first)!.State, Is.EqualTo(ExecutableState.SUCCEED));
            Assert.That(store.Find(second)!.State, Is.EqualTo(ExecutableState.SUCCEED));
            Assert.That(store.Find(second)!.StartTime, Is.EqualTo(Ms0 + 31_000), "picked up the moment the first one's slot freed");
        });
    }

    [Test]
    public void SameClockMoves_InOneStepOrMany_GiveTheSameJob()
    {
        var (once, onceClock) = Store();
        var (often, oftenClock) = Store();
        var a = once.Submit("p", JobType.INDEX_BUILD, "m", Plan, "sales", id: "j").Id;
        var b = often.Submit("p", JobType.INDEX_BUILD, "m", Plan, "sales", id: "j").Id;
        onceClock.Advance(TimeSpan.FromSeconds(150));
        for (var i = 0; i < 150; i++)
        {
            oftenClock.Advance(TimeSpan.FromSeconds(1));
            _ = often.Find(b);
        }

        var x = once.Find(a)!;
        var y = often.Find(b)!;
        Assert.Multiple(() =>
        {
            Assert.That((y.State, y.StartTime, y.EndTime), Is.EqualTo((x.State, x.StartTime, x.EndTime)));
            Assert.That(y.Steps.Select(s => (s.State, s.StartTime, s.EndTime)), Is.EqualTo(x.Steps.Select(s => (s.State, s.StartTime, s.EndTime))));
        });
    }

    private static (JobStore Store, FakeTimeProvider Clock) Store(int maxRunning = 20)
    {
        var clock = new FakeTimeProvider(T0);
        var store = new JobStore(clock, maxRunning);
        store.Load(new Estate([new Project("p")], []));
        return (store, clock);
    }
}
