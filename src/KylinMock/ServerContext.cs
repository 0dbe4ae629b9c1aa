using KylinMock.Clocks;
using KylinMock.Control;
using KylinMock.Jobs;
using KylinMock.Security;

namespace KylinMock;

/// <summary>Everything one server's endpoints share: its store, users, clock and settings. No statics.</summary>
/// <param name="Store">The job store.</param>
/// <param name="Users">The user directory.</param>
/// <param name="Clock">The clock.</param>
/// <param name="TimeZone">The server time zone (time windows).</param>
internal sealed record ServerContext(JobStore Store, UserDirectory Users, TimeProvider Clock, TimeZoneInfo TimeZone)
{
    /// <summary>The request journal of the Kylin endpoints.</summary>
    public required RequestJournal Journal { get; init; }

    /// <summary>The faults armed on the Kylin endpoints.</summary>
    public required FaultList Faults { get; init; }

    /// <summary>Moves the clock for the control API.</summary>
    public required ClockControl ClockControl { get; init; }

    /// <summary>The HTTP sessions of Basic logins.</summary>
    public required Security.SessionStore Sessions { get; init; }

    /// <summary>Whether Accept-Language zh picks the Chinese bundle (a Kylin build that re-enables it); off as in Kylin 5.</summary>
    public bool ChineseMessages { get; init; }

    /// <summary>The token the control API requires, or null.</summary>
    public string? ControlToken { get; init; }

    /// <summary>The most jobs one list page may hold (the mock's own ceiling).</summary>
    public int MaxPageSize { get; init; } = int.MaxValue;

    /// <summary>The SQL database of <see cref="KylinMockOptions.SqlEngine"/>, or null when the server has no engine.</summary>
    public Sql.ISqlDatabase? Sql { get; init; }

    /// <summary>Query history, saved queries, running queries.</summary>
    public required Sql.QueryBook Queries { get; init; }

    /// <summary>The port the server listens on (filled in once bound).</summary>
    public int Port { get; set; }

    /// <summary>Epoch milliseconds now.</summary>
    public long NowMs => Clock.GetUtcNow().ToUnixTimeMilliseconds();
}
