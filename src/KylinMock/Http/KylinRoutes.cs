using KylinMock.Control;
using KylinMock.Dashboard;
using KylinMock.Kylin4;

namespace KylinMock.Http;

/// <summary>
/// The whole HTTP surface on one screen: every Kylin route and every control route, one line each
/// (method, path in Spring's <c>@RequestMapping</c> syntax, handler). A path no line matches gets
/// Spring's 404 (or the control plane's); a matched path without the method gets 405 with <c>Allow</c>, one whose
/// method only produces what the Accept does not take 406. <c>KylinV2</c> lines are the v2 mappings, picked by Accept.
/// </summary>
internal static class KylinRoutes
{
    public static RouteTable Build(ServerContext server)
    {
        var authentication = new UserAuthenticationProvider();
        return new RouteTable(server)

            // Kylin: JobController and UserController.authenticatedUser
            .Kylin("GET", "/kylin/api/jobs", new GetJobListProvider(server))
            .Kylin("DELETE", "/kylin/api/jobs", new DropJobsProvider(server))
            .Kylin("GET", "/kylin/api/jobs/{job_id:.+}/detail", new GetJobDetailProvider(server))
            .Kylin("GET", "/kylin/api/jobs/{job_id:.+}/steps/{step_id:.+}/output", new GetJobOutputProvider(server))
            .Kylin("PUT", "/kylin/api/jobs/status", new UpdateJobStatusProvider(server))
            .Kylin("GET", "/kylin/api/jobs/{job_id:.+}/steps/{step_id:.+}/log", new DownloadStepLogProvider(server))
            .Kylin("GET", "/kylin/api/jobs/statistics", new JobStatisticsProvider(server, JobStatisticsProvider.Kind.Totals))
            .Kylin("GET", "/kylin/api/jobs/statistics/count", new JobStatisticsProvider(server, JobStatisticsProvider.Kind.Count))
            .Kylin("GET", "/kylin/api/jobs/statistics/duration_per_byte", new JobStatisticsProvider(server, JobStatisticsProvider.Kind.DurationPerByte))
            .Kylin("GET", "/kylin/api/user/authentication", authentication, anonymous: true)

            // Kylin: the estate's read endpoints (NProjectController, OpenModelController, NQueryController, OpenSegmentController)
            .Kylin("GET", "/kylin/api/projects", new GetProjectsProvider(server), anonymous: true)
            .Kylin("GET", "/kylin/api/models", new GetModelsProvider(server))
            .Kylin("GET", "/kylin/api/models/{project}/{model_name}/model_desc", new GetModelDescProvider(server))
            .Kylin("GET", "/kylin/api/query/tables_and_columns", new GetTablesAndColumnsProvider(server))
            .Kylin("GET", "/kylin/api/models/{model_name}/segments", new GetSegmentsProvider(server))
            .Kylin("POST", "/kylin/api/models/{model_name}/segments/check", new CheckSegmentsProvider(server))

            // Kylin: the job-producing segment endpoints (OpenSegmentController)
            .Kylin("POST", "/kylin/api/models/{model_name}/segments", new BuildSegmentsProvider(server))
            .Kylin("PUT", "/kylin/api/models/{model_name}/segments", new RefreshOrMergeSegmentsProvider(server))
            .Kylin("DELETE", "/kylin/api/models/{model_name}/segments", new DeleteSegmentsProvider(server))
            .Kylin("POST", "/kylin/api/models/{model_name}/indexes", new BuildIndexesProvider(server))
            .Kylin("POST", "/kylin/api/models/{model_name}/segments/completion", new CompleteSegmentsProvider(server))
            .Kylin("POST", "/kylin/api/models/{model_name}/segments/multi_partition", new MultiPartitionProvider(server, MultiPartitionProvider.Kind.Build))
            .Kylin("PUT", "/kylin/api/models/{model_name}/segments/multi_partition", new MultiPartitionProvider(server, MultiPartitionProvider.Kind.Refresh))
            .Kylin("GET", "/kylin/api/models/{model_name}/segments/multi_partition", new MultiPartitionProvider(server, MultiPartitionProvider.Kind.List))
            .Kylin("DELETE", "/kylin/api/models/segments/multi_partition", new MultiPartitionProvider(server, MultiPartitionProvider.Kind.Delete))
            .Kylin("POST", "/kylin/api/tables/sampling_jobs", new SamplingJobsProvider(server))
            .Kylin("POST", "/kylin/api/snapshots", new SnapshotsProvider(server, refresh: false))
            .Kylin("PUT", "/kylin/api/snapshots", new SnapshotsProvider(server, refresh: true))
            .Kylin("PUT", "/kylin/api/projects/{project}/snapshot_config", new SnapshotConfigProvider(server))

            // Kylin 5.0.x: internal tables (InternalTableController, OpenInternalTableController)
            .Kylin("GET", "/kylin/api/internal_tables", new GetInternalTablesProvider(server))
            .Kylin("DELETE", "/kylin/api/internal_tables/truncate_internal_table", new RemoveInternalTableProvider(server, RemoveInternalTableProvider.What.Data))
            .Kylin("DELETE", "/kylin/api/internal_tables/partitions", new RemoveInternalTableProvider(server, RemoveInternalTableProvider.What.Partitions))
            .Kylin("POST", "/kylin/api/internal_tables/{database}/{table}", new SaveInternalTableProvider(server, update: false))
            .Kylin("PUT", "/kylin/api/internal_tables/{database}/{table}", new SaveInternalTableProvider(server, update: true))
            .Kylin("DELETE", "/kylin/api/internal_tables/{database}/{table}", new RemoveInternalTableProvider(server, RemoveInternalTableProvider.What.Table))
            .Kylin("GET", "/kylin/api/internal_tables/{database}/{table}", new GetInternalTableDetailProvider(server))
            .Kylin("POST", "/kylin/api/internal_tables/{project}/{database}/{table}", new LoadInternalTableProvider(server))
            .Kylin("POST", "/kylin/api/user/authentication", authentication, anonymous: true)
            .KylinFilter("GET", "/kylin/api/j_spring_security_logout", new LogoutProvider(server))
            .KylinFilter("POST", "/kylin/api/j_spring_security_logout", new LogoutProvider(server))
            .KylinFilter("PUT", "/kylin/api/j_spring_security_logout", new LogoutProvider(server))
            .KylinFilter("DELETE", "/kylin/api/j_spring_security_logout", new LogoutProvider(server))

            // Kylin: NAdminController, permitAll (kystudio's start-up calls)
            .Kylin("GET", "/kylin/api/admin/instance_info", new AdminInstanceInfoProvider(server), anonymous: true)
            .Kylin("GET", "/kylin/api/admin/public_config", new AdminPublicConfigProvider(server), anonymous: true)

            // Kylin: what kystudio's pages read before they render (NAccessController, NProjectController, NSystemController, NTableController)
            .Kylin("GET", "/kylin/api/access/permission/project_ext_permission", new ProjectExtPermissionProvider(server))
            .Kylin("GET", "/kylin/api/projects/{project:.+}/project_config", new ProjectConfigProvider(server))
            .Kylin("GET", "/kylin/api/system/servers", new SystemServersProvider(server, withStatus: true))
            .Kylin("GET", "/kylin/api/query/servers", new SystemServersProvider(server, withStatus: false))
            .Kylin("GET", "/kylin/api/tables/project_tables", new ProjectTablesProvider(server))
            .Kylin("GET", "/kylin/api/tables", new GetTableDescProvider(server))
            .Kylin("GET", "/kylin/api/tables/model_tables", new GetModelTablesProvider(server))
            .Kylin("GET", "/kylin/api/models/{model:.+}/sql", new GetModelSqlProvider(server))
            .Kylin("GET", "/kylin/api/query/query_history_submitters", new QueryHistoryFiltersProvider(server, models: false))
            .Kylin("GET", "/kylin/api/query/query_history_models", new QueryHistoryFiltersProvider(server, models: true))

            // Kylin: the query API (NQueryController; NQueryControllerV2 on v2 and plain JSON)
            .Kylin("POST", "/kylin/api/query", new QueryProvider(server, Sql.SqlFace.V4, prepare: false))
            .KylinV2("POST", "/kylin/api/query", new QueryProvider(server, Sql.SqlFace.V2, prepare: false))
            .KylinJson("POST", "/kylin/api/query", new QueryProvider(server, Sql.SqlFace.Bare, prepare: false))
            .Kylin("POST", "/kylin/api/query/prestate", new QueryProvider(server, Sql.SqlFace.V4, prepare: true))
            .KylinV2("POST", "/kylin/api/query/prestate", new QueryProvider(server, Sql.SqlFace.V4, prepare: true))
            .Kylin("DELETE", "/kylin/api/query/{id}", new StopQueryProvider(server))
            .Kylin("POST", "/kylin/api/query/saved_queries", new SavedQueriesProvider(server, "save"))
            .Kylin("GET", "/kylin/api/query/saved_queries", new SavedQueriesProvider(server, "list"))
            .Kylin("DELETE", "/kylin/api/query/saved_queries/{id}", new SavedQueriesProvider(server, "remove"))
            .Kylin("GET", "/kylin/api/query/history_queries", new QueryHistoryProvider(server, publicApi: false))
            .Kylin("GET", "/kylin/api/query/query_histories", new QueryHistoryProvider(server, publicApi: true))
            .Kylin("POST", "/kylin/api/query/format/{format}", new DownloadQueryResultProvider(server))
            .KylinV2("POST", "/kylin/api/query/format/{format}", new DownloadQueryResultProvider(server))
            .KylinJson("POST", "/kylin/api/query/format/{format}", new DownloadQueryResultProvider(server))
            .Kylin("PUT", "/kylin/api/projects/{project}/push_down_config", new PushDownConfigProvider(server))

            // Kylin's v2 face (Accept: application/vnd.apache.kylin-v2+json): JobControllerV2, SegmentControllerV2, the metadata controllers (MSC v2, NQueryMetaController), NUserControllerV2.authentication
            .KylinV2("GET", "/kylin/api/jobs", new GetJobListV2Provider(server))
            .KylinV2("GET", "/kylin/api/jobs/{jobId}", new GetJobV2Provider(server))
            .KylinV2("PUT", "/kylin/api/jobs/{jobId}/resume", new ResumeJobV2Provider(server))
            .KylinV2("GET", "/kylin/api/jobs/{job_id:.+}/steps/{step_id:.+}/output", new GetJobOutputV2Provider(server))
            .KylinV2("GET", "/kylin/api/cubes", new GetCubesV2Provider(server))
            .KylinV2("GET", "/kylin/api/cubes/{cubeName}", new GetCubeV2Provider(server))
            .KylinV2("PUT", "/kylin/api/cubes/{cubeName}/rebuild", new RebuildCubeV2Provider(server))
            .KylinV2("PUT", "/kylin/api/cubes/{cubeName}/segments", new ManageSegmentsV2Provider(server))
            .KylinV2("GET", "/kylin/api/cubes/{cubeName}/holes", new GetCubeHolesV2Provider(server))
            .KylinV2("GET", "/kylin/api/cubes/{cubeName}/sql", new GetCubeSqlV2Provider(server))
            .KylinV2("GET", "/kylin/api/projects", new GetProjectsV2Provider(server), anonymous: true)
            .KylinV2("GET", "/kylin/api/models", new GetModelsV2Provider(server, one: false))
            .KylinV2("GET", "/kylin/api/models/{projectName}/{modelName}", new GetModelsV2Provider(server, one: true))
            .KylinV2("GET", "/kylin/api/cube_desc/{projectName}/{cubeName}", new GetCubeDescV2Provider(server))
            .KylinV2("GET", "/kylin/api/tables_and_columns", new GetTablesAndColumnsV2Provider(server))
            .KylinV2("GET", "/kylin/api/user/authentication", authentication, anonymous: true)
            .KylinV2("POST", "/kylin/api/user/authentication", authentication, anonymous: true)

            // Kylin 4's v1 face (KylinMockOptions.KylinVersion = 4): its lines replace the Kylin lines above; the dashboard's view keeps them
            .Kylin4Face(server)

            // The mock's own control plane
            .Control("GET", "/__kylinmock/health", _ => ControlPlane.Health(server), open: true)
            .Control("POST", "/__kylinmock/reset", _ => ControlPlane.ResetOverHttp(server))
            .Control("GET", "/__kylinmock/clock", _ => ControlClock.Now(server))
            .Control("PUT", "/__kylinmock/clock", call => ControlClock.Set(server, call))
            .Control("POST", "/__kylinmock/clock/advance", call => ControlClock.Advance(server, call))
            .Control("GET", "/__kylinmock/jobs", _ => ControlJobs.Everything(server))
            .Control("POST", "/__kylinmock/jobs", call => ControlJobs.Add(server, call))
            .Control("PUT", "/__kylinmock/jobs", call => ControlJobs.Replace(server, call))
            .Control("POST", "/__kylinmock/jobs/submit", call => ControlJobs.Submit(server, call))
            .Control("PATCH", "/__kylinmock/jobs/{id}", call => ControlJobs.Script(server, call.Path["id"], call))
            .Control("GET", "/__kylinmock/models", _ => ControlModels.Everything(server))
            .Control("POST", "/__kylinmock/models", call => ControlModels.Add(server, call))
            .Control("PUT", "/__kylinmock/models/{uuid}/next_job", call => ControlModels.ScriptNextJob(server, call.Path["uuid"], call))
            .Control("GET", "/__kylinmock/faults", _ => ControlFaults.List(server))
            .Control("POST", "/__kylinmock/faults", call => ControlFaults.Add(server, call))
            .Control("DELETE", "/__kylinmock/faults", _ => ControlFaults.Clear(server))
            .Control("DELETE", "/__kylinmock/faults/{id}", call => ControlFaults.Remove(server, call.Path["id"]))
            .Control("GET", "/__kylinmock/journal", call => ControlJournal.Entries(server, call))
            .Control("PUT", "/__kylinmock/tables/{project}/{table}/rows", call => ControlQueries.ReplaceRows(server, call))
            .Control("GET", "/__kylinmock/tables/{project}/{table}/rows", call => ControlQueries.Rows(server, call))
            .Control("PUT", "/__kylinmock/query/latency", call => ControlQueries.Latency(server, call))
            .Control("GET", "/__kylinmock/queries", _ => ControlQueries.Queries(server))
            .Control("GET", "/__kylinmock/view/projects", _ => ControlJobs.ProjectNames(server))
            .View("/__kylinmock/view")

            // The dashboard: the page needs no token (it holds no data and asks for one)
            .Control("GET", "/__kylinmock", _ => DashboardPage.Index(), open: true)
            .Control("GET", "/__kylinmock/ui", _ => DashboardPage.Index(), open: true)
            .Control("GET", "/__kylinmock/ui/{file}", call => DashboardPage.File(call.Path["file"]), open: true)
            .Control("GET", "/__kylinmock/journal/calls", call => ControlJournal.Calls(server, call))
            .Control("DELETE", "/__kylinmock/journal", _ => ControlJournal.Clear(server));
    }
}
