using System.Globalization;

namespace KylinMock.Models;

/// <summary>
/// Epoch milliseconds as Java's Date and SimpleDateFormat see them: any non-negative long is a date (year 292278994 at
/// <see cref="long.MaxValue"/>), where .NET's DateTimeOffset stops at year 9999. Past 9999 the zone's standard offset applies.
/// </summary>
internal static class JavaDates
{
    private const long DayMs = 86_400_000;

    // DateTimeOffset's last millisecond (9999-12-31T23:59:59.999Z) plus a day of margin for the zone's offset.
    private const long NetLimitMs = 253_402_300_799_999 - DayMs;

    /// <summary><c>yyyyMMddHHmmss</c> of <paramref name="ms"/> in <paramref name="zone"/> (the year unpadded past 9999, as SimpleDateFormat prints it).</summary>
    public static string Compact(long ms, TimeZoneInfo zone)
    {
        var (y, mo, d, h, mi, s) = Fields(ms, zone);
        return y.ToString("0000", CultureInfo.InvariantCulture) + $"{mo:00}{d:00}{h:00}{mi:00}{s:00}";
    }

    /// <summary>
    /// <paramref name="ms"/> kept to the units <paramref name="format"/> names (DateFormat.getFormatTimeStamp: formatted with the
    /// partition format and parsed back), in <paramref name="zone"/>.
    /// </summary>
    public static long Truncate(long ms, string format, TimeZoneInfo zone)
    {
        var (y, mo, d, h, mi, s) = Fields(ms, zone);
        (mo, d, h, mi, s) = format.Contains("ss", StringComparison.Ordinal) ? (mo, d, h, mi, s)
            : format.Contains("mm", StringComparison.Ordinal) ? (mo, d, h, mi, 0)
            : format.Contains("HH", StringComparison.Ordinal) ? (mo, d, h, 0, 0)
            : format.Contains("dd", StringComparison.Ordinal) ? (mo, d, 0, 0, 0)
            : format.Contains("MM", StringComparison.Ordinal) ? (mo, 1, 0, 0, 0)
            : (1, 1, 0, 0, 0);
        var local = (DaysFromCivil(y, mo, d) * DayMs) + (((h * 60L) + mi) * 60_000L) + (s * 1000L);
        return local - Offset(ms, zone);
    }

    private static long Offset(long ms, TimeZoneInfo zone) =>
        (long)(ms is >= 0 and <= NetLimitMs ? zone.GetUtcOffset(DateTimeOffset.FromUnixTimeMilliseconds(ms)) : zone.BaseUtcOffset).TotalMilliseconds;

    private static (long Year, int Month, int Day, int Hour, int Minute, int Second) Fields(long ms, TimeZoneInfo zone)
    {
        var local = (Int128)ms + Offset(ms, zone);
        var days = (long)(local >= 0 ? local / DayMs : ((local + 1) / DayMs) - 1);
        var inDay = (long)(local - ((Int128)days * DayMs));
        var (y, m, d) = CivilFromDays(days);
        return (y, m, d, (int)(inDay / 3_600_000), (int)(inDay / 60_000 % 60), (int)(inDay / 1000 % 60));
    }

    // Howard Hinnant's days_from_civil / civil_from_days (proleptic Gregorian), in longs.
    private static (long Year, int Month, int Day) CivilFromDays(long z)
    {
        z += 719_468;
        var era = (z >= 0 ? z : z - 146_096) / 146_097;
        var doe = z - (era * 146_097);
        var yoe = (doe - (doe / 1460) + (doe / 36_524) - (doe / 146_096)) / 365;
        var doy = doe - ((365 * yoe) + (yoe / 4) - (yoe / 100));
        var mp = ((5 * doy) + 2) / 153;
        var d = (int)(doy - (((153 * mp) + 2) / 5) + 1);
        var m = (int)(mp < 10 ? mp + 3 : mp - 9);
        return (yoe + (era * 400) + (m <= 2 ? 1 : 0), m, d);
    }

    private static long DaysFromCivil(long y, int m, int d)
    {
        y -= m <= 2 ? 1 : 0;
        var era = (y >= 0 ? y : y - 399) / 400;
        var yoe = y - (era * 400);
        var doy = ((153 * (m > 2 ? m - 3 : m + 9)) + 2) / 5 + d - 1;
        var doe = (yoe * 365) + (yoe / 4) - (yoe / 100) + doy;
        return (era * 146_097) + doe - 719_468;
    }
}
