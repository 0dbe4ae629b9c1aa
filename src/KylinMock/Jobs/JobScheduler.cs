namespace KylinMock.Jobs;

/// <summary>
/// Kylin's scheduler over the store's jobs (<c>JdbcJobScheduler</c>): a timeline of every job's
/// next automatic move, the running slots of each project (held by PENDING and RUNNING jobs, as the master
/// counts them) and the READY jobs queued for a slot.
/// <see cref="CatchUp"/> processes every due move in time order across all jobs, so the per-project
/// limit holds exactly. It owns no lock: its one owner, the job store, calls it under its own, and
/// hears of every job it moves through <c>moved</c>.
/// </summary>
internal sealed class JobScheduler
{
    private readonly int maxRunningPerProject;
    private readonly Action<Job> moved;
    private readonly PriorityQueue<Job, (long Due, long Seq)> timeline = new();
    private readonly Dictionary<Job, long> scheduled = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, int> runningByProject = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Queue<Job>> waitingByProject = new(StringComparer.OrdinalIgnoreCase);
    private long sequence;

    /// <summary>A scheduler running at most <paramref name="maxRunningPerProject"/> jobs of a project at once, telling <paramref name="moved"/> of each job it moves.</summary>
    public JobScheduler(int maxRunningPerProject, Action<Job> moved)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRunningPerProject, 1);
        ArgumentNullException.ThrowIfNull(moved);
        this.maxRunningPerProject = maxRunningPerProject;
        this.moved = moved;
    }

    /// <summary>How many jobs of <paramref name="project"/> hold a slot (PENDING or RUNNING).</summary>
    public int Running(string project) => runningByProject.GetValueOrDefault(project);

    /// <summary>How many jobs have an automatic move ahead of them.</summary>
    public int ScheduledCount => scheduled.Count;

    /// <summary>Forgets every job.</summary>
    public void Clear()
    {
        timeline.Clear();
        scheduled.Clear();
        runningByProject.Clear();
        waitingByProject.Clear();
    }

    /// <summary>Takes a job in as it is: a PENDING or RUNNING one holds a slot, and its next move (if any) is due.</summary>
    public void Admit(Job job)
    {
        if (job.State.HoldsSlot())
        {
            Count(job.Project, +1);
        }

        Schedule(job);
    }

    /// <summary>Lets a job go (it was deleted): its slot is freed without starting a waiting job, as Kylin deletes only final jobs.</summary>
    public void Forget(Job job)
    {
        scheduled.Remove(job);
        if (job.State.HoldsSlot())
        {
            Count(job.Project, -1);
        }
    }

    /// <summary>Processes every move due up to <paramref name="now"/>, in time order across all jobs.</summary>
    public void CatchUp(long now)
    {
        while (timeline.TryPeek(out var job, out var key) && key.Due <= now)
        {
            timeline.Dequeue();
            if (!scheduled.TryGetValue(job, out var due) || due != key.Due || JobLife.NextEventTime(job) != due)
            {
                continue;
            }

            scheduled.Remove(job);
            if (job.State == ExecutableState.READY)
            {
                if (Running(job.Project) >= maxRunningPerProject)
                {
                    Waiting(job.Project).Enqueue(job);
                    continue;
                }

                JobLife.Publish(job, due);
                Count(job.Project, +1);
            }
            else if (job.State == ExecutableState.PENDING)
            {
                JobLife.PickUp(job, due);
            }
            else
            {
                JobLife.FinishRunningStep(job, due);
                if (job.State != ExecutableState.RUNNING)
                {
                    Count(job.Project, -1);
                    StartWaiting(job.Project, due);
                }
            }

            Moved(job);
        }
    }

    /// <summary>A user action changed <paramref name="job"/> at <paramref name="now"/>: its slot, its next move and any freed slot follow.</summary>
    public void Changed(Job job, bool wasRunning, long now)
    {
        var isRunning = job.State.HoldsSlot();
        if (wasRunning != isRunning)
        {
            Count(job.Project, isRunning ? +1 : -1);
        }

        Schedule(job);
        if (wasRunning && !isRunning)
        {
            StartWaiting(job.Project, now);
        }
    }

    private void Moved(Job job)
    {
        moved(job);
        Schedule(job);
    }

    private void Schedule(Job job)
    {
        if (JobLife.NextEventTime(job) is { } due)
        {
            scheduled[job] = due;
            timeline.Enqueue(job, (due, sequence++));
        }
        else
        {
            scheduled.Remove(job);
        }
    }

    // A slot freed at `at`: the longest-waiting READY job of the project is published then (and runs at once
    // when its pick-up time has passed).
    private void StartWaiting(string project, long at)
    {
        var queue = Waiting(project);
        while (queue.Count > 0 && Running(project) < maxRunningPerProject)
        {
            var next = queue.Dequeue();
            if (next.State != ExecutableState.READY || JobLife.PublishTime(next) > at)
            {
                continue;
            }

            JobLife.Publish(next, at);
            Count(project, +1);
            if (JobLife.NextEventTime(next) <= at)
            {
                JobLife.PickUp(next, at);
            }

            Moved(next);
        }
    }

    private void Count(string project, int delta) => runningByProject[project] = Running(project) + delta;

    private Queue<Job> Waiting(string project)
    {
        if (!waitingByProject.TryGetValue(project, out var queue))
        {
            queue = new Queue<Job>();
            waitingByProject[project] = queue;
        }

        return queue;
    }
}
