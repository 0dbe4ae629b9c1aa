namespace KylinMock.Models;

/// <summary>The order in which Java's <c>HashSet&lt;String&gt;</c> iterates, for answers Kylin builds from one.</summary>
internal static class JavaHashOrder
{
    /// <summary>Java's <c>String.hashCode</c>: the 31-multiplier over the UTF-16 code units.</summary>
    public static int HashCode(string text)
    {
        var hash = 0;
        foreach (var c in text)
        {
            hash = unchecked((31 * hash) + c);
        }

        return hash;
    }

    /// <summary>
    /// The distinct <paramref name="items"/> (first occurrence kept) as a <c>new HashSet&lt;&gt;()</c> filled in this order
    /// iterates them: by bucket, <c>(h ^ h &gt;&gt;&gt; 16) &amp; (capacity - 1)</c>, the capacity doubling from 16 past a
    /// load of 0.75; within a bucket in insertion order (no bucket grows long enough to become a tree here).
    /// </summary>
    public static IReadOnlyList<string> Of(IEnumerable<string> items)
    {
        var distinct = items.Distinct(StringComparer.Ordinal).ToArray();
        var capacity = 16;
        while (distinct.Length > capacity * 3 / 4)
        {
            capacity *= 2;
        }

        return distinct
            .Select((item, index) => (item, index, bucket: Spread(HashCode(item)) & (capacity - 1)))
            .OrderBy(e => e.bucket)
            .ThenBy(e => e.index)
            .Select(e => e.item)
            .ToArray();
    }

    private static int Spread(int h) => h ^ (int)((uint)h >> 16);
}
