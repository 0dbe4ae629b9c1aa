namespace KylinMock.Jobs;

/// <summary>
/// The store's jobs ordered by last-modified time (ties in storage order), with a count of jobs per
/// state, kept as jobs change. A job's last-modified time and state move only when the job does (a
/// state move, a step's end), never with the clock alone, so the order holds from one change to the
/// next and the default list (<c>sort_by=last_modified</c>) reads its page off the top instead of
/// passing over every job.
/// </summary>
internal sealed class JobsByLastModified
{
    private readonly SortedSet<Job> order = new(Comparer<Job>.Create(static (a, b) =>
    {
        var c = a.listedLastModified.CompareTo(b.listedLastModified);
        return c != 0 ? c : a.StorageOrder.CompareTo(b.StorageOrder);
    }));

    private readonly int[] byState = new int[Enum.GetValues<ExecutableState>().Max(s => (int)s) + 1];

    /// <summary>How many listed jobs are of a type the list leaves out by default (cron jobs, asynchronous queries).</summary>
    public int OutsideBuildTypes { get; private set; }

    /// <summary>How many jobs are listed.</summary>
    public int Count => order.Count;

    /// <summary>The earliest last-modified time listed (<see cref="long.MaxValue"/> when empty).</summary>
    public long Earliest => order.Count == 0 ? long.MaxValue : order.Min!.listedLastModified;

    /// <summary>How many listed jobs are in a state of <paramref name="states"/> (one bit per <see cref="ExecutableState"/>).</summary>
    public int CountIn(int states)
    {
        var total = 0;
        for (var s = 0; s < byState.Length; s++)
        {
            if (((states >> s) & 1) != 0)
            {
                total += byState[s];
            }
        }

        return total;
    }

    /// <summary>Forgets every job.</summary>
    public void Clear()
    {
        order.Clear();
        Array.Clear(byState);
        OutsideBuildTypes = 0;
    }

    /// <summary>Lists a job new to the store.</summary>
    public void Add(Job job)
    {
        job.listedLastModified = job.LastModified;
        job.listedState = job.State;
        order.Add(job);
        byState[(int)job.State]++;
        OutsideBuildTypes += job.JobName.IsBuildJobType() ? 0 : 1;
    }

    /// <summary>Moves a listed job to where its current last-modified time and state put it.</summary>
    public void Update(Job job)
    {
        if (job.listedLastModified != job.LastModified)
        {
            order.Remove(job);
            job.listedLastModified = job.LastModified;
            order.Add(job);
        }

        if (job.listedState != job.State)
        {
            byState[(int)job.listedState]--;
            job.listedState = job.State;
            byState[(int)job.State]++;
        }
    }

    /// <summary>Unlists a job the store deleted.</summary>
    public void Remove(Job job)
    {
        order.Remove(job);
        byState[(int)job.listedState]--;
        OutsideBuildTypes -= job.JobName.IsBuildJobType() ? 0 : 1;
    }

    /// <summary>
    /// The listed jobs in Kylin's order for <c>sort_by=last_modified</c>: by last-modified time
    /// (latest first when <paramref name="descending"/>), ties in storage order either way.
    /// </summary>
    public IEnumerable<Job> InOrder(bool descending)
    {
        if (!descending)
        {
            foreach (var job in order)
            {
                yield return job;
            }

            yield break;
        }

        // Walking backwards puts ties in reverse storage order: each run of equal times is given back turned round.
        var run = new List<Job>();
        foreach (var job in order.Reverse())
        {
            if (run.Count > 0 && run[0].listedLastModified != job.listedLastModified)
            {
                for (var i = run.Count - 1; i >= 0; i--)
                {
                    yield return run[i];
                }

                run.Clear();
            }

            run.Add(job);
        }

        for (var i = run.Count - 1; i >= 0; i--)
        {
            yield return run[i];
        }
    }
}
