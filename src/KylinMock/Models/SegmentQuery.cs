using System.Globalization;

namespace KylinMock.Models;

/// <summary>A segment as GET .../segments lists it, with its shown status.</summary>
/// <param name="Segment">The segment.</param>
/// <param name="StatusToDisplay">Its <c>status_to_display</c>.</param>
public sealed record SegmentRow(Segment Segment, string StatusToDisplay)
{
    /// <summary><c>last_modified_time</c>: the last build, or the creation time before one.</summary>
    public long LastModifiedTime => Segment.LastBuildTime != 0 ? Segment.LastBuildTime : Segment.CreateTime;
}

/// <summary>The parameters of GET /kylin/api/models/{model_name}/segments after binding and validation.</summary>
/// <param name="Start">Range start (inclusive).</param>
/// <param name="End">Range end (exclusive).</param>
/// <param name="Statuses">Shown statuses kept (upper case; empty keeps all).</param>
/// <param name="SortBy">The snake_case property to sort by.</param>
/// <param name="Reverse">Passed to Spring's PropertyComparator as <c>ascending</c>.</param>
/// <param name="PageOffset">A page index.</param>
/// <param name="PageSize">The page size.</param>
internal sealed record SegmentFilter(long Start, long End, IReadOnlySet<string> Statuses, string SortBy, bool Reverse, int PageOffset, int PageSize);

/// <summary>The range, status, order and paging of GET .../segments (ModelService.getSegmentsResponse).</summary>
internal static class SegmentQuery
{
    /// <summary>The page of <paramref name="rows"/> (range order) that <paramref name="filter"/> selects, and how many matched.</summary>
    public static (IReadOnlyList<SegmentRow> Page, int TotalSize) Apply(IReadOnlyList<SegmentRow> rows, SegmentFilter filter)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(filter);
        var kept = rows.Where(r => r.Segment.Overlaps(filter.Start, filter.End)
            && (filter.Statuses.Count == 0 || filter.Statuses.Contains(r.StatusToDisplay))).ToList();
        var key = SortKey(filter.SortBy);
        if (key is not null)
        {
            // PropertyComparator(ignoreCase, ascending=reverse): reverse=false sorts descending; nulls last when ascending.
            var comparer = Comparer<IComparable?>.Create((a, b) => a is null ? (b is null ? 0 : 1) : b is null ? -1 : a.CompareTo(b));
            kept = filter.Reverse ? kept.OrderBy(key, comparer).ToList() : kept.OrderByDescending(key, comparer).ToList();
        }

        return (PagingUtil.CutPage(kept, filter.PageOffset, filter.PageSize), kept.Count);
    }

    // The response's properties by their snake_case names; one that matches none leaves storage order.
    private static Func<SegmentRow, IComparable?>? SortKey(string sortBy) => sortBy.ToLowerInvariant() switch
    {
        "last_modified_time" or "lastmodifiedtime" => r => r.LastModifiedTime,
        "create_time" or "createtime" => r => r.Segment.CreateTime,
        "start_time" or "starttime" => r => r.Segment.Start,
        "end_time" or "endtime" => r => r.Segment.End,
        "bytes_size" or "bytessize" => r => r.Segment.BytesSize,
        "source_count" or "sourcecount" => r => r.Segment.SourceCount,
        "row_count" or "rowcount" => r => r.Segment.RowCount,
        "index_count" or "indexcount" => r => r.Segment.IndexCount,
        "hit_count" or "hitcount" => r => r.Segment.HitCount,
        "name" => r => r.Segment.Name.ToLower(CultureInfo.InvariantCulture),
        "status_to_display" or "statustodisplay" => r => r.StatusToDisplay.ToLower(CultureInfo.InvariantCulture),
        "storage" => r => 0L,
        _ => null,
    };
}
