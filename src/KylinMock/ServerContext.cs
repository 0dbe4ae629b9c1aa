using KylinMock.Backend;

namespace KylinMock;

/// <summary>What one server's faces share: its backend (the only owner of state) and the faces' own settings. No statics.</summary>
/// <param name="Backend">The backend: every operation on the server's state.</param>
internal sealed record ServerContext(KylinBackend Backend)
{
    /// <summary>The clock.</summary>
    public TimeProvider Clock => Backend.Clock;

    /// <summary>The server time zone (time windows).</summary>
    public TimeZoneInfo TimeZone => Backend.TimeZone;

    /// <summary>Whether Accept-Language zh picks the Chinese bundle (a Kylin build that re-enables it); off as in Kylin 5.</summary>
    public bool ChineseMessages { get; init; }

    /// <summary>The token the control API requires, or null.</summary>
    public string? ControlToken { get; init; }

    /// <summary>The most jobs one list page may hold (the mock's own ceiling).</summary>
    public int MaxPageSize { get; init; } = int.MaxValue;

    /// <summary>The port the server listens on (filled in once bound).</summary>
    public int Port { get; set; }

    /// <summary>Epoch milliseconds now.</summary>
    public long NowMs => Backend.NowMs;
}
