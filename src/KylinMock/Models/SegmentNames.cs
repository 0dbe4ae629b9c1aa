namespace KylinMock.Models;

/// <summary>Segment names as Kylin makes them (Segments.makeSegmentName).</summary>
internal static class SegmentNames
{
    /// <summary>The name of a full build's segment.</summary>
    public const string FullBuild = "FULL_BUILD";

    /// <summary><c>yyyyMMddHHmmss_yyyyMMddHHmmss</c> in <paramref name="zone"/>, or FULL_BUILD for the infinite range.</summary>
    public static string Make(long start, long end, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (start == 0 && end == Segment.InfiniteEnd)
        {
            return FullBuild;
        }

        return JavaDates.Compact(start, zone) + "_" + JavaDates.Compact(end, zone);
    }
}
