using KylinMock.Errors;

namespace KylinMock.Models;

/// <summary>Kylin's <c>PagingUtil.cutPage</c>: <c>page_offset</c> is a page index; Java's sublist failures kept.</summary>
public static class PagingUtil
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
        var end = unchecked(begin + size);
        if (begin >= items.Count)
        {
            return [];
        }

        end = Math.Min(end, items.Count);
        if (begin < 0)
        {
            throw KylinException.WithRaw(ErrorCode.UnknownErrorCode, "fromIndex = " + begin);
        }

        if (begin > end)
        {
            throw KylinException.WithRaw(ErrorCode.InvalidParameter, $"fromIndex({begin}) > toIndex({end})").WithStatus(400);
        }

        return items.Skip(begin).Take(end - begin).ToArray();
    }
}
