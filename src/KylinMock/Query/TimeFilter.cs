namespace KylinMock.Query;

/// <summary>
/// Kylin's <c>time_filter</c> (<c>JobTimeFilterEnum</c>): 0 last day, 1 last week, 2 last month
/// (calendar), 3 last year, 4 all. The window is now minus that period in the server's time zone,
/// unbounded above, and tested against a job's last-modified time.
/// </summary>
internal static class TimeFilter
{
    /// <summary>The highest valid code (ALL).</summary>
    public const int All = 4;

    /// <summary>Whether <paramref name="code"/> names a window.</summary>
    public static bool IsValid(int code) => code is >= 0 and <= All;

    /// <summary>The window's start in epoch ms (0 for ALL), computed on the calendar of <paramref name="zone"/>.</summary>
    public static long WindowStart(int code, DateTimeOffset now, TimeZoneInfo zone)
    {
        if (!IsValid(code))
        {
            throw new ArgumentOutOfRangeException(nameof(code), code, "time_filter is 0..4");
        }

        if (code == All)
        {
            return 0;
        }

        var local = TimeZoneInfo.ConvertTime(now, zone).DateTime;
        var start = code switch
        {
            0 => local.AddDays(-1),
            1 => local.AddDays(-7),
            2 => local.AddMonths(-1),
            _ => local.AddYears(-1),
        };

        // Like a lenient java.util.Calendar, a wall time skipped by a DST change moves forward.
        while (zone.IsInvalidTime(start))
        {
            start = start.AddMinutes(30);
        }

        var offset = zone.GetUtcOffset(start);
        return new DateTimeOffset(DateTime.SpecifyKind(start, DateTimeKind.Unspecified), offset).ToUnixTimeMilliseconds();
    }
}
