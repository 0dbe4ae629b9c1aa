using KylinMock.Query;

namespace KylinMock.Tests.Query;

/// <summary>time_filter windows on the server's calendar (JobService.getTimeStartInMillis).</summary>
public class TimeFilterTests
{
    private static readonly DateTimeOffset EndOfMarch = new(2026, 3, 31, 10, 0, 0, TimeSpan.Zero);

    [TestCase(0, "2026-03-30T10:00:00Z")]
    [TestCase(1, "2026-03-24T10:00:00Z")]
    [TestCase(2, "2026-02-28T10:00:00Z")]
    [TestCase(3, "2025-03-31T10:00:00Z")]
    public void WindowStart_SubtractsTheCalendarPeriod(int code, string expected)
    {
        Assert.That(TimeFilter.WindowStart(code, EndOfMarch, TimeZoneInfo.Utc), Is.EqualTo(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds()));
    }

    [Test]
    public void WindowStart_All_IsZero()
    {
        Assert.That(TimeFilter.WindowStart(4, EndOfMarch, TimeZoneInfo.Utc), Is.Zero);
    }

    [Test]
    public void WindowStart_LastMonth_UsesTheServerTimeZonesCalendar()
    {
        // 2026-03-01T02:00+08:00 is still February 28th in UTC: a month back lands on different days.
        var instant = new DateTimeOffset(2026, 2, 28, 18, 0, 0, TimeSpan.Zero);
        var shanghai = TimeZoneInfo.CreateCustomTimeZone("UTC+8", TimeSpan.FromHours(8), "UTC+8", "UTC+8");
        Assert.Multiple(() =>
        {
            Assert.That(TimeFilter.WindowStart(2, instant, TimeZoneInfo.Utc), Is.EqualTo(new DateTimeOffset(2026, 1, 28, 18, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds()));
            Assert.That(TimeFilter.WindowStart(2, instant, shanghai), Is.EqualTo(new DateTimeOffset(2026, 2, 1, 2, 0, 0, TimeSpan.FromHours(8)).ToUnixTimeMilliseconds()));
        });
    }

    [TestCase(-1)]
    [TestCase(5)]
    public void WindowStart_UnknownCode_Throws(int code)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TimeFilter.WindowStart(code, EndOfMarch, TimeZoneInfo.Utc));
    }
}
