using System.Globalization;

namespace KylinMock.Clocks;

/// <summary>
/// The instants a KylinMock clock may read: from the Unix epoch (Kylin's times are epoch milliseconds,
/// never negative) to 9999-01-01, a year short of the calendar's end so a flowing clock, a time zone and
/// the longest plan never leave it. A clock checks its range before it moves, as <c>FakeTimeProvider</c>
/// does: a refused move leaves it where it was.
/// </summary>
internal static class ClockRange
{
    /// <summary>The earliest instant a clock may read: 1970-01-01T00:00:00Z.</summary>
    public static DateTimeOffset Earliest { get; } = DateTimeOffset.UnixEpoch;

    /// <summary>The latest instant a clock may read: 9999-01-01T00:00:00Z.</summary>
    public static DateTimeOffset Latest { get; } = new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Whether <paramref name="instant"/> lies in the range.</summary>
    public static bool Contains(DateTimeOffset instant) => instant >= Earliest && instant <= Latest;

    /// <summary><paramref name="instant"/>, or an <see cref="ArgumentOutOfRangeException"/> naming the range.</summary>
    internal static DateTimeOffset Check(DateTimeOffset instant, string name) =>
        Contains(instant)
            ? instant
            : throw new ArgumentOutOfRangeException(name, $"{Text(instant)} is outside the clock's range, {Text(Earliest)} to {Text(Latest)}.");

    /// <summary><paramref name="now"/> moved by <paramref name="delta"/> (not negative), refused before any arithmetic could leave the range.</summary>
    internal static DateTimeOffset After(DateTimeOffset now, TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        if (delta > Latest - now)
        {
            throw new ArgumentOutOfRangeException(nameof(delta), $"Moving the clock from {Text(now)} by {delta} would pass {Text(Latest)}, the latest instant a clock may read.");
        }

        return now + delta;
    }

    private static string Text(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
