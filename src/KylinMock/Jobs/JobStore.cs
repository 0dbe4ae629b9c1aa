using KylinMock.Fixtures;

namespace KylinMock.Jobs;

/// <summary>
/// The only owner of job state: every job of one server, in storage order, guarded by one lock.
/// Before anything reads or changes a job, the store catches every job up with the clock
/// (pick-ups, step ends), so answers depend only on the estate, the plans and the clock's moves.
/// </summary>
public sealed class JobStore
{
    // The server's one lock (KylinBackend's, shared with the users, sessions, faults and journal): the
    // jobs, their scheduler and order, and the model and segment estate live under it.
    private readonly object gate;
    private readonly TimeProvider clock;
    private readonly List<Job> jobs = [];
    private readonly Dictionary<string, Job> byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Project> projects = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> projectOrder = [];
    private readonly JobScheduler scheduler;
    private readonly JobsByLastModified byLastModified = new();
    private readonly IdStream ids;
    private readonly Models.ModelCatalog catalog = new();
    private long storageOrder;

    // Changes with every change to any job (or the set of jobs), so an answer computed at one version
    // and one instant can be served again while both stay the same. Bumped in Changed only.
    private long version;
    private Estate initial = new([], []);

    /// <summary>A store reading time from <paramref name="clock"/>, running at most <paramref name="maxRunningPerProject"/> jobs per project at once.</summary>
    /// <param name="clock">The clock.</param>
    /// <param name="maxRunningPerProject">How many jobs of a project may run at once.</param>
    /// <param name="seed">The seed of the ids given to submitted jobs.</param>
    public JobStore(TimeProvider clock, int maxRunningPerProject = 20, int seed = 42)
        : this(clock, maxRunningPerProject, seed, new object())
    {
    }

    /// <summary>A store guarded by <paramref name="gate"/>, the backend's one lock.</summary>
    internal JobStore(TimeProvider clock, int maxRunningPerProject, int seed, object gate)
    {
        this.gate = gate;
        ids = new IdStream(seed);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRunningPerProject, 1);
        this.clock = clock;
        scheduler = new JobScheduler(maxRunningPerProject, Touched);
    }

    /// <summary>Hears of each job whose run loop ends (RUNNING to a state other than READY), under the lock, in the clock's order.</summary>
    internal Action<Job, Models.ModelCatalog, long>? RunEnded { get; set; }

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

    /// <summary>Replaces everything with <paramref name="estate"/> and remembers it for <see cref="Reset()"/>.</summary>
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
            Fill(initial);
        }
    }

    /// <summary>Goes back to the estate last loaded.</summary>
    public void Reset() => Reset(rewind: null);

    /// <summary>
    /// Goes back to the estate last loaded, running <paramref name="rewind"/> (the clock's return to its
    /// start) first, all in one step under the lock: no reader sees the clock moved back over jobs
    /// from after it, and no answer from between can be kept (the version moves on).
    /// </summary>
    internal void Reset(Action? rewind)
    {
        lock (gate)
        {
            rewind?.Invoke();
            Fill(initial);
            ids.Position = 0;
        }
    }

    /// <summary>Copies of every job, caught up with the clock, in storage order.</summary>
    public IReadOnlyList<Job> Snapshot() => Read(static view =>
    {
        var live = view.Jobs;
        var copies = new Job[live.Length];
        for (var i = 0; i < copies.Length; i++)
        {
            copies[i] = live[i].Clone();
        }

        return copies;
    });

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

    /// <summary>
    /// Adds jobs (and any project they name that is unknown so far) at the end of storage. The batch is
    /// checked whole first: an id the store holds, or one the batch names twice, refuses it all and adds nothing.
    /// </summary>
    public void Add(IEnumerable<Job> newJobs)
    {
        ArgumentNullException.ThrowIfNull(newJobs);
        var batch = newJobs.ToArray();
        lock (gate)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var job in batch)
            {
                if (byId.ContainsKey(job.Id) || !seen.Add(job.Id))
                {
                    throw new ArgumentException($"A job with id \"{job.Id}\" exists already.", nameof(newJobs));
                }
            }

            CatchUp(Now);
            foreach (var job in batch)
            {
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
        return Write(view => view.Submit(new JobOrder(project, type, targetModel, plan) { SubjectAlias = subjectAlias, Id = id ?? view.NewUuid() }).Clone());
    }

    // Kylin's JobParam: model jobs are "<uuid>-<model uuid>" (JobParam's constructor), others a plain uuid.
    private Job SubmitLocked(JobOrder order, long now)
    {
        var jobId = order.Id ?? NewJobId(order);
        if (byId.ContainsKey(jobId))
        {
            throw new ArgumentException($"A job with id \"{jobId}\" exists already.", nameof(order));
        }

        var job = NewJob.Create(jobId, projects.GetValueOrDefault(order.Project)?.Name ?? order.Project, order, now);
        order.Plan.CheckFitsSteps(job.Steps.Count);
        Insert(job);
        return job;
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
            plan.CheckFitsSteps(job.Steps.Count);
            Change(job, j => j.Plan = plan, now);
            return job.Clone();
        }
    }

    /// <summary>
    /// Moves the clock with <paramref name="move"/> (which checks before it moves) and catches every job up
    /// with it, in one step under the lock: no concurrent move can slip between the check and the move.
    /// </summary>
    internal void MoveClock(Action move)
    {
        lock (gate)
        {
            move();
            CatchUp(Now);
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

    /// <summary>Runs <paramref name="change"/> on a consistent view, after catching up with the clock; answers kept from before no longer hold. A refused change hands back the ids it drew.</summary>
    internal T Write<T>(Func<StoreView, T> change) => Read(view =>
    {
        view.Changed();
        var drawn = ids.Position;
        try
        {
            return change(view);
        }
        catch
        {
            ids.Position = drawn;
            throw;
        }
    });

    private void CatchUp(long now) => scheduler.CatchUp(now);

    // An id of the API's own stream that no job holds (an estate loaded from a fixture may hold anything).
    private string NewJobId(JobOrder order)
    {
        while (true)
        {
            var uuid = ids.Next();
            var id = order.Type.SubjectKind() == SubjectKind.Model ? uuid + "-" + order.TargetModel : uuid;
            if (!byId.ContainsKey(id))
            {
                return id;
            }
        }
    }

    private void Fill(Estate estate)
    {
        Changed();
        jobs.Clear();
        byId.Clear();
        projects.Clear();
        projectOrder.Clear();
        scheduler.Clear();
        byLastModified.Clear();
        catalog.Clear();
        foreach (var project in estate.Projects)
        {
            AddProject(project);
        }

        var now = Now;
        foreach (var loaded in estate.Jobs)
        {
            var job = loaded.Clone();
            CapturedPlan.Anchor(job, now);
            Insert(job);
        }

        catalog.Load(estate.Models ?? Models.ModelEstate.Empty);
    }

    private void Insert(Job job)
    {
        if (!projects.ContainsKey(job.Project))
        {
            AddProject(new Project(job.Project));
        }

        job.StorageOrder = storageOrder++;
        jobs.Add(job);
        byId[job.Id] = job;
        catalog.Track(job);
        byLastModified.Add(job);
        Touched(job);
        scheduler.Admit(job);
    }

    private void AddProject(Project project)
    {
        if (projects.TryAdd(project.Name, project))
        {
            projectOrder.Add(project.Name);
        }
    }

    // Every change to a job ends here: its revision and order follow, and kept answers no longer hold.
    // A model job's move changes its segments in the same step (SegmentEffects), under this lock.
    private void Touched(Job job)
    {
        job.revision++;
        var was = job.listedState;
        byLastModified.Update(job);
        if (was != job.State)
        {
            catalog.Moved(job);
            if (was == ExecutableState.RUNNING && job.State != ExecutableState.READY && RunEnded is { } ended)
            {
                ended(job, catalog, Now);
            }
        }

        Changed();
    }

    private void Changed() => version++;

    // One pass over storage however many jobs go (a job-by-job removal would walk it once per job).
    private void Remove(IReadOnlyCollection<Job> gone)
    {
        if (gone.Count == 0)
        {
            return;
        }

        Changed();
        var set = new HashSet<Job>(gone, ReferenceEqualityComparer.Instance);
        jobs.RemoveAll(set.Contains);
        catalog.Untrack(set);
        foreach (var job in set)
        {
            byId.Remove(job.Id);
            byLastModified.Remove(job);
            scheduler.Forget(job);
        }
    }

    // A user action on one job: the running count, the job's due time and any freed slot follow.
    private void Change(Job job, Action<Job> action, long now)
    {
        var wasRunning = job.State.HoldsSlot();
        try
        {
            action(job);
        }
        finally
        {
            Touched(job);
            scheduler.Changed(job, wasRunning, now);
        }
    }

    /// <summary>
    /// The store as one request sees it, inside the lock. A ref struct, so neither it nor the jobs it
    /// shows can be kept past the call that was handed it: nothing reads jobs outside the lock.
    /// </summary>
    internal readonly ref struct StoreView(JobStore store, long now)
    {
        /// <summary>The instant of this view, epoch ms.</summary>
        public long Now { get; } = now;

        /// <summary>Changes whenever any job changes: equal versions (and instants) mean equal answers.</summary>
        public long Version => store.version;

        /// <summary>The live jobs in storage order, for this call only.</summary>
        public ReadOnlySpan<Job> Jobs => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(store.jobs);

        /// <summary>The live jobs by last-modified time, with their count per state.</summary>
        public JobsByLastModified ByLastModified => store.byLastModified;

        /// <summary>The live job with this id, or null.</summary>
        public Job? Find(string id) => store.byId.GetValueOrDefault(id);

        /// <summary>The project with this name (case-insensitive), or null.</summary>
        public Project? FindProject(string name) => store.projects.GetValueOrDefault(name);

        /// <summary>How many projects the store knows.</summary>
        public int ProjectCount => store.projectOrder.Count;

        /// <summary>Project names in load order (a copy).</summary>
        public string[] ProjectNames() => store.projectOrder.ToArray();

        /// <summary>The estate's tables, models and segments, under the same lock.</summary>
        public Models.ModelCatalog Catalog => store.catalog;

        /// <summary>Adds a project known only by its name, unless it exists.</summary>
        public void AddProject(string name) => store.AddProject(new Project(name));

        /// <summary>Deletes jobs (in final states), in one pass over storage.</summary>
        public void Remove(IReadOnlyCollection<Job> jobs) => store.Remove(jobs);

        /// <summary>Applies a user action to a live job at this view's instant, keeping the schedule, the order and the running counts right.</summary>
        public void Change(Job job, JobAction action)
        {
            var now = Now;
            store.Change(job, j => JobTransitions.Apply(j, action, now), now);
        }

        /// <summary>Submits a job at this view's instant (READY, the steps of its type); returns the live job.</summary>
        public Job Submit(JobOrder order) => store.SubmitLocked(order, Now);

        /// <summary>A new uuid drawn from the store's seed (segment ids).</summary>
        public string NewUuid() => store.ids.Next();

        /// <summary>Kylin ends a job itself (its segments are gone): SUICIDAL, shown DISCARDED (DefaultExecutableOnModel.checkSuicide).</summary>
        public void Suicide(Job job)
        {
            var now = Now;
            store.Change(job, j => JobTransitions.Suicide(j, now), now);
        }

        /// <summary>Answers kept from before no longer hold.</summary>
        internal void Changed() => store.Changed();
    }
}
