using KylinMock.Jobs;

namespace KylinMock.Models;

/// <summary>
/// The models side of an estate whose fixture predates models: every model its projects or its jobs
/// name, on the project's tables, with the segments its build, refresh and merge jobs name.
/// </summary>
internal static class ModelDerivation
{
    private static readonly ColumnDesc[] DefaultColumns =
    [
        new("ID", "bigint"), new("NAME", "varchar(256)"), new("CATEGORY", "varchar(64)"), new("PART_DT", "date"),
        new("AMOUNT", "decimal(19,4)"), new("QUANTITY", "integer"),
    ];

    /// <summary>Derives tables, models and segments from <paramref name="projects"/> and <paramref name="jobs"/> (storage order).</summary>
    public static ModelEstate From(IReadOnlyList<Project> projects, IReadOnlyList<Job> jobs)
    {
        ArgumentNullException.ThrowIfNull(projects);
        ArgumentNullException.ThrowIfNull(jobs);
        var tables = new List<TableDesc>();
        var models = new List<DataModel>();
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var project in projects)
        {
            foreach (var table in project.Tables)
            {
                var dot = table.IndexOf('.');
                tables.Add(new TableDesc(project.Name, dot > 0 ? table[..dot] : "DEFAULT", dot > 0 ? table[(dot + 1)..] : table, DefaultColumns));
            }

            foreach (var model in project.Models)
            {
                if (known.Add(model.Uuid))
                {
                    models.Add(Derived(project.Name, model.Uuid, model.Alias, tables, jobs));
                }
            }
        }

        foreach (var job in jobs)
        {
            if (job.JobName.SubjectKind() == SubjectKind.Model && job.SubjectHealth != SubjectHealth.ModelDeleted && known.Add(job.TargetModel))
            {
                models.Add(Derived(job.Project, job.TargetModel, job.SubjectAlias ?? job.TargetModel, tables, jobs));
            }
        }

        var withFact = models.Where(m => !tables.Any(t => t.Project == m.Project && t.Identity == m.FactTable))
            .Select(m => new TableDesc(m.Project, "DEFAULT", m.FactAlias, DefaultColumns)).DistinctBy(t => (t.Project, t.Name));
        tables.AddRange(withFact);
        var segments = models.SelectMany(m => Segments(m, jobs)).ToList();
        return new ModelEstate(tables, models, segments);
    }

    private static DataModel Derived(string project, string uuid, string alias, List<TableDesc> tables, IReadOnlyList<Job> jobs)
    {
        var candidates = tables.Where(t => t.Project == project).ToList();
        var fact = candidates.Count > 0 ? candidates[StableHash.Of(alias) % candidates.Count].Identity : "DEFAULT." + alias.ToUpperInvariant();
        var factAlias = fact[(fact.IndexOf('.') + 1)..];
        var fullBuild = jobs.Any(j => j.TargetModel == uuid && j.DataRangeStart == 0 && j.DataRangeEnd == long.MaxValue);
        var built = jobs.Any(j => j.TargetModel == uuid && j.State == ExecutableState.SUCCEED);
        return new DataModel
        {
            Uuid = uuid,
            Alias = alias,
            Project = project,
            FactTable = fact,
            Columns = DefaultColumns.Select((c, i) => new NamedColumn(i, factAlias + "_" + c.Name, factAlias + "." + c.Name, IsDimension: c.Name is "ID" or "NAME" or "CATEGORY" or "PART_DT")).ToArray(),
            Measures =
            [
                new Measure(100000, "COUNT_ALL", "COUNT", [new ParameterDesc("constant", "1")], "bigint"),
                new Measure(100001, "SUM_AMOUNT", "SUM", [new ParameterDesc("column", factAlias + ".AMOUNT")], "decimal(29,4)"),
            ],
            PartitionDesc = fullBuild ? null : new PartitionDesc(factAlias + ".PART_DT", "yyyy-MM-dd"),
            Broken = jobs.LastOrDefault(j => j.TargetModel == uuid)?.SubjectHealth == SubjectHealth.ModelBroken,
            StoredStatus = built ? ModelStatus.ONLINE : ModelStatus.OFFLINE,
            TotalIndexes = 1,
        };
    }

    // A segment per target of a build, refresh or merge job: READY once one finished, NEW while one is unfinished; discarded ones made none.
    private static IEnumerable<Segment> Segments(DataModel model, IReadOnlyList<Job> jobs)
    {
        var found = new Dictionary<string, Segment>(StringComparer.Ordinal);
        foreach (var job in jobs)
        {
            if (job.TargetModel != model.Uuid || job.JobName is not (JobType.INC_BUILD or JobType.INDEX_REFRESH or JobType.INDEX_MERGE or JobType.INDEX_BUILD)
                || job.State is ExecutableState.DISCARDED or ExecutableState.SUICIDAL)
            {
                continue;
            }

            var ready = job.State == ExecutableState.SUCCEED || job.JobName == JobType.INDEX_BUILD;
            foreach (var id in job.TargetSegments)
            {
                if (found.TryGetValue(id, out var seen) && (seen.Status == SegmentStatus.READY || !ready))
                {
                    continue;
                }

                found[id] = new Segment
                {
                    Id = id,
                    ModelUuid = model.Uuid,
                    Name = SegmentNames.Make(job.DataRangeStart, job.DataRangeEnd, TimeZoneInfo.Utc),
                    Start = job.DataRangeStart,
                    End = job.DataRangeEnd,
                    Status = ready ? SegmentStatus.READY : SegmentStatus.NEW,
                    CreateTime = job.CreateTime,
                    LastBuildTime = ready ? job.EndTime : 0,
                    IndexCount = ready ? 1 : 0,
                    IndexCountTotal = ready ? 1 : 0,
                    Merged = job.JobName == JobType.INDEX_MERGE,
                };
            }
        }

        return found.Values;
    }
}
