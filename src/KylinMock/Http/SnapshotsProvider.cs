using KylinMock.Answers;
using KylinMock.Errors;
using KylinMock.Jobs;
using KylinMock.Models;

namespace KylinMock.Http;

/// <summary>
/// <c>POST</c> (build) and <c>PUT</c> (refresh) <c>/kylin/api/snapshots</c> (SnapshotController →
/// SnapshotService.buildSnapshots): project, priority and tag, tables or databases, the databases'
/// tables without a snapshot, snapshot management on, the tables known, (refresh) each has a snapshot,
/// no unfinished snapshot job on any of them (KE-010032206); one SNAPSHOT_BUILD/SNAPSHOT_REFRESH job per table.
/// </summary>
internal sealed class SnapshotsProvider(ServerContext server, bool refresh) : IKylinOperation
{
    private const string Method = "public org.apache.kylin.rest.response.EnvelopeResponse<org.apache.kylin.rest.response.JobInfoResponse> org.apache.kylin.rest.controller.SnapshotController.buildSnapshotsManually(org.apache.kylin.rest.request.SnapshotRequest)";

    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        var body = RequestBody.Object(request, Method);
        var project = RequestBody.String(body, "project") ?? string.Empty;
        var priority = RequestBody.Int(body, "priority", 3);
        var tag = RequestBody.Raw(body, "tag");
        var tables = (RequestBody.Strings(body, "tables") ?? []).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var databases = (RequestBody.Strings(body, "databases") ?? []).Select(d => d.ToUpperInvariant()).Distinct().ToArray();
        var answer = server.Store.Write(view =>
        {
            var name = ModelNames.Project(view, project);
            BuildRequestChecks.Priority(priority);
            var tagJson = BuildRequestChecks.Tag(tag);
            if (tables.Count == 0 && databases.Length == 0)
            {
                throw KylinException.WithRaw(ErrorCode.EmptyParameter, "You should select at least one table or database to load!!");
            }

            var catalog = view.Catalog;
            var known = catalog.Tables(name);
            var running = Running(view, name);
            if (databases.Length > 0)
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

            var unknown = tables.Where(t => !known.Any(k => string.Equals(k.Identity, t, StringComparison.OrdinalIgnoreCase))).ToArray();
            if (unknown.Length > 0)
            {
                throw KylinException.WithRaw(ErrorCode.TableNotExist, $"Can’t find table \"{string.Join("', '", unknown)}\". Please check and try again.");
            }

            var identities = tables.Select(t => known.First(k => string.Equals(k.Identity, t, StringComparison.OrdinalIgnoreCase)).Identity.ToUpperInvariant()).ToArray();
            var empty = identities.Where(t => !Loaded(catalog, name, t, running)).ToArray();
            if (refresh && empty.Length > 0)
            {
                throw KylinException.WithRaw(ErrorCode.SnapshotNotExist, $"Can't find the snapshot \"{string.Join("', '", empty)}\". Please check and try again.");
            }

            // SnapshotService.checkRunningSnapshotTask
            if (identities.Any(running.Contains))
            {
                throw new KylinException(ErrorCode.JobCreateCheckFail);
            }

            var type = refresh ? JobType.SNAPSHOT_REFRESH : JobType.SNAPSHOT_BUILD;
            var jobs = new List<JobInfo?>();
            foreach (var table in identities)
            {
                var job = view.Submit(new JobOrder(name, type, table, new JobPlan()) { TagJson = tagJson, Id = view.NewUuid() });
                jobs.Add(new JobInfo(type.ToString(), job.Id));
            }

            return JobInfoJson.Envelope(jobs);
        });
        return new KylinAnswer(200, context.ContentType, answer);
    }

    // SnapshotService.hasLoadedSnapshot: a built snapshot, or an unfinished snapshot job on the table.
    private static bool Loaded(ModelCatalog catalog, string project, string table, HashSet<string> running) =>
        catalog.HasSnapshot(project, table) || running.Contains(table.ToUpperInvariant());

    // listExecByJobTypeAndStatus(isRunning, SNAPSHOT_BUILD, SNAPSHOT_REFRESH): the tables they build.
    private static HashSet<string> Running(JobStore.StoreView view, string project)
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
