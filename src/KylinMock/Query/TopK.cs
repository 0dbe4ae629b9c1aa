using KylinMock.Jobs;

namespace KylinMock.Query;

/// <summary>
/// Keeps the first <c>k</c> jobs of Kylin's order (a stable, nulls-last sort by one sort-bean
/// property, ties in storage order) while the jobs stream past: the BCL's <see cref="PriorityQueue{TElement, TPriority}"/>
/// with the worst kept candidate at its root, so most newcomers are dropped after one comparison.
/// (It replaced a hand-written array heap: the harness's <c>topk_10k</c>/<c>topk_1m</c> rows showed no gain.)
/// </summary>
internal sealed class TopK
{
    private readonly int capacity;
    private readonly SortBy? sortBy;
    private readonly bool byText;
    private readonly IComparer<Key> worstFirst;
    private readonly PriorityQueue<int, Key> queue;

    public TopK(int capacity, SortBy? sortBy, bool ascending)
    {
        this.capacity = capacity;
        this.sortBy = sortBy;
        byText = sortBy is SortBy.TargetSubject or SortBy.JobName or SortBy.Project or SortBy.JobStatus or SortBy.Id;
        worstFirst = new KylinOrder(byText, ascending);

        // Grown on demand: a huge page_size must not allocate up front.
        queue = new PriorityQueue<int, Key>(Math.Min(capacity, 64), worstFirst);
    }

    /// <summary>Considers a matching job at storage position <paramref name="index"/> (in any order of positions).</summary>
    public void Offer(Job job, int index, long now)
    {
        if (capacity == 0)
        {
            return;
        }

        var key = byText ? new Key(0, TextKey(sortBy, job), index) : new Key(NumberKey(sortBy, job, now), null, index);
        if (queue.Count < capacity)
        {
            queue.Enqueue(index, key);
        }
        else if (queue.TryPeek(out _, out var worst) && worstFirst.Compare(key, worst) > 0)
        {
            queue.DequeueEnqueue(index, key);
        }
    }

    /// <summary>The kept jobs in Kylin's order, taken from <paramref name="jobs"/> by storage position.</summary>
    public List<Job> Sorted(ReadOnlySpan<Job> jobs)
    {
        var kept = new List<Key>(queue.Count);
        foreach (var (_, key) in queue.UnorderedItems)
        {
            kept.Add(key);
        }

        kept.Sort(worstFirst);
        var result = new List<Job>(kept.Count);
        for (var i = kept.Count - 1; i >= 0; i--)
        {
            result.Add(jobs[kept[i].Position]);
        }

        return result;
    }

    /// <summary>The numeric sort key of <paramref name="job"/> for <paramref name="sortBy"/> at <paramref name="now"/>.</summary>
    internal static long NumberKey(SortBy? sortBy, Job job, long now) => sortBy switch
    {
        SortBy.LastModified => job.LastModified,
        SortBy.CreateTime => job.CreateTime,

        // job_duration_millis: the duration JobInfoDao.constructJobInfo stored with the job's last write.
        SortBy.Duration or SortBy.TotalDuration => JobTiming.Duration(job, job.LastModified),
        _ => 0,
    };

    /// <summary>The text sort key of <paramref name="job"/> for <paramref name="sortBy"/> (null sorts last).</summary>
    internal static string? TextKey(SortBy? sortBy, Job job) => sortBy switch
    {
        SortBy.TargetSubject => job.TargetModel,
        SortBy.JobName => job.JobName.ToString(),
        SortBy.JobStatus => job.State.ToString(),
        SortBy.Id => job.Id,
        _ => job.Project,
    };

    private readonly record struct Key(long Number, string? Text, int Position);

    // Positive when a comes first in Kylin's order (by key, nulls last both ways, ties in storage order):
    // the queue's minimum is then the job Kylin's order puts last.
    private sealed class KylinOrder(bool byText, bool ascending) : IComparer<Key>
    {
        public int Compare(Key a, Key b)
        {
            var c = byText ? CompareText(a.Text, b.Text) : (ascending ? a.Number.CompareTo(b.Number) : b.Number.CompareTo(a.Number));
            return -(c != 0 ? c : a.Position.CompareTo(b.Position));
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
}
