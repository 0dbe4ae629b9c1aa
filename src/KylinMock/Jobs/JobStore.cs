namespace KylinMock.Jobs;

/// <summary>
/// The only owner of job state: every job of one server, in storage order, guarded by one lock.
/// Before anything reads or changes a job, the store catches every job up with the clock
/// (pick-ups, step ends), so answers depend only on the estate, the plans and the clock's moves.
/// </summary>
public sealed class JobStore
{
    private readonly object gate = new();
    private readonly TimeProvider clock;
    private readonly int maxRunningPerProject;
    private readonly List<Job> jobs = [];
    private readonly Dictionary<string, Job> byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Project> projects = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> projectOrder = [];
    private readonly PriorityQueue<Job, (long Due, long Seq)> timeline = new();
    private readonly Dictionary<Job, long> scheduled = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, int> runningByProject = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Queue<Job>> waitingByProject = new(StringComparer.OrdinalIgnoreCase);
    private readonly Bogus.Randomizer ids;
    private readonly Models.ModelCatalog catalog = new();
    private long sequence;
    private long storageOrder;

    // Bumped by every change to any job (or the set of jobs), so an answer computed at one version
    // and one instant can be served again while both stay the same.
    private long version;
    private Estate initial = new([], []);

    /// <summary>A store reading time from <paramref name="clock"/>, running at most <paramref name="maxRunningPerProject"/> jobs per project at once.</summary>
    /// <param name="clock">The clock.</param>
    /// <param name="maxRunningPerProject">How many jobs of a project may run at once.</param>
    /// <param name="seed">The seed of the ids given to submitted jobs.</param>
    public JobStore(TimeProvider clock, int maxRunningPerProject = 20, int seed = 42)
    {
        ids = new Bogus.Randomizer(seed);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRunningPerProject, 1);
        this.clock = clock;
        this.maxRunningPerProject = maxRunningPerProject;
    }

    /// <summary>The clock the store reads, as epoch milliseconds.</summary>
    public long Now => clock.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>How many jobs the store holds.</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return jobs.Count;
            }
        }
    }

    /// <summary>Replaces everything with <paramref name="estate"/> and remembers it for <see cref="Reset"/>.</summary>
    public void Load(Estate estate)
    {
        ArgumentNullException.ThrowIfNull(estate);
        lock (gate)
        {
            // Jobs cannot be changed from outside and the store changes only its own copies, so the
            // estate is kept as it is for Reset (a million-job fixture is copied once, not twice).
            initial = new Estate(estate.Projects.ToArray(), estate.Jobs.ToArray())
            {
                Models = estate.Models ?? Models.ModelDerivation.From(estate.Projects, estate.Jobs),
            };
            Fill(initial.Jobs.Select(j => j.Clone()), initial.Projects);
        }
    }

    /// <summary>Goes back to the estate last loaded.</summary>
    public void Reset()
    {
        lock (gate)
        {
            Fill(initial.Jobs.Select(j => j.Clone()), initial.Projects);
        }
    }

    /// <summary>Copies of every job, caught up with the clock, in storage order.</summary>
    public IReadOnlyList<Job> Snapshot() => Read(view => view.Jobs.Select(j => j.Clone()).ToArray());

    /// <summary>A copy of the job with <paramref name="id"/>, caught up with the clock, or null.</summary>
    public Job? Find(string id) => Read(view => view.Find(id)?.Clone());

    /// <summary>The projects, in the order they were loaded.</summary>
    public IReadOnlyList<Project> Projects()
    {
        lock (gate)
        {
            return projectOrder.Select(n => projects[n]).ToArray();
        }
    }

    /// <summary>Adds jobs (and any project they name that is unknown so far) at the end of storage.</summary>
    public void Add(IEnumerable<Job> newJobs)
    {
        ArgumentNullException.ThrowIfNull(newJobs);
        lock (gate)
        {
            CatchUp(Now);
            foreach (var job in newJobs)
            {
                if (byId.ContainsKey(job.Id))
                {
                    throw new ArgumentException($"A job with id \"{job.Id}\" exists already.", nameof(newJobs));
                }

                Insert(job.Clone());
            }
        }
    }

    /// <summary>
    /// Submits a new job as Kylin's scheduler receives one: READY now, with the steps of its type,
    /// living by <paramref name="plan"/> from now on. Returns a copy of the job.
    /// </summary>
    /// <param name="project">The project (an unknown one is added).</param>
    /// <param name="type">The job type.</param>
    /// <param name="targetModel">The model uuid, or the table name for sampling and snapshot jobs.</param>
    /// <param name="plan">When it is picked up, how long its steps run, whether it fails.</param>
    /// <param name="subjectAlias">The model alias shown as <c>target_subject</c> (defaults to <paramref name="targetModel"/>).</param>
    /// <param name="id">The job id; a new uuid drawn from the store's seed when null.</param>
    public Job Submit(string project, JobType type, string targetModel, JobPlan plan, string? subjectAlias = null, string? id = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(project);
        ArgumentException.ThrowIfNullOrWhiteSpace(targetModel);
        ArgumentNullException.ThrowIfNull(plan);
        lock (gate)
        {
            var now = Now;
            CatchUp(now);
            var jobId = id ?? ids.Guid().ToString();
            if (byId.ContainsKey(jobId))
            {
                throw new ArgumentException($"A job with id \"{jobId}\" exists already.", nameof(id));
            }

            var job = NewJob.Create(jobId, projects.GetValueOrDefault(project)?.Name ?? project, type, targetModel, subjectAlias, plan, now);
            Insert(job);
            return job.Clone();
        }
    }

    /// <summary>Scripts the rest of a job's life: from now on it follows <paramref name="plan"/>. Returns a copy of the job.</summary>
    public Job Script(string jobId, JobPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        lock (gate)
        {
            var now = Now;
            CatchUp(now);
            var job = byId.GetValueOrDefault(jobId) ?? throw new KeyNotFoundException($"No job with id \"{jobId}\".");
            Change(job, j => j.Plan = plan, now);
            return job.Clone();
        }
    }

    /// <summary>Runs <paramref name="read"/> on a consistent view, after catching up with the clock.</summary>
    internal T Read<T>(Func<StoreView, T> read)
    {
        lock (gate)
        {
            var now = Now;
            CatchUp(now);
            return read(new StoreView(this, now));
        }
    }

    /// <summary>Runs <paramref name="change"/> on a consistent view, after catching up with the clock; answers kept from before no longer hold.</summary>
    internal T Write<T>(Func<StoreView, T> change) => Read(view =>
    {
        version++;
        return change(view);
    });

    private void Fill(IEnumerable<Job> source, IReadOnlyList<Project> projectList)
    {
        version++;
        jobs.Clear();
        byId.Clear();
        projects.Clear();
        projectOrder.Clear();
        timeline.Clear();
        scheduled.Clear();
        runningByProject.Clear();
        waitingByProject.Clear();
        catalog.Clear();
        foreach (var project in projectList)
        {
            AddProject(project);
        }

        var now = Now;
        foreach (var job in source)
        {
            AnchorPlan(job, now);
            Insert(job);
        }

        catalog.Load(initial.Models ?? Models.ModelEstate.Empty);
    }

    // A captured job's default plan starts counting now: its pick-up or running step is due after the load.
    private static void AnchorPlan(Job job, long now)
    {
        if (!job.PlanCountsFromLoad || JobLife.NextEventTime(job) is not { } due || due > now)
        {
            return;
        }

        var late = now - due + job.Plan.PickupDelayMs;
        if (job.State == ExecutableState.READY)
        {
            job.Plan = job.Plan with { PickupDelayMs = job.Plan.PickupDelayMs + late };
            return;
        }

        var running = job.Steps.ToList().FindIndex(s => s.State == ExecutableState.RUNNING);
        if (running >= 0)
        {
            var durations = Enumerable.Range(0, Math.Max(job.Steps.Count, job.Plan.StepDurationsMs.Count)).Select(job.Plan.StepDuration).ToArray();
            durations[running] += now - due + job.Plan.StepDuration(running);
            job.Plan = job.Plan with { StepDurationsMs = durations };
        }
    }

    private void Insert(Job job)
    {
        if (!projects.ContainsKey(job.Project))
        {
            AddProject(new Project(job.Project));
        }

        version++;
        job.revision++;
        job.StorageOrder = storageOrder++;
        jobs.Add(job);
        byId[job.Id] = job;
        catalog.Track(job);
        if (job.State == ExecutableState.RUNNING)
        {
            runningByProject[job.Project] = runningByProject.GetValueOrDefault(job.Project) + 1;
        }

        Schedule(job);
    }

    private void AddProject(Project project)
    {
        if (projects.TryAdd(project.Name, project))
        {
            projectOrder.Add(project.Name);
        }
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

    // Processes every due move in time order across all jobs, so the per-project limit holds exactly.
    private void CatchUp(long now)
    {
        while (timeline.TryPeek(out var job, out var key) && key.Due <= now)
        {
            timeline.Dequeue();
            if (!scheduled.TryGetValue(job, out var due) || due != key.Due || JobLife.NextEventTime(job) != due)
            {
                continue;
            }

            scheduled.Remove(job);
            version++;
            if (job.State == ExecutableState.READY)
            {
                if (runningByProject.GetValueOrDefault(job.Project) >= maxRunningPerProject)
                {
                    Waiting(job.Project).Enqueue(job);
                    continue;
                }

                JobLife.PickUp(job, due);
                runningByProject[job.Project] = runningByProject.GetValueOrDefault(job.Project) + 1;
            }
            else
            {
                JobLife.FinishRunningStep(job, due);
                if (job.State != ExecutableState.RUNNING)
                {
                    runningByProject[job.Project]--;
                    StartWaiting(job.Project, due);
                }
            }

            job.revision++;
            Schedule(job);
        }
    }

    // A slot freed at `at`: the longest-waiting READY job of the project starts then.
    private void StartWaiting(string project, long at)
    {
        var queue = Waiting(project);
        while (queue.Count > 0 && runningByProject.GetValueOrDefault(project) < maxRunningPerProject)
        {
            var next = queue.Dequeue();
            if (next.State != ExecutableState.READY || next.ReadySince + next.Plan.PickupDelayMs > at)
            {
                continue;
            }

            version++;
            JobLife.PickUp(next, at);
            next.revision++;
            runningByProject[project] = runningByProject.GetValueOrDefault(project) + 1;
            Schedule(next);
        }
    }

    private Queue<Job> Waiting(string project)
    {
        if (!waitingByProject.TryGetValue(project, out var queue))
        {
            queue = new Queue<Job>();
            waitingByProject[project] = queue;
        }

        return queue;
    }

    // One pass over storage however many jobs go (a job-by-job removal would walk it once per job).
    private void Remove(IReadOnlyCollection<Job> gone)
    {
        if (gone.Count == 0)
        {
            return;
        }

        version++;
        var set = new HashSet<Job>(gone, ReferenceEqualityComparer.Instance);
        jobs.RemoveAll(set.Contains);
        catalog.Untrack(set);
        foreach (var job in set)
        {
            byId.Remove(job.Id);
            scheduled.Remove(job);
            if (job.State == ExecutableState.RUNNING)
            {
                runningByProject[job.Project]--;
            }
        }
    }

    // A user action on one job: the running count, the job's due time and any freed slot follow.
    private void Change(Job job, Action<Job> action, long now)
    {
        var wasRunning = job.State == ExecutableState.RUNNING;
        version++;
        try
        {
            action(job);
        }
        finally
        {
            job.revision++;
            var isRunning = job.State == ExecutableState.RUNNING;
            if (wasRunning != isRunning)
            {
                runningByProject[job.Project] = runningByProject.GetValueOrDefault(job.Project) + (isRunning ? 1 : -1);
            }

            Schedule(job);
            if (wasRunning && !isRunning)
            {
                StartWaiting(job.Project, now);
            }
        }
    }

    /// <summary>The store as one request sees it, inside the lock.</summary>
    internal readonly struct StoreView(JobStore store, long now)
    {
        /// <summary>The instant of this view, epoch ms.</summary>
        public long Now { get; } = now;

        /// <summary>Changes whenever any job changes: equal versions (and instants) mean equal answers.</summary>
        public long Version => store.version;

        /// <summary>Live jobs in storage order.</summary>
        public IReadOnlyList<Job> Jobs => store.jobs;

        /// <summary>The live job with this id, or null.</summary>
        public Job? Find(string id) => store.byId.GetValueOrDefault(id);

        /// <summary>The project with this name (case-insensitive), or null.</summary>
        public Project? FindProject(string name) => store.projects.GetValueOrDefault(name);

        /// <summary>Project names in load order.</summary>
        public IReadOnlyList<string> ProjectNames => store.projectOrder;

        /// <summary>The estate's tables, models and segments, under the same lock.</summary>
        public Models.ModelCatalog Catalog => store.catalog;

        /// <summary>Adds a project known only by its name, unless it exists.</summary>
        public void AddProject(string name) => store.AddProject(new Project(name));

        /// <summary>Deletes jobs (in final states), in one pass over storage.</summary>
        public void Remove(IReadOnlyCollection<Job> jobs) => store.Remove(jobs);

        /// <summary>Applies a user action to a live job, keeping the schedule and running counts right.</summary>
        public void Change(Job job, Action<Job> action) => store.Change(job, action, Now);
    }
}
