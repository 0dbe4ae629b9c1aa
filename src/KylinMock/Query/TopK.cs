using KylinMock.Jobs;

namespace KylinMock.Query;

/// <summary>
/// Keeps the first <c>k</c> jobs of Kylin's order (a stable, nulls-last sort by one sort-bean
/// property) while the jobs stream past: a bounded heap whose root is the worst kept candidate.
/// </summary>
internal sealed class TopK
{
    private readonly int capacity;
    private readonly SortBy? sortBy;
    private readonly bool ascending;
    private readonly PriorityQueue<Candidate, Candidate> heap;

    public TopK(int capacity, SortBy? sortBy, bool ascending)
    {
        this.capacity = capacity;
        this.sortBy = sortBy;
        this.ascending = ascending;
        heap = new PriorityQueue<Candidate, Candidate>(Comparer<Candidate>.Create((a, b) => Compare(b, a)));
    }

    /// <summary>Considers a matching job at storage position <paramref name="index"/>.</summary>
    public void Offer(Job job, int index, long now)
    {
        if (capacity == 0)
        {
            return;
        }

        var candidate = Key(job, index, now);
        if (heap.Count < capacity)
        {
            heap.Enqueue(candidate, candidate);
        }
        else if (Compare(candidate, heap.Peek()) < 0)
        {
            heap.DequeueEnqueue(candidate, candidate);
        }
    }

    /// <summary>The kept jobs in Kylin's order.</summary>
    public List<Job> Sorted()
    {
        var items = new List<Candidate>(heap.Count);
        while (heap.TryDequeue(out var c, out _))
        {
            items.Add(c);
        }

        items.Reverse();
        return items.ConvertAll(c => c.Job);
    }

    private Candidate Key(Job job, int index, long now) => sortBy switch
    {
        SortBy.LastModified => new Candidate(job, index, job.LastModified, null, false),
        SortBy.CreateTime => new Candidate(job, index, job.CreateTime, null, false),
        SortBy.Duration => new Candidate(job, index, JobTiming.Duration(job, now), null, false),
        SortBy.TotalDuration => new Candidate(job, index, JobTiming.SortTotalDuration(job, now), null, false),
        SortBy.TargetSubject => new Candidate(job, index, 0, JobSubject.SortName(job), true),
        SortBy.JobName => new Candidate(job, index, 0, job.JobName.ToString(), true),
        SortBy.Project => new Candidate(job, index, 0, job.Project, true),

        // job_status is no property of Kylin's sort bean, and an unknown sort_by reads null too: all equal.
        _ => new Candidate(job, index, 0, null, false),
    };

    // Negative when a comes first: nulls last in both directions, ties kept in storage order.
    private int Compare(Candidate a, Candidate b)
    {
        int c;
        if (a.IsText)
        {
            if (a.Text is null || b.Text is null)
            {
                c = a.Text is null ? (b.Text is null ? 0 : 1) : -1;
            }
            else
            {
                c = string.CompareOrdinal(a.Text, b.Text);
                c = ascending ? c : -c;
            }
        }
        else
        {
            c = ascending ? a.Number.CompareTo(b.Number) : b.Number.CompareTo(a.Number);
        }

        return c != 0 ? c : a.Index.CompareTo(b.Index);
    }

    private readonly record struct Candidate(Job Job, int Index, long Number, string? Text, bool IsText);
}
