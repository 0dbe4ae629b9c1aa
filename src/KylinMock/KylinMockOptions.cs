using KylinMock.Jobs;

namespace KylinMock;

/// <summary>
/// Everything a KylinMock server is started with; immutable, with Kylin-like defaults, validated
/// by <see cref="KylinMockServer.Start(KylinMockOptions)"/>.
/// </summary>
public sealed record KylinMockOptions
{
    /// <summary>The port; 0 (the default) takes a free one, read back as <see cref="KylinMockServer.Port"/>.</summary>
    public int Port { get; init; }

    /// <summary>The address to listen on; loopback unless asked otherwise.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>The clock every time is read from; pass a <c>FakeTimeProvider</c> to drive jobs from a test.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The Bogus seed of the generated estate (used when no fixture is given).</summary>
    public int Seed { get; init; } = 42;

    /// <summary>How many jobs to generate (used when no fixture is given).</summary>
    public int JobCount { get; init; } = 500;

    /// <summary>A fixture file to load instead of generating; its jobs keep their recorded times.</summary>
    public string? FixturePath { get; init; }

    /// <summary>An estate to load as is, instead of generating or reading a file.</summary>
    public Estate? Estate { get; init; }

    /// <summary>The users accepted over HTTP Basic; Kylin's <c>ADMIN</c>/<c>KYLIN</c> by default.</summary>
    public IReadOnlyList<KylinUser> Users { get; init; } = [KylinUser.Admin];

    /// <summary>The server time zone, for the calendar of <c>time_filter</c> windows; UTC by default.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>
    /// Whether <c>Accept-Language: zh</c> picks Kylin's Chinese messages. Off by default: Kylin 5 (kylin5 branch) answers
    /// in English whatever the header says (the Chinese branches of <c>MsgPicker</c> are commented out).
    /// </summary>
    public bool ChineseMessages { get; init; }

    /// <summary>How many jobs of one project may run at once; further jobs stay PENDING (Kylin's max concurrent jobs, 20).</summary>
    public int MaxRunningJobsPerProject { get; init; } = 20;

    /// <summary>How many requests the journal keeps (the oldest are forgotten); 0 keeps none. 1000 by default.</summary>
    public int JournalCapacity { get; init; } = 1000;

    /// <summary>When set, the control API under <c>/__kylinmock/</c> requires the header <c>X-KylinMock-Token</c> with this value.</summary>
    public string? ControlToken { get; init; }

    /// <summary>
    /// The largest request body a Kylin endpoint accepts (32 MiB by default); a larger one is refused
    /// with 413 and an UNKNOWN ERRORCODE envelope before it is read. Kylin itself has no such limit.
    /// The control API takes bodies up to 1 GiB (whole fixtures).
    /// </summary>
    public long MaxRequestBodyBytes { get; init; } = 32L * 1024 * 1024;

    /// <summary>
    /// The most jobs one list page may hold (100,000 by default, about 80 MB of JSON). A list whose
    /// page would hold more is refused with 400 <c>KE-010000003</c> naming the ceiling; Kylin itself
    /// has none. Only the jobs actually on the page count, so <c>page_size=2147483647</c> over a
    /// smaller result answers as Kylin does.
    /// </summary>
    public int MaxPageSize { get; init; } = 100_000;

    /// <summary>The largest fixture file <see cref="FixturePath"/> may name (8 GiB by default; a million generated jobs take about 3.3 GiB).</summary>
    public long MaxFixtureBytes { get; init; } = 8L * 1024 * 1024 * 1024;

    /// <summary>
    /// Kylin's <c>kylin.job.finished-notifier-url</c>: when set, each job whose run ends (SUCCEED, ERROR,
    /// PAUSED, DISCARDED) is POSTed there as JSON, in the order the clock reached them. Null by default (no callback).
    /// </summary>
    public Uri? JobFinishedNotifierUrl { get; init; }

    /// <summary><c>kylin.job.finished-notifier-username</c>: with it, the callback carries <c>Authorization: Basic</c>.</summary>
    public string? JobFinishedNotifierUsername { get; init; }

    /// <summary><c>kylin.job.finished-notifier-password</c>.</summary>
    public string? JobFinishedNotifierPassword { get; init; }

    /// <summary>
    /// Which Kylin the server is: 5 (the default: Kylin 5.0.x's v4 and v2 API) or 4 (Kylin 4.0.x's legacy v1 API:
    /// plain JSON without the envelope, cubes over the same models, Kylin 4's jobs, steps and errors).
    /// </summary>
    public int KylinVersion { get; init; } = 5;

    /// <summary>
    /// The SQL engine that answers <c>POST /kylin/api/query</c> (the <c>KylinMock.Sql</c> package's <c>DuckDbSqlEngine</c>).
    /// Null by default: a query then fails as on a Kylin without its query engine, naming the package to add.
    /// </summary>
    public Sql.ISqlEngine? SqlEngine { get; init; }

    /// <summary>
    /// How long every query waits before it runs (0 by default), so a test can stop one in flight with
    /// <c>DELETE /kylin/api/query/{stopId}</c>; the control plane changes it (<c>PUT /__kylinmock/query/latency</c>).
    /// </summary>
    public TimeSpan QueryLatency { get; init; }

    /// <summary>Throws when an option is out of range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Port, 0, nameof(Port));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Port, 65535, nameof(Port));
        ArgumentException.ThrowIfNullOrWhiteSpace(Host, nameof(Host));
        ArgumentNullException.ThrowIfNull(Clock, nameof(Clock));
        ArgumentOutOfRangeException.ThrowIfNegative(JobCount, nameof(JobCount));
        ArgumentNullException.ThrowIfNull(Users, nameof(Users));
        ArgumentNullException.ThrowIfNull(TimeZone, nameof(TimeZone));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRunningJobsPerProject, 1, nameof(MaxRunningJobsPerProject));
        ArgumentOutOfRangeException.ThrowIfNegative(JournalCapacity, nameof(JournalCapacity));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRequestBodyBytes, 1, nameof(MaxRequestBodyBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxFixtureBytes, 1, nameof(MaxFixtureBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPageSize, 1, nameof(MaxPageSize));
        if (KylinVersion is not (4 or 5))
        {
            throw new ArgumentOutOfRangeException(nameof(KylinVersion), KylinVersion, "KylinVersion is 4 (the legacy v1 API) or 5 (the default).");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(QueryLatency, TimeSpan.Zero, nameof(QueryLatency));
        if (ControlToken is { Length: 0 })
        {
            // An empty token would let an empty X-KylinMock-Token header through: no token is null, not "".
            throw new ArgumentException("The control token must not be empty (ControlToken, --token); leave it unset for an open control API.", nameof(ControlToken));
        }

        if (JobFinishedNotifierUrl is { } notifierUrl)
        {
            Notify.JobFinishedNotifier.CheckUrl(notifierUrl, nameof(JobFinishedNotifierUrl));
        }

        if (Users.Select(u => u.Username).Distinct(StringComparer.OrdinalIgnoreCase).Count() != Users.Count)
        {
            throw new ArgumentException("User names must be unique (case-insensitively).", nameof(Users));
        }
    }
}
