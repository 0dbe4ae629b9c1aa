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
            from = JavaDates.Truncate(from, format, zone);
            to = JavaDates.Truncate(to, format, zone);
        }

        return from < to ? (from, to) : throw new KylinException(ErrorCode.TimeInvalidRangeEndLessThanEqualsStart);
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
