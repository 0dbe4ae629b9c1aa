using KylinMock.Errors;
using KylinMock.Jobs;
using KylinMock.Models;

namespace KylinMock.Backend;

/// <summary>The backend's table jobs: sampling (<c>TableSamplingService</c>) and snapshots (<c>SnapshotService</c>).</summary>
internal sealed partial class KylinBackend
{
    private const int MinSamplingRows = 10_000;
    private const int MaxSamplingRows = 20_000_000;

    /// <summary>
    /// TableSamplingService.sampling: project, tag, rows (KE-010032207), the table's name, priority, the table; an
    /// unfinished sampling job of the table is discarded, then a TABLE_SAMPLING job submitted.
    /// </summary>
    public void SampleTable(string project, string? table, int rows, int priority, string? tag) => store.Write(view =>
    {
        var name = ModelNames.Project(view, project);
        var tagJson = BuildRequestChecks.Tag(tag);
        if (rows is < MinSamplingRows or > MaxSamplingRows)
        {
            throw new KylinException(ErrorCode.JobSamplingRangeInvalid, MinSamplingRows, MaxSamplingRows);
        }

        CheckSamplingTableName(table);
        BuildRequestChecks.Priority(priority);
        var desc = view.Catalog.Tables(name).FirstOrDefault(t => string.Equals(t.Identity, table, StringComparison.OrdinalIgnoreCase))
            // NTableSamplingJob.create: Preconditions.checkArgument inside TableSamplingService's @Transaction, so the
            // IllegalArgumentException reaches BaseController.handleTransaction wrapped: handleError -> ErrorResponse's
            // non-Kylin branch, 500 "KE-000000001(UNKNOWN ERRORCODE): <message>" with error_code null.
            ?? throw KylinException.WithRaw(ErrorCode.UnknownErrorCode, "Create table sampling job failed for table not exist!");
        var identity = desc.Identity.ToUpperInvariant();
        foreach (var job in RunningSamplings(view, name, identity))
        {
            view.Change(job, JobAction.DISCARD);
        }

        view.Submit(new JobOrder(name, JobType.TABLE_SAMPLING, identity, new JobPlan()) { TagJson = tagJson, Id = view.NewUuid() });
        return 0;
    });

    /// <summary>PUT /kylin/api/projects/{project}/snapshot_config: snapshot management on or off for the project.</summary>
    public void SetSnapshotConfig(string project, bool manualManagement) => store.Write(view =>
    {
        view.Catalog.SetSnapshotManagement(ModelNames.Project(view, project), manualManagement);
        return 0;
    });

    /// <summary>
    /// SnapshotService.buildSnapshots / refreshSnapshots: one SNAPSHOT_BUILD (or SNAPSHOT_REFRESH) job a table, the
    /// databases' tables not loaded yet added; refused while snapshot management is off, for an unknown table or
    /// database, a refresh of a table without a snapshot, or a table with a snapshot job running.
    /// </summary>
    public IReadOnlyList<JobInfo?> BuildSnapshots(bool refresh, string project, int priority, string? tag, IReadOnlyList<string> tablesAsked, IReadOnlyList<string> databases,
        IReadOnlyDictionary<string, SnapshotTableOption> options) =>
        store.Write(view =>
        {
            var tables = tablesAsked.ToList();
            var name = ModelNames.Project(view, project);

            // buildSnapshotsManually validates the priority, then the tag; refreshSnapshotsManually the tag first.
            string? tagJson = null;
            if (refresh)
            {
                tagJson = BuildRequestChecks.Tag(tag);
            }

            BuildRequestChecks.Priority(priority);
            if (!refresh)
            {
                tagJson = BuildRequestChecks.Tag(tag);
            }

            if (tables.Count == 0 && databases.Count == 0)
            {
                throw KylinException.WithRaw(ErrorCode.EmptyParameter, "You should select at least one table or database to load!!");
            }

            var catalog = view.Catalog;
            var known = catalog.Tables(name);
            var running = RunningSnapshots(view, name);
            if (databases.Count > 0)
            {
                var missing = databases.Where(d => !known.Any(t => string.Equals(t.Database, d, StringComparison.OrdinalIgnoreCase))).ToArray();
                if (missing.Length > 0)
                {
                    throw KylinException.WithRaw(ErrorCode.DatabaseNotExist, $"Can’t find database \"{string.Join(", ", missing)}\". Please check and try again.");
                }

                tables.AddRange(known.Where(t => databases.Contains(t.Database.ToUpperInvariant()) && !Loaded(catalog, name, t.Identity, running))
                    .Select(t => t.Identity).Where(t => !tables.Contains(t, StringComparer.OrdinalIgnoreCase)));
            }

            if (!catalog.SnapshotManagement(name))
            {
                throw KylinException.WithRaw(ErrorCode.SnapshotManagementNotEnabled, "Snapshot management is not enabled in the settings. Please check and try again.");
            }

            // checkAndGetTable: NTableMetadataManager.getTableDesc looks the identity up as given (case-sensitive).
            var unknown = tables.Where(t => !known.Any(k => string.Equals(k.Identity, t, StringComparison.Ordinal))).ToArray();
            if (unknown.Length > 0)
            {
                throw KylinException.WithRaw(ErrorCode.TableNotExist, $"Can’t find table \"{string.Join("', '", unknown)}\". Please check and try again.");
            }

            var descs = tables.Select(t => known.First(k => string.Equals(k.Identity, t, StringComparison.Ordinal))).ToArray();
            var identities = descs.Select(d => d.Identity.ToUpperInvariant()).ToArray();
            var empty = identities.Where(t => !Loaded(catalog, name, t, running)).ToArray();
            if (refresh && empty.Length > 0)
            {
                throw KylinException.WithRaw(ErrorCode.SnapshotNotExist, $"Can't find the snapshot \"{string.Join("', '", empty)}\". Please check and try again.");
            }

            SnapshotOptions.Check(descs, options);

            // SnapshotService.checkRunningSnapshotTask
            if (identities.Any(running.Contains))
            {
                throw new KylinException(ErrorCode.JobCreateCheckFail);
            }

            var type = refresh ? JobType.SNAPSHOT_REFRESH : JobType.SNAPSHOT_BUILD;
            var jobs = new List<JobInfo?>();
            foreach (var desc in descs)
            {
                var range = SnapshotOptions.DataRange(options.GetValueOrDefault(desc.Identity));
                var job = view.Submit(new JobOrder(name, type, desc.Identity.ToUpperInvariant(), new JobPlan()) { TagJson = tagJson, Id = view.NewUuid(), SnapshotDataRange = range });
                jobs.Add(new JobInfo(type.ToString(), job.Id));
            }

            return jobs;
        });

    // TableSamplingService.checkSamplingTable.
    private static void CheckSamplingTableName(string? table)
    {
        if (string.IsNullOrWhiteSpace(table))
        {
            throw KylinException.WithRaw(ErrorCode.InvalidTableName, "Can’t perform table sampling. Please select at least one table.");
        }

        if (table.Contains(' ', StringComparison.Ordinal) || table.Split('.').Length != 2)
        {
            throw KylinException.WithRaw(ErrorCode.InvalidTableName, "The name of table for sampling is invalid. Please enter a table name like “database.table”. ");
        }
    }

    // collectRunningSamplingJobs: the table's unfinished TABLE_SAMPLING jobs of the project.
    private static List<Job> RunningSamplings(JobStore.StoreView view, string project, string table)
    {
        var found = new List<Job>();
        foreach (var job in view.Jobs)
        {
            if (job.JobName == JobType.TABLE_SAMPLING && !job.State.IsFinal() && job.TargetModel == table
                && string.Equals(job.Project, project, StringComparison.OrdinalIgnoreCase))
            {
                found.Add(job);
            }
        }

        return found;
    }

    // SnapshotService.hasLoadedSnapshot: a built snapshot, or an unfinished snapshot job on the table.
    private static bool Loaded(ModelCatalog catalog, string project, string table, HashSet<string> running) =>
        catalog.HasSnapshot(project, table) || running.Contains(table.ToUpperInvariant());

    // listExecByJobTypeAndStatus(isRunning, SNAPSHOT_BUILD, SNAPSHOT_REFRESH): the tables they build.
    private static HashSet<string> RunningSnapshots(JobStore.StoreView view, string project)
    {
        var tables = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var job in view.Jobs)
        {
            if (job.JobName is JobType.SNAPSHOT_BUILD or JobType.SNAPSHOT_REFRESH && !job.State.IsFinal()
                && string.Equals(job.Project, project, StringComparison.OrdinalIgnoreCase))
            {
                tables.Add(job.TargetModel);
            }
        }

        return tables;
    }
}
