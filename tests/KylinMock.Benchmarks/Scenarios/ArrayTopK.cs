using KylinMock.Jobs;
using KylinMock.Query;

namespace KylinMock.Benchmarks.Scenarios;

/// <summary>
/// The hand-written array heap the list used before the BCL PriorityQueue replaced it (kept for the
/// harness row that compares them).
/// Keeps the first <c>k</c> jobs of Kylin's order (a stable, nulls-last sort by one sort-bean
/// property, ties in storage order) while the jobs stream past: a bounded binary heap whose root is
/// the worst kept candidate, so most newcomers are dropped after one comparison with the root.
/// </summary>
internal sealed class ArrayTopK
{
    private readonly int capacity;
    private readonly SortBy? sortBy;
    private readonly bool ascending;
    private readonly bool byText;
    private long[] numbers;
    private string?[] texts;
    private int[] positions;
    private int count;

    public ArrayTopK(int capacity, SortBy? sortBy, bool ascending)
    {
        this.capacity = capacity;
        this.sortBy = sortBy;
        this.ascending = ascending;
        byText = sortBy is SortBy.TargetSubject or SortBy.JobName or SortBy.Project;

        // Grown on demand: a huge page_size must not allocate up front.
        var initial = Math.Min(capacity, 64);
        numbers = byText ? [] : new long[initial];
        texts = byText ? new string?[initial] : [];
        positions = new int[initial];
    }

    /// <summary>Considers a matching job at storage position <paramref name="index"/> (in any order of positions).</summary>
    public void Offer(Job job, int index, long now)
    {
        if (capacity == 0)
        {
            return;
        }

        if (byText)
        {
            OfferText(TopK.TextKey(sortBy, job), index);
        }
        else
        {
            OfferNumber(TopK.NumberKey(sortBy, job, now), index);
        }
    }

    /// <summary>The kept jobs in Kylin's order, taken from <paramref name="jobs"/> by storage position.</summary>
    public List<Job> Sorted(ReadOnlySpan<Job> jobs)
    {
        var order = new int[count];
        for (var i = 0; i < count; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) => Compare(a, b));
        var result = new List<Job>(count);
        foreach (var slot in order)
        {
            result.Add(jobs[positions[slot]]);
        }

        return result;
    }

    private void OfferNumber(long key, int index)
    {
        if (count < capacity)
        {
            Grow();
            numbers[count] = key;
            positions[count] = index;
            SiftUp(count++);
            return;
        }

        // The root is beaten by a better key, or by an equal one earlier in storage.
        var root = numbers[0];
        if (key == root ? index > positions[0] : (ascending ? key > root : key < root))
        {
            return;
        }

        numbers[0] = key;
        positions[0] = index;
        SiftDown(0);
    }

    private void OfferText(string? key, int index)
    {
        if (count < capacity)
        {
            Grow();
            texts[count] = key;
            positions[count] = index;
            SiftUp(count++);
            return;
        }

        var c = CompareText(key, texts[0]);
        if (c > 0 || (c == 0 && index > positions[0]))
        {
            return;
        }

        texts[0] = key;
        positions[0] = index;
        SiftDown(0);
    }

    private void Grow()
    {
        if (count < positions.Length)
        {
            return;
        }

        var size = (int)Math.Min(capacity, Math.Max(4L, positions.Length * 2L));
        Array.Resize(ref positions, size);
        if (byText)
        {
            Array.Resize(ref texts, size);
        }
        else
        {
            Array.Resize(ref numbers, size);
        }
    }

    // The heap keeps the worst candidate (the one Kylin's order puts last) at the root.
    private void SiftUp(int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            if (Compare(i, parent) <= 0)
            {
                return;
            }

            Swap(i, parent);
            i = parent;
        }
    }

    private void SiftDown(int i)
    {
        while (true)
        {
            var worst = i;
            var left = (2 * i) + 1;
            var right = left + 1;
            if (left < count && Compare(left, worst) > 0)
            {
                worst = left;
            }

            if (right < count && Compare(right, worst) > 0)
            {
                worst = right;
            }

            if (worst == i)
            {
                return;
            }

            Swap(i, worst);
            i = worst;
        }
    }

    private void Swap(int a, int b)
    {
        (positions[a], positions[b]) = (positions[b], positions[a]);
        if (byText)
        {
            (texts[a], texts[b]) = (texts[b], texts[a]);
        }
        else
        {
            (numbers[a], numbers[b]) = (numbers[b], numbers[a]);
        }
    }

    // Negative when slot a comes first in Kylin's order: by key (nulls last both ways), ties in storage order.
    private int Compare(int a, int b)
    {
        var c = byText
            ? CompareText(texts[a], texts[b])
            : (ascending ? numbers[a].CompareTo(numbers[b]) : numbers[b].CompareTo(numbers[a]));
        return c != 0 ? c : positions[a].CompareTo(positions[b]);
    }

    private int CompareText(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return a is null ? (b is null ? 0 : 1) : -1;
        }

        var c = string.CompareOrdinal(a, b);
        return ascending ? c : -c;
    }
}
