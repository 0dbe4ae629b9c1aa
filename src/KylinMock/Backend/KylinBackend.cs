using KylinMock.Clocks;
using KylinMock.Control;
using KylinMock.Jobs;
using KylinMock.Models;
using KylinMock.Security;

namespace KylinMock.Backend;

/// <summary>
/// The one owner of a server's state (moto's backend rule): the jobs with their scheduler and order, the
/// estate of projects, tables, models and segments, the users and sessions, the armed faults, the request
/// journal, the job-finished queue and the clock's moves, with one <see cref="Reset"/>. The jobs, the estate, the
/// faults, the queries and the clock's moves are behind ONE lock; the users with their sessions, and the journal, are
/// state no job or model reads, so each keeps its own small lock and a login or a journal entry never waits behind a
/// list or a build (measured: the list's throughput, tests/KylinMock.Benchmarks/README.md).
/// Each face binds a request, makes one call on an operation named in Kylin's words (the partial files beside
/// this one: jobs, builds, the estate's reads, security) and writes the answer from the immutable result,
/// outside the lock. Jobs and Models do not call each other: the store tells the backend a job moved, and
/// the backend tells the estate.
/// </summary>
internal sealed partial class KylinBackend
{
    // The one lock of the jobs and the estate: the job store, the faults and the query book take this object.
    private readonly object gate = new();

    // The users and their sessions (a login reads both, and nothing else); the journal has a lock of its own.
    private readonly object security = new();
    private readonly JobStore store;
    private readonly ClockControl clockControl;
    private readonly UserDirectory users;
    private readonly SessionStore sessions;
    private readonly Notify.JobFinishedNotifier? notifier;

    /// <summary>A backend over <paramref name="estate"/>, with the options' clock, users, limits and journal size.</summary>
    /// <param name="options">The server's options.</param>
    /// <param name="estate">The estate to load (and return to on reset).</param>
    /// <param name="notifier">The job-finished callback: hears of each job whose run ends, under the lock, and forgets its queue on reset; or null.</param>
    public KylinBackend(KylinMockOptions options, Estate estate, Notify.JobFinishedNotifier? notifier)
    {
        this.notifier = notifier;
        Clock = options.Clock;
        TimeZone = options.TimeZone;
        store = new JobStore(options.Clock, options.MaxRunningJobsPerProject, options.Seed, gate);
        store.Load(estate);
        store.RunEnded = notifier is null ? null : (job, catalog, now) => notifier.Enqueue(job.Id, Notify.JobFinishedJson.Write(job, catalog, now));
        Models = new KylinModels(store);
        clockControl = new ClockControl(options.Clock);
        users = new UserDirectory(options.Users, options.Clock, security, lockout: options.KylinVersion != 4);
        sessions = new SessionStore(options.Clock, security);
        Faults = new FaultList(gate);
        Journal = new RequestJournal(options.JournalCapacity, new object());
        Queries = new Sql.QueryBook(options.QueryLatency, options.Seed, gate);
        Sql = options.SqlEngine?.Open(options.Seed);
    }

    /// <summary>The clock the server reads.</summary>
    public TimeProvider Clock { get; }

    /// <summary>The server's time zone (Kylin's time windows and day buckets).</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>The jobs as an embedding test sees them (<c>kylin.Jobs</c>), over this backend's lock.</summary>
    public JobStore Jobs => store;

    /// <summary>The estate's models and segments as an embedding test sees them (<c>kylin.Models</c>).</summary>
    public KylinModels Models { get; }

    /// <summary>The faults armed on the Kylin endpoints.</summary>
    public FaultList Faults { get; }

    /// <summary>The requests the Kylin endpoints received.</summary>
    public RequestJournal Journal { get; }

    /// <summary>How many jobs there are.</summary>
    public int JobCount => store.Count;

    /// <summary>Epoch milliseconds now.</summary>
    public long NowMs => Clock.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Whether the control API can move the clock.</summary>
    public bool ClockMovable => clockControl.CanMove;

    /// <summary>
    /// Back to the loaded estate, fresh users, no sessions, faults or journal, in one step under the locks;
    /// with <paramref name="restartClock"/> the mock's own clock returns to its start in the same step.
    /// </summary>
    public void Reset(bool restartClock)
    {
        lock (gate)
        lock (security)
        {
            store.Reset(restartClock && clockControl.IsOwn ? clockControl.Restart : null);
            notifier?.Forget();
            users.Reset();
            sessions.Clear();
            Faults.Clear();
            Journal.Clear();
            Queries.Clear();
        }

        // The engine's rows go back to the generated ones (on the next query) outside the lock: a load in progress holds the engine's own.
        Sql?.Reset();
    }

    /// <summary>Sets the clock forward (never backwards, never out of range) and catches the jobs up, checked and moved under the lock.</summary>
    public DateTimeOffset SetClock(DateTimeOffset now)
    {
        store.MoveClock(() => clockControl.Set(now));
        return Clock.GetUtcNow();
    }

    /// <summary>Advances the clock by <paramref name="delta"/> and catches the jobs up, checked and moved under the lock.</summary>
    public DateTimeOffset AdvanceClock(TimeSpan delta)
    {
        store.MoveClock(() => clockControl.Advance(delta));
        return Clock.GetUtcNow();
    }
}
