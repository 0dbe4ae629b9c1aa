using System.Text;
using KylinMock.Backend;
using KylinMock.Control;
using KylinMock.Errors;
using KylinMock.Jobs;
using KylinMock.Query;
using Microsoft.Extensions.Time.Testing;

namespace KylinMock.Tests.Backend;

/// <summary>
/// The backend's operations called directly, without HTTP: each validates, acts and returns an immutable result
/// (Kylin's JobService for the job operations; the clock's guards as FakeTimeProvider's, before it moves).
/// </summary>
public class KylinBackendTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 15, 12, 0, 0, TimeSpan.Zero);
    private static readonly JobPlan Plan = JobPlan.Succeeds(10_000, 60_000, 120_000, 30_000);

    [Test]
    public void AdvanceClock_MovesTheClock_AndTheJobsCatchUpInTheSameStep()
    {
        var (backend, _) = Backend();
        var id = backend.Jobs.Submit("p", JobType.INDEX_BUILD, "m", Plan).Id;

        var now = backend.AdvanceClock(TimeSpan.FromSeconds(15));

        Assert.Multiple(() =>
        {
            Assert.That(now, Is.EqualTo(T0.AddSeconds(15)));
            Assert.That(backend.GetJob(id).Job.State, Is.EqualTo(ExecutableState.RUNNING));
        });
    }

    // ClockRange: a move past 9999-01-01 is refused before the clock moves (FakeTimeProvider guards the same way).
    [Test]
    public void AdvanceClock_PastTheClocksRange_IsRefused_AndNothingMoves()
    {
        var (backend, clock) = Backend();
        var id = backend.Jobs.Submit("p", JobType.INDEX_BUILD, "m", Plan).Id;

        Assert.Throws<ArgumentOutOfRangeException>(() => backend.AdvanceClock(TimeSpan.FromDays(3_000_000)));

        Assert.Multiple(() =>
        {
            Assert.That(clock.GetUtcNow(), Is.EqualTo(T0));
            Assert.That(backend.GetJob(id).Job.State, Is.EqualTo(ExecutableState.READY));
        });
    }

    [Test]
    public void SetClock_Backwards_IsRefused_AndTheClockStays()
    {
        var (backend, clock) = Backend();
        backend.AdvanceClock(TimeSpan.FromMinutes(1));

        Assert.Throws<ArgumentOutOfRangeException>(() => backend.SetClock(T0));
        Assert.That(clock.GetUtcNow(), Is.EqualTo(T0.AddMinutes(1)));
    }

    // The guard and the move are one step under the lock: a set racing advances never lands the clock before an instant it read.
    [Test]
    public void SetClock_RacingAdvances_NeverMovesTheClockBackwards()
    {
        var (backend, clock) = Backend();
        var stop = false;
        var backwards = 0;
        var watcher = new Thread(() =>
        {
            var last = clock.GetUtcNow();
            while (!Volatile.Read(ref stop))
            {
                var now = clock.GetUtcNow();
                if (now < last)
                {
                    Interlocked.Increment(ref backwards);
                }

                last = now;
            }
        });
        watcher.Start();
        Parallel.For(0, 2_000, i =>
        {
            if (i % 2 == 0)
            {
                backend.AdvanceClock(TimeSpan.FromMilliseconds(1));
            }
            else
            {
                try
                {
                    backend.SetClock(T0.AddMilliseconds(i / 2));
                }
                catch (ArgumentOutOfRangeException)
                {
                    // Behind the clock already: refused, as it must be.
                }
            }
        });
        Volatile.Write(ref stop, true);
        watcher.Join();

        Assert.Multiple(() =>
        {
            Assert.That(backwards, Is.Zero);
            Assert.That(clock.GetUtcNow(), Is.GreaterThanOrEqualTo(T0.AddMilliseconds(1_000)));
        });
    }

    [Test]
    public void ListJobs_ReturnsCopies_ThatALaterUpdateDoesNotChange()
    {
        var (backend, _) = Backend();
        var id = backend.Jobs.Submit("p", JobType.INDEX_BUILD, "m", Plan).Id;
        var list = backend.ListJobs(new JobFilter { TimeFilter = 4, Key = id }, cache: null, int.MaxValue, "page_size");

        backend.UpdateJobStatus(new JobUpdateRequest("PAUSE", "p", [id], null));

        Assert.Multiple(() =>
        {
            Assert.That(list.Page!.Jobs.Single().State, Is.EqualTo(ExecutableState.READY));
            Assert.That(backend.GetJobDetail("p", id).Job.State, Is.EqualTo(ExecutableState.PAUSED));
        });
    }

    // The list's kept answer: at one store version and one instant the backend hands back the bytes the face kept.
    [Test]
    public void ListJobs_SameVersionAndInstant_HandsBackTheKeptAnswer_AndAChangeDropsIt()
    {
        var (backend, _) = Backend();
        var id = backend.Jobs.Submit("p", JobType.INDEX_BUILD, "m", Plan).Id;
        var cache = new ListAnswerCache();
        var filter = new JobFilter { TimeFilter = 4 };
        var first = backend.ListJobs(filter, cache, int.MaxValue, "page_size");
        cache.Keep(first.Version, first.Now, filter, [1, 2, 3]);

        var again = backend.ListJobs(filter, cache, int.MaxValue, "page_size");
        backend.UpdateJobStatus(new JobUpdateRequest("PAUSE", "p", [id], null));
        var changed = backend.ListJobs(filter, cache, int.MaxValue, "page_size");

        Assert.Multiple(() =>
        {
            Assert.That(first.Cached, Is.Null);
            Assert.That(again.Cached, Is.EqualTo(new byte[] { 1, 2, 3 }));
            Assert.That(changed.Cached, Is.Null);
            Assert.That(changed.Page!.Jobs.Single().State, Is.EqualTo(ExecutableState.PAUSED));
        });
    }

    // JobService.getJobDetail after BaseController.checkProjectName: an unknown project is KE-010001201.
    [Test]
    public void GetJobDetail_UnknownProject_IsKylinsProjectNotExist()
    {
        var (backend, _) = Backend();
        var id = backend.Jobs.Submit("p", JobType.INDEX_BUILD, "m", Plan).Id;

        var refused = Assert.Throws<KylinException>(() => backend.GetJobDetail("nope", id));
        Assert.That(refused!.Code, Is.EqualTo("KE-010001201"));
    }

    // JobService.batchUpdateJobStatus: a refused action changes nothing.
    [Test]
    public void UpdateJobStatus_ResumeOfAReadyJob_IsRefused_AndTheJobStays()
    {
        var (backend, _) = Backend();
        var id = backend.Jobs.Submit("p", JobType.INDEX_BUILD, "m", Plan).Id;

        Assert.Throws<KylinException>(() => backend.UpdateJobStatus(new JobUpdateRequest("RESUME", "p", [id], null)));
        Assert.That(backend.GetJob(id).Job.State, Is.EqualTo(ExecutableState.READY));
    }

    [Test]
    public void Reset_ForgetsSubmittedJobs_Faults_Journal_AndSessions()
    {
        var (backend, _) = Backend();
        var before = backend.JobCount;
        backend.Jobs.Submit("p", JobType.INDEX_BUILD, "m", Plan);
        backend.Faults.Add(new FaultRule { Kind = FaultKind.Drop });
        backend.Record("GET", "/kylin/api/jobs", "time_filter=4", new Dictionary<string, string>(), null, 200, "GetJobList");
        var (_, session) = backend.Authenticate(Basic("ADMIN:KYLIN"), cookieHeader: null);

        backend.Reset(restartClock: false);

        Assert.Multiple(() =>
        {
            Assert.That(backend.JobCount, Is.EqualTo(before));
            Assert.That(backend.Faults.List(), Is.Empty);
            Assert.That(backend.Journal.Entries(), Is.Empty);
            Assert.That(backend.Authenticate(null, KylinMock.Security.SessionStore.CookieName + "=" + session).User, Is.Null);
        });
    }

    // kylinSecurity.xml: a Basic login starts a session, whose cookie alone authenticates later requests.
    [Test]
    public void Authenticate_BasicLogin_StartsASession_WhoseCookieAloneAuthenticates()
    {
        var (backend, _) = Backend();

        var (user, session) = backend.Authenticate(Basic("ADMIN:KYLIN"), cookieHeader: null);
        var (again, started) = backend.Authenticate(null, KylinMock.Security.SessionStore.CookieName + "=" + session);

        Assert.Multiple(() =>
        {
            Assert.That(user?.User.Username, Is.EqualTo("ADMIN"));
            Assert.That(session, Is.Not.Null);
            Assert.That(again?.User.Username, Is.EqualTo("ADMIN"));
            Assert.That(started, Is.Null);
        });
    }

    private static string Basic(string credentials) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials));

    private static (KylinBackend Backend, FakeTimeProvider Clock) Backend()
    {
        var clock = new FakeTimeProvider(T0);
        var options = new KylinMockOptions { Clock = clock, Estate = new Estate([], []) };
        return (new KylinBackend(options, options.Estate, notifier: null), clock);
    }
}
