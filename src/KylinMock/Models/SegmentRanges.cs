using KylinMock.Errors;

namespace KylinMock.Models;

/// <summary>
/// A build's data range (DataRangeUtils.validateDataRange, then DateFormat.getFormatTimeStamp): both
/// bounds or neither (KE-010043206), milliseconds (KE-010043205), not negative (KE-010043202), truncated
/// to the partition format's precision in the server's zone, start before end (KE-010043203).
/// </summary>
internal static class SegmentRanges
{
    /// <summary>The range, or null when neither bound is given.</summary>
    public static (long Start, long End)? Validate(string? start, string? end, string? format, TimeZoneInfo zone)
    {
        if (string.IsNullOrEmpty(start) && string.IsNullOrEmpty(end))
        {
            return null;
        }

        if (string.IsNullOrEmpty(start) || string.IsNullOrEmpty(end))
        {
            throw new KylinException(ErrorCode.TimeInvalidRangeNotConsistent);
        }

        if (!long.TryParse(start, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var from)
            || !long.TryParse(end, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var to))
        {
            throw new KylinException(ErrorCode.TimeInvalidRangeNotFormatMs);
        }

        if (from < 0 || to < 0)
        {
            throw new KylinException(ErrorCode.TimeInvalidRangeLessThanZero);
        }

        if (format is { Length: > 0 })
        {
            from = Truncate(from, format, zone);
            to = Truncate(to, format, zone);
        }

        return from < to ? (from, to) : throw new KylinException(ErrorCode.TimeInvalidRangeEndLessThanEqualsStart);
    }

    // Formatting a time with the partition format and parsing it back keeps only the units the format names.
    private static long Truncate(long ms, string format, TimeZoneInfo zone)
    {
        if (ms >= 253_402_300_800_000L)
        {
            return ms;
        }

        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(ms), zone);
        var t = local.DateTime;
        var kept = format.Contains("ss", StringComparison.Ordinal) ? new DateTime(t.Year, t.Month, t.Day, t.Hour, t.Minute, t.Second)
            : format.Contains("mm", StringComparison.Ordinal) ? new DateTime(t.Year, t.Month, t.Day, t.Hour, t.Minute, 0)
            : format.Contains("HH", StringComparison.Ordinal) ? new DateTime(t.Year, t.Month, t.Day, t.Hour, 0, 0)
            : format.Contains("dd", StringComparison.Ordinal) ? t.Date
            : format.Contains("MM", StringComparison.Ordinal) ? new DateTime(t.Year, t.Month, 1)
            : new DateTime(t.Year, 1, 1);
        return new DateTimeOffset(kept, zone.GetUtcOffset(kept)).ToUnixTimeMilliseconds();
    }

    /// <summary>checkRequiredArg(start, end) then DataRangeUtils.validateDataRange: KE-010043201, 043205, 043202, 043203.</summary>
    public static (long Start, long End) DataRange(string? start, string? end)
    {
        if (string.IsNullOrEmpty(start))
        {
            throw new KylinException(ErrorCode.RequestParameterEmpty, "start");
        }

        if (string.IsNullOrEmpty(end))
        {
            throw new KylinException(ErrorCode.RequestParameterEmpty, "end");
        }

        if (!long.TryParse(start, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var from)
            || !long.TryParse(end, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var to))
        {
            throw new KylinException(ErrorCode.TimeInvalidRangeNotFormatMs);
        }

        if (from < 0 || to < 0)
        {
            throw new KylinException(ErrorCode.TimeInvalidRangeLessThanZero);
        }

        return from < to ? (from, to) : throw new KylinException(ErrorCode.TimeInvalidRangeEndLessThanEqualsStart);
    }
}
