using KylinMock.Errors;
using KylinMock.Jobs;
using KylinMock.Models;

namespace KylinMock.Backend;

/// <summary>What a load submitted: the job type's name and the jobs' ids (<c>InternalTableLoadingJobResponse</c>).</summary>
/// <param name="JobName">INTERNAL_TABLE_BUILD or INTERNAL_TABLE_REFRESH.</param>
/// <param name="JobIds">The jobs made (none for a refresh of named partitions, which Kylin runs at once).</param>
internal sealed record InternalTableLoad(string JobName, IReadOnlyList<string> JobIds);

/// <summary>How an internal table is laid out (<c>InternalTableRequest</c>).</summary>
/// <param name="PartitionCols">The partition columns, or null.</param>
/// <param name="DatePartitionFormat">The date column's format, or null.</param>
/// <param name="TblProperties">The table properties.</param>
/// <param name="StorageType">The storage type, or null for GLUTEN.</param>
internal sealed record InternalTableLayout(IReadOnlyList<string>? PartitionCols, string? DatePartitionFormat, IReadOnlyDictionary<string, string> TblProperties, string? StorageType);

/// <summary>What a load asks for (<c>InternalTableBuildRequest</c>).</summary>
/// <param name="Incremental">A range of days rather than everything.</param>
/// <param name="Refresh">Reload (INTERNAL_TABLE_REFRESH) rather than load.</param>
/// <param name="StartDate">The range's start, epoch ms as text.</param>
/// <param name="EndDate">The range's end, epoch ms as text.</param>
/// <param name="Partitions">Partitions to reload at once, or null.</param>
internal sealed record InternalTableLoadRequest(bool Incremental, bool Refresh, string? StartDate, string? EndDate, IReadOnlyList<string>? Partitions);

/// <summary>
/// The backend's internal tables (Kylin 5.0.x, <c>InternalTableService</c>, <c>InternalTableLoadingService</c>): made from
/// loaded tables, changed, dropped, truncated, their partitions dropped, and loaded by jobs that live on the clock.
/// Messages Kylin's bundle holds for these checks are not in the stored sources; they are worded after its others.
/// </summary>
internal sealed partial class KylinBackend
{
    private static readonly JobType[] InternalTableJobTypes = [JobType.INTERNAL_TABLE_BUILD, JobType.INTERNAL_TABLE_REFRESH, JobType.INTERNAL_TABLE_DELETE_PARTITION];

    /// <summary>InternalTableService.createInternalTable: the loaded table (KE-010007001), not yet internal, its partition columns.</summary>
    public void CreateInternalTable(string project, string database, string table, InternalTableLayout layout) => store.Write(view =>
    {
        var name = ModelNames.Project(view, project);
        var identity = database + "." + table;
        var source = view.Catalog.Tables(name).FirstOrDefault(t => string.Equals(t.Identity, identity, StringComparison.OrdinalIgnoreCase))
            ?? throw KylinException.WithRaw(ErrorCode.TableNotExist, $"Can’t find table \"{identity}\". Please check and try again.");
        var book = view.Catalog.InternalTables;
        if (book.Find(name, source.Identity) is not null)
        {
            throw KylinException.WithRaw(ErrorCode.InternalTableError, $"The internal table \"{source.Name}\" already exists. Please check and try again.");
        }

        CheckPartitionColumns(source, layout);
        book.Put(new InternalTable(name, source.Database, source.Name)
        {
            Uuid = view.NewUuid(),
            PartitionColumns = layout.PartitionCols ?? [],
            DatePartitionFormat = layout.PartitionCols is { Count: > 0 } ? layout.DatePartitionFormat : null,
            TblProperties = layout.TblProperties,
            StorageType = layout.StorageType ?? "GLUTEN",
            LastModified = view.Now,
        });
        MarkJobs(view, name, source.Identity, SubjectHealth.Healthy);
        return 0;
    });

    /// <summary>InternalTableService.updateInternalTable: an empty internal table takes a new layout; its running jobs end SUICIDAL.</summary>
    public void UpdateInternalTable(string project, string database, string table, InternalTableLayout layout) => store.Write(view =>
    {
        var name = ModelNames.Project(view, project);
        var internalTable = FindInternalTable(view, name, database + "." + table);
        if (internalTable.RowCount > 0)
        {
            throw KylinException.WithRaw(ErrorCode.InternalTableError, $"The internal table \"{internalTable.Identity}\" is not empty. Please truncate it and try again.");
        }

        var source = view.Catalog.Tables(name).First(t => t.Identity == internalTable.Identity);
        CheckPartitionColumns(source, layout);
        EndRunningJobs(view, name, internalTable.Identity);
        view.Catalog.InternalTables.Put(internalTable with
        {
            PartitionColumns = layout.PartitionCols ?? [],
            DatePartitionFormat = layout.PartitionCols is { Count: > 0 } ? layout.DatePartitionFormat : null,
            TblProperties = layout.TblProperties,
            StorageType = layout.StorageType ?? "GLUTEN",
            Partitions = [],
            LastModified = view.Now,
        });
        return 0;
    });

    /// <summary>InternalTableService.dropInternalTable: its running jobs end SUICIDAL first; an unknown table is KE-010007001.</summary>
    public void DropInternalTable(string project, string database, string table) => store.Write(view =>
    {
        var name = ModelNames.Project(view, project);
        var identity = database + "." + table;
        EndRunningJobs(view, name, identity);
        var internalTable = view.Catalog.InternalTables.Find(name, identity)
            ?? throw KylinException.WithRaw(ErrorCode.TableNotExist, NotFound(identity));
        view.Catalog.InternalTables.Remove(internalTable);
        MarkJobs(view, name, identity, SubjectHealth.InternalTableDeleted);
        return 0;
    });

    /// <summary>InternalTableService.truncateInternalTable: no partitions, rows or job ranges left; running jobs end SUICIDAL.</summary>
    public void TruncateInternalTable(string project, string database, string table) => store.Write(view =>
    {
        var name = ModelNames.Project(view, project);
        var internalTable = FindInternalTable(view, name, database + "." + table);
        EndRunningJobs(view, name, internalTable.Identity);
        view.Catalog.InternalTables.Put(internalTable with { Partitions = [], JobRanges = [], RowCount = 0, StorageSize = 0, LastModified = view.Now });
        return 0;
    });

    /// <summary>InternalTableLoadingService.dropPartitions: every value must be a loaded partition (KE-010007015 names the missing ones).</summary>
    public void DropInternalTablePartitions(string project, string database, string table, IReadOnlyList<string> values) => store.Write(view =>
    {
        var name = ModelNames.Project(view, project);
        var internalTable = FindInternalTable(view, name, database + "." + table);
        var missing = values.Distinct(StringComparer.Ordinal).Where(v => !internalTable.Partitions.Any(p => p.Value == v)).ToArray();
        if (!internalTable.Partitioned || missing.Length > 0)
        {
            var named = internalTable.Partitioned ? missing : values.ToArray();
            throw KylinException.WithRaw(ErrorCode.InternalTablePartitionNotExist, $"Can’t find partition \"{string.Join(',', named)}\" of the internal table. Please check and try again.");
        }

        view.Catalog.InternalTables.Put(InternalTableBook.WithoutPartitions(internalTable, values.ToHashSet(StringComparer.Ordinal), view.Now));
        return 0;
    });

    /// <summary>
    /// InternalTableService.loadIntoInternalTable: an incremental load's range (DataRangeUtils.validateRange), the table
    /// (KE-010007012), then InternalTableLoadingService: a refresh of named partitions runs at once; otherwise an
    /// incremental load needs a partitioned table and a range no earlier load overlaps, and one job is submitted.
    /// </summary>
    public InternalTableLoad LoadInternalTable(string project, string database, string table, InternalTableLoadRequest request) => store.Write(view =>
    {
        var name = ModelNames.Project(view, project);
        var range = (Start: 0L, End: long.MaxValue);
        if (request.Incremental)
        {
            range = SegmentRanges.Validate(request.StartDate, request.EndDate, null, TimeZone)
                ?? throw new KylinException(ErrorCode.TimeInvalidRangeNotConsistent);
        }

        var type = request.Refresh ? JobType.INTERNAL_TABLE_REFRESH : JobType.INTERNAL_TABLE_BUILD;
        var internalTable = FindInternalTable(view, name, database + "." + table);
        if (request.Refresh && request.Partitions is { Count: > 0 })
        {
            view.Catalog.InternalTables.Put(internalTable with { LastModified = view.Now });
            return new InternalTableLoad(type.ToString(), []);
        }

        if (request.Incremental && !internalTable.Partitioned)
        {
            throw KylinException.WithRaw(ErrorCode.InternalTableError, Unpartitioned);
        }

        if (request.Incremental && internalTable.JobRanges.Any(r => r.Start < range.End && range.Start < r.End))
        {
            throw KylinException.WithRaw(ErrorCode.InternalTableError, "The time range overlaps with an earlier load of the table. Please check and try again.");
        }

        // DataRangeUtils.timeInRange: a refresh stays inside the loaded partitions (Kylin reuses the unpartitioned message).
        if (request.Refresh && request.Incremental && !InsideLoaded(internalTable, range))
        {
            throw KylinException.WithRaw(ErrorCode.InternalTableError, Unpartitioned);
        }

        var job = view.Submit(new JobOrder(name, type, internalTable.Identity, view.Catalog.TakeNextPlan(internalTable.Identity))
        {
            Id = view.NewUuid(),
            DataRange = range,
        });
        view.Catalog.InternalTables.Put(internalTable with
        {
            JobRanges = request.Incremental ? [.. internalTable.JobRanges, range] : internalTable.JobRanges,
        });
        return new InternalTableLoad(type.ToString(), [job.Id]);
    });

    /// <summary>InternalTableService.getTableList: the project's tables, or those matching database and table (exactly, or parts ignoring case with fuzzy; none is KE-010007012).</summary>
    public IReadOnlyList<(InternalTable Table, TableDesc? Source)> ListInternalTables(string project, bool fuzzy, string? database, string? table) => store.Read(view =>
    {
        var name = ModelNames.Project(view, project);
        var all = view.Catalog.InternalTables.Of(name);
        if (!string.IsNullOrWhiteSpace(database) || !string.IsNullOrWhiteSpace(table))
        {
            all = all.Where(t => Matches(t.Database, database, fuzzy) && Matches(t.Name, table, fuzzy)).ToArray();
            if (all.Count == 0)
            {
                throw KylinException.WithRaw(ErrorCode.InternalTableNotExist, NotFound(table ?? "null"));
            }
        }

        var sources = view.Catalog.Tables(name);
        return all.Select(t => (t, sources.FirstOrDefault(s => s.Identity == t.Identity))).ToArray();
    });

    /// <summary>InternalTableService.getTableDetail: the table's partitions (KE-010007012 for an unknown table).</summary>
    public InternalTable GetInternalTable(string project, string database, string table) =>
        store.Read(view => FindInternalTable(view, ModelNames.Project(view, project), database + "." + table));

    private const string Unpartitioned = "The internal table is not partitioned by a date column, or the range is outside its loaded partitions. Please check and try again.";

    private static string NotFound(string identity) => $"Can’t find internal table \"{identity}\". Please check and try again.";

    private static InternalTable FindInternalTable(JobStore.StoreView view, string project, string identity) =>
        view.Catalog.InternalTables.Find(project, identity) ?? throw KylinException.WithRaw(ErrorCode.InternalTableNotExist, NotFound(identity));

    private static bool Matches(string value, string? wanted, bool fuzzy) =>
        string.IsNullOrWhiteSpace(wanted) || (fuzzy ? value.Contains(wanted, StringComparison.OrdinalIgnoreCase) : string.Equals(value, wanted, StringComparison.OrdinalIgnoreCase));

    private static bool InsideLoaded(InternalTable table, (long Start, long End) range)
    {
        var days = table.Partitions.Select(p => p.Value).ToHashSet(StringComparer.Ordinal);
        for (var day = range.Start; day < range.End; day += 86_400_000)
        {
            if (!days.Contains(InternalTableBook.Format(day, table.DatePartitionFormat)))
            {
                return false;
            }
        }

        return true;
    }

    // InternalTableService.checkParameters: every partition column is the table's; a date column needs a format and a format a date column.
    private static void CheckPartitionColumns(TableDesc source, InternalTableLayout layout)
    {
        var columns = layout.PartitionCols ?? [];
        if (columns.Count == 0 && string.IsNullOrEmpty(layout.DatePartitionFormat))
        {
            return;
        }

        var found = columns.Select(c => source.Columns.FirstOrDefault(col => string.Equals(col.Name, c, StringComparison.OrdinalIgnoreCase))).ToArray();
        if (found.Length == 0 || found.Any(c => c is null))
        {
            throw KylinException.WithRaw(ErrorCode.InvalidInternalTableParameter, $"Can’t find the partition column of table \"{source.Identity}\". Please check and try again.");
        }

        var hasDate = found.Any(c => string.Equals(c!.Datatype, "date", StringComparison.OrdinalIgnoreCase));
        if (hasDate && string.IsNullOrEmpty(layout.DatePartitionFormat))
        {
            throw KylinException.WithRaw(ErrorCode.EmptyParameter, "The date partition format can’t be empty for a date partition column. Please check and try again.");
        }

        if (!hasDate && !string.IsNullOrEmpty(layout.DatePartitionFormat))
        {
            throw KylinException.WithRaw(ErrorCode.EmptyParameter, "A date partition format needs a date partition column. Please check and try again.");
        }
    }

    // InternalTableService.suicideRunningInternalTableJob: the table's unfinished loading jobs end SUICIDAL.
    private static void EndRunningJobs(JobStore.StoreView view, string project, string identity)
    {
        foreach (var job in TableJobs(view, project, identity).Where(j => !j.State.IsFinal()))
        {
            view.Suicide(job);
        }
    }

    // ExecutableResponse.create reads the table's existence as the job is shown: every job of the table follows.
    private static void MarkJobs(JobStore.StoreView view, string project, string identity, SubjectHealth health)
    {
        foreach (var job in TableJobs(view, project, identity))
        {
            job.subjectHealth = health;
        }

        view.Changed();
    }

    private static List<Job> TableJobs(JobStore.StoreView view, string project, string identity)
    {
        var found = new List<Job>();
        foreach (var job in view.Jobs)
        {
            if (Array.IndexOf(InternalTableJobTypes, job.JobName) >= 0 && job.TargetModel == identity
                && string.Equals(job.Project, project, StringComparison.OrdinalIgnoreCase))
            {
                found.Add(job);
            }
        }

        return found;
    }
}
