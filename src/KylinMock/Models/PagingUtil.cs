using KylinMock.Errors;

namespace KylinMock.Models;

/// <summary>Kylin's <c>PagingUtil.cutPage</c>: <c>page_offset</c> is a page index; Java's sublist failures kept.</summary>
internal static class PagingUtil
{
    /// <summary>
    /// Items <c>offset*size</c> up to <c>offset*size+size</c>. A start past the end gives an empty page;
    /// otherwise a negative start is Java's IndexOutOfBoundsException (500) and a start past the end of
    /// the page its IllegalArgumentException (400 KE-010000003).
    /// </summary>
    public static IReadOnlyList<T> CutPage<T>(IReadOnlyList<T> items, int offset, int size)
    {
        ArgumentNullException.ThrowIfNull(items);
        var begin = unchecked(offset * size);
        return Cut(items.Count, begin, unchecked(begin + size)) is (int from, int to) ? items.Skip(from).Take(to - from).ToArray() : [];
    }

    /// <summary>
    /// Java's <c>subList(begin, min(end, total))</c> as cutPage calls it: null (an empty page) for a start at or past
    /// the end; a negative start is an IndexOutOfBoundsException (500), a start past the page's end an
    /// IllegalArgumentException (400 KE-010000003); otherwise the bounds to take. The job list cuts with it too.
    /// </summary>
    internal static (int Begin, int End)? Cut(int total, int begin, int end)
    {
        if (begin >= total)
        {
            return null;
        }

        end = Math.Min(end, total);
        if (begin < 0)
        {
            throw KylinException.WithRaw(ErrorCode.UnknownErrorCode, "fromIndex = " + begin);
        }

        return begin > end
            ? throw KylinException.WithRaw(ErrorCode.InvalidParameter, $"fromIndex({begin}) > toIndex({end})").WithStatus(400)
            : (begin, end);
    }
}
