using KylinMock.Jobs;

namespace KylinMock.Models;

/// <summary>
/// The owner of the estate's tables, models and segments. It lives inside the <see cref="JobStore"/>
/// and is only touched under the store's lock, on the store's clock, so a job and its segments
/// never disagree. It also indexes the store's live jobs by model, for the rules that read them.
/// </summary>
internal sealed class ModelCatalog
{
    private readonly List<DataModel> models = [];
    private readonly Dictionary<string, DataModel> byUuid = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Segment>> segments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<TableDesc>> tables = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Dictionary<string, Segment>> segmentsById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Job>> jobsByModel = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<Job>> unfinishedByModel = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JobPlan> nextPlans = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> snapshotManagement = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> autoRefreshPut = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<(string Project, string Table)> snapshots = new(new SnapshotKeyComparer());

    /// <summary>Forgets everything, the job index included.</summary>
    public void Clear()
    {
        models.Clear();
        byUuid.Clear();
        segments.Clear();
        segmentsById.Clear();
        tables.Clear();
        jobsByModel.Clear();
        unfinishedByModel.Clear();
        nextPlans.Clear();
        snapshotManagement.Clear();
        autoRefreshPut.Clear();
        snapshots.Clear();
    }

    private static readonly IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<string?>>> NoRows = new Dictionary<string, IReadOnlyList<IReadOnlyList<string?>>>();

    // The rows the loaded estate states (a fixture's), immutable, kept as loaded.
    private IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<string?>>>> statedRows = ModelEstate.Empty.Rows;

    /// <summary>Takes the tables, models and segments of <paramref name="estate"/> (the job index is kept).</summary>
    public void Load(ModelEstate estate)
    {
        statedRows = estate.Rows;
        models.Clear();
        byUuid.Clear();
        segments.Clear();
        segmentsById.Clear();
        tables.Clear();
        foreach (var table in estate.Tables)
        {
            AddTable(table);
        }

        foreach (var model in estate.Models)
        {
            if (byUuid.TryAdd(model.Uuid, model))
            {
                models.Add(model);
                segments[model.Uuid] = [];
            }
        }

        foreach (var segment in estate.Segments)
        {
            if (segments.TryGetValue(segment.ModelUuid, out var list))
            {
                list.Add(segment);
            }
        }

        foreach (var (uuid, list) in segments)
        {
            SortByRange(list);
            segmentsById[uuid] = IndexById(list);
        }
    }

    /// <summary>Indexes a job the store took in (model jobs only).</summary>
    public void Track(Job job)
    {
        if (job.JobName.SubjectKind() != SubjectKind.Model)
        {
            return;
        }

        if (!jobsByModel.TryGetValue(job.TargetModel, out var list))
        {
            list = [];
            jobsByModel[job.TargetModel] = list;
        }

        list.Add(job);
        Follow(job);
    }

    /// <summary>Drops jobs the store deleted from the index.</summary>
    public void Untrack(IReadOnlySet<Job> gone)
    {
        foreach (var list in jobsByModel.Values)
        {
            list.RemoveAll(gone.Contains);
        }

        foreach (var unfinished in unfinishedByModel.Values)
        {
            unfinished.ExceptWith(gone);
        }
    }

    /// <summary>The models of <paramref name="project"/> (case-insensitive), in storage order.</summary>
    public IReadOnlyList<DataModel> Models(string project) =>
        models.FindAll(m => string.Equals(m.Project, project, StringComparison.OrdinalIgnoreCase));

    /// <summary>Every model, in storage order.</summary>
    public IReadOnlyList<DataModel> AllModels => models;

    /// <summary>The model of <paramref name="project"/> whose uuid is <paramref name="name"/> or whose alias is it, ignoring case (OpenSegmentController.getModel).</summary>
    public DataModel? Find(string project, string name)
    {
        var inProject = Models(project);
        return inProject.FirstOrDefault(m => m.Uuid == name)
            ?? inProject.FirstOrDefault(m => string.Equals(m.Alias, name, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The model with this uuid, or null.</summary>
    public DataModel? FindByUuid(string uuid) => byUuid.GetValueOrDefault(uuid);

    /// <summary>A model's segments in range order (empty for an unknown model).</summary>
    public IReadOnlyList<Segment> Segments(string modelUuid) => segments.TryGetValue(modelUuid, out var list) ? list : [];

    /// <summary>The live jobs whose <c>target_model</c> is <paramref name="modelUuid"/>.</summary>
    public IReadOnlyList<Job> Jobs(string modelUuid) => jobsByModel.TryGetValue(modelUuid, out var list) ? list : [];

    /// <summary>The model's unfinished jobs (not SUCCEED, DISCARDED or SUICIDAL): what the rules read, whatever the history's length.</summary>
    public IReadOnlyCollection<Job> UnfinishedJobs(string modelUuid) => unfinishedByModel.TryGetValue(modelUuid, out var set) ? set : [];

    /// <summary>The model's segments by id (empty for an unknown model).</summary>
    public IReadOnlyDictionary<string, Segment> SegmentsById(string modelUuid) =>
        segmentsById.TryGetValue(modelUuid, out var byId) ? byId : new Dictionary<string, Segment>();

    /// <summary>The model's segment with this id, or null.</summary>
    public Segment? FindSegment(string modelUuid, string id) =>
        segmentsById.TryGetValue(modelUuid, out var byId) ? byId.GetValueOrDefault(id) : null;

    /// <summary>The tables loaded into <paramref name="project"/>.</summary>
    public IReadOnlyList<TableDesc> Tables(string project) => tables.TryGetValue(project, out var list) ? list : [];

    /// <summary>Adds a model with its segments (and any table it names that the project lacks, with no columns).</summary>
    /// <exception cref="ArgumentException">The uuid exists, or the alias exists in the project (ignoring case), or a segment belongs to another model.</exception>
    public void Add(DataModel model, IReadOnlyList<Segment> modelSegments)
    {
        if (byUuid.ContainsKey(model.Uuid))
        {
            throw new ArgumentException($"A model with uuid \"{model.Uuid}\" exists already.", nameof(model));
        }

        if (Models(model.Project).Any(m => string.Equals(m.Alias, model.Alias, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ArgumentException($"Project \"{model.Project}\" has a model \"{model.Alias}\" already.", nameof(model));
        }

        if (modelSegments.FirstOrDefault(s => s.ModelUuid != model.Uuid) is { } stray)
        {
            throw new ArgumentException($"Segment \"{stray.Id}\" belongs to model \"{stray.ModelUuid}\", not \"{model.Uuid}\".", nameof(modelSegments));
        }

        models.Add(model);
        byUuid[model.Uuid] = model;
        var list = modelSegments.ToList();
        SortByRange(list);
        segments[model.Uuid] = list;
        segmentsById[model.Uuid] = IndexById(list);
        foreach (var name in new[] { model.FactTable }.Concat(model.Lookups.Select(l => l.Table)))
        {
            if (!Tables(model.Project).Any(t => string.Equals(t.Identity, name, StringComparison.OrdinalIgnoreCase)) && name.IndexOf('.') is var dot and > 0)
            {
                AddTable(new TableDesc(model.Project, name[..dot], name[(dot + 1)..], []));
            }
        }
    }

    /// <summary>Drops a model and its segments (a Kylin 4 cube deleted); its jobs stay, as Kylin keeps them.</summary>
    public void RemoveModel(string modelUuid)
    {
        if (byUuid.Remove(modelUuid, out var model))
        {
            models.Remove(model);
            segments.Remove(modelUuid);
            segmentsById.Remove(modelUuid);
            nextPlans.Remove(modelUuid);
        }
    }

    /// <summary>The next job made for the model by a build request lives by <paramref name="plan"/> (once).</summary>
    public void ScriptNextJob(string modelUuid, JobPlan plan) => nextPlans[modelUuid] = plan;

    /// <summary>The plan of the next job made for the model: the scripted one (taken), else the default plan.</summary>
    public JobPlan TakeNextPlan(string modelUuid) => nextPlans.Remove(modelUuid, out var plan) ? plan : new JobPlan();

    /// <summary>Adds a segment to its model in place (after any of the same range), keeping range order.</summary>
    public void AddSegment(Segment segment)
    {
        var list = segments[segment.ModelUuid];
        int low = 0, high = list.Count;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (CompareRange(list[mid], segment) <= 0)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        list.Insert(low, segment);
        segmentsById[segment.ModelUuid].TryAdd(segment.Id, segment);
    }

    /// <summary>Puts <paramref name="segment"/> in place of the model's segment with the same id (same range: a build's end).</summary>
    public void ReplaceSegment(Segment segment)
    {
        if (FindSegment(segment.ModelUuid, segment.Id) is not { } old)
        {
            return;
        }

        var list = segments[segment.ModelUuid];
        var index = list.IndexOf(old);
        if (index >= 0)
        {
            list[index] = segment;
            segmentsById[segment.ModelUuid][segment.Id] = segment;
        }
    }

    /// <summary>
    /// Removes the model's segments that match; returns how many went. A model left without segments is OFFLINE, whatever
    /// removed them (NDataflow.setSegments: an empty segment list turns an ONLINE dataflow OFFLINE).
    /// </summary>
    public int RemoveSegments(string modelUuid, Predicate<Segment> match)
    {
        if (!segments.TryGetValue(modelUuid, out var list))
        {
            return 0;
        }

        var byId = segmentsById[modelUuid];
        var removed = list.RemoveAll(s =>
        {
            if (!match(s))
            {
                return false;
            }

            if (byId.TryGetValue(s.Id, out var indexed) && ReferenceEquals(indexed, s))
            {
                byId.Remove(s.Id);
            }

            return true;
        });
        if (removed > 0 && list.Count == 0)
        {
            SetStoredStatus(modelUuid, ModelStatus.OFFLINE);
        }

        return removed;
    }

    /// <summary>Sets the dataflow's stored status of a model (ONLINE after a build, OFFLINE when its last segment goes).</summary>
    public void SetStoredStatus(string modelUuid, ModelStatus status)
    {
        if (!byUuid.TryGetValue(modelUuid, out var model) || model.StoredStatus == status)
        {
            return;
        }

        var changed = model with { StoredStatus = status };
        byUuid[modelUuid] = changed;
        models[models.IndexOf(model)] = changed;
    }

    /// <summary>A job of the store moved to another state: its segments follow (<see cref="SegmentEffects"/>), a finished snapshot job leaves its table a snapshot.</summary>
    public void Moved(Job job)
    {
        if (job.JobName.SubjectKind() == SubjectKind.Snapshot && job.State == ExecutableState.SUCCEED)
        {
            snapshots.Add((job.Project, job.TargetModel));
        }

        Follow(job);
        SegmentEffects.Apply(this, job);
    }

    /// <summary>Whether the project's <c>kylin.snapshot.manual-management-enabled</c> is on (off by default).</summary>
    public bool SnapshotManagement(string project) => snapshotManagement.GetValueOrDefault(project);

    /// <summary>Turns the project's snapshot management on or off (PUT .../snapshot_config).</summary>
    public void SetSnapshotManagement(string project, bool enabled)
    {
        snapshotManagement[project] = enabled;
        if (enabled)
        {
            autoRefreshPut.Add(project);
        }
    }

    /// <summary>
    /// The project's <c>override_kylin_properties</c>, in order: what ProjectService.createProject stores
    /// (<c>kylin.metadata.semi-automatic-mode</c> "false", <c>kylin.query.metadata.expose-computed-column</c> "true"), then
    /// what updateSnapshotConfig puts once the snapshot config was set (<c>kylin.snapshot.manual-management-enabled</c>, and
    /// <c>kylin.snapshot.auto-refresh-enabled</c> "false" once it was turned on: the mock takes no auto-refresh request;
    /// putOverrideKylinProps never removes a key).
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> OverrideKylinProperties(string project)
    {
        var properties = new List<KeyValuePair<string, string>>
        {
            new("kylin.metadata.semi-automatic-mode", "false"),
            new("kylin.query.metadata.expose-computed-column", "true"),
        };
        if (snapshotManagement.TryGetValue(project, out var enabled))
        {
            properties.Add(new("kylin.snapshot.manual-management-enabled", enabled ? "true" : "false"));
            if (autoRefreshPut.Contains(project))
            {
                properties.Add(new("kylin.snapshot.auto-refresh-enabled", "false"));
            }
        }

        return properties;
    }

    /// <summary>Whether the table has a built snapshot (<c>TableDesc.getLastSnapshotPath</c> set).</summary>
    public bool HasSnapshot(string project, string table) => snapshots.Contains((project, table));

    /// <summary>A copy of everything, for fixtures and the control API.</summary>
    public ModelEstate Snapshot() => new(
        tables.Values.SelectMany(t => t).ToArray(),
        models.ToArray(),
        models.SelectMany(m => segments[m.Uuid]).ToArray())
    {
        Rows = statedRows,
    };

    /// <summary>The rows the loaded estate states for <paramref name="project"/>'s tables (by <c>DB.TABLE</c>, ignoring case); empty for none.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<string?>>> StatedRows(string project) =>
        statedRows.FirstOrDefault(p => string.Equals(p.Key, project, StringComparison.OrdinalIgnoreCase)).Value ?? NoRows;

    private void AddTable(TableDesc table)
    {
        if (!tables.TryGetValue(table.Project, out var list))
        {
            list = [];
            tables[table.Project] = list;
        }

        list.Add(table);
    }

    // A model job's place in the unfinished index follows its state.
    private void Follow(Job job)
    {
        if (job.JobName.SubjectKind() != SubjectKind.Model)
        {
            return;
        }

        if (!unfinishedByModel.TryGetValue(job.TargetModel, out var set))
        {
            set = new HashSet<Job>(ReferenceEqualityComparer.Instance);
            unfinishedByModel[job.TargetModel] = set;
        }

        if (job.State.IsFinal())
        {
            set.Remove(job);
        }
        else
        {
            set.Add(job);
        }
    }

    private static Dictionary<string, Segment> IndexById(List<Segment> list)
    {
        var byId = new Dictionary<string, Segment>(StringComparer.Ordinal);
        foreach (var segment in list)
        {
            byId.TryAdd(segment.Id, segment);
        }

        return byId;
    }

    private static int CompareRange(Segment a, Segment b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End);

    private static void SortByRange(List<Segment> list) => list.Sort(CompareRange);
}

/// <summary>Project and table names ignoring case.</summary>
internal sealed class SnapshotKeyComparer : IEqualityComparer<(string Project, string Table)>
{
    public bool Equals((string Project, string Table) x, (string Project, string Table) y) =>
        StringComparer.OrdinalIgnoreCase.Equals(x.Project, y.Project) && StringComparer.OrdinalIgnoreCase.Equals(x.Table, y.Table);

    public int GetHashCode((string Project, string Table) obj) =>
        HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Project), StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Table));
}
