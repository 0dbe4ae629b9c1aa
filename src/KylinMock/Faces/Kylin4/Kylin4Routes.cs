using KylinMock.Http;

namespace KylinMock.Kylin4;

/// <summary>
/// Kylin 4's v1 face, one line a route (contract §2): what a Kylin 4.0.x server serves under <c>/kylin/api</c>, plain
/// <c>application/json</c>. Registered only on a Kylin 4 server (<see cref="KylinMockOptions.KylinVersion"/> 4); every other
/// Kylin path, Kylin 5's v4 and v2 ones included, is then Kylin 4's 404 page.
/// </summary>
internal static class Kylin4Routes
{
    /// <summary>Adds the Kylin 4 lines when the server is a Kylin 4.</summary>
    public static RouteTable Kylin4Face(this RouteTable table, ServerContext server)
    {
        if (server.KylinVersion != 4)
        {
            return table;
        }

        var jobs = new JobControllerV1(server);
        var cubes = new CubeControllerV1(server);
        var estate = new EstateControllerV1(server);
        var query = new QueryControllerV1(server);
        return table

            // UserController, ProjectController, ModelController, CubeDescController
            .Kylin4("GET", "/kylin/api/user/authentication", new Kylin4Operation(estate.Authentication), anonymous: true)
            .Kylin4("POST", "/kylin/api/user/authentication", new Kylin4Operation(estate.Authentication), anonymous: true)
            .Kylin4("GET", "/kylin/api/projects", new Kylin4Operation(estate.Projects))
            .Kylin4("GET", "/kylin/api/projects/readable", new Kylin4Operation(estate.Projects))
            .Kylin4("GET", "/kylin/api/models", new Kylin4Operation(estate.Models))
            .Kylin4("GET", "/kylin/api/cube_desc/{cubeName}", new Kylin4Operation(cubes.Desc))
            .Kylin4("GET", "/kylin/api/cube_desc/{cubeName}/desc", new Kylin4Operation(cubes.DescOne))

            // CubeController
            .Kylin4("GET", "/kylin/api/cubes", new Kylin4Operation(cubes.List))
            .Kylin4("GET", "/kylin/api/cubes/{cubeName}", new Kylin4Operation(cubes.Get))
            .Kylin4("DELETE", "/kylin/api/cubes/{cubeName}", new Kylin4Operation(cubes.Delete))
            .Kylin4("PUT", "/kylin/api/cubes/{cubeName}/enable", new Kylin4Operation(cubes.Enable))
            .Kylin4("PUT", "/kylin/api/cubes/{cubeName}/disable", new Kylin4Operation(cubes.Disable))
            .Kylin4("PUT", "/kylin/api/cubes/{cubeName}/purge", new Kylin4Operation(cubes.Purge))
            .Kylin4("PUT", "/kylin/api/cubes/{cubeName}/clone", new Kylin4Operation(cubes.Clone))
            .Kylin4("GET", "/kylin/api/cubes/{cubeName}/holes", new Kylin4Operation(cubes.Holes))
            .Kylin4("DELETE", "/kylin/api/cubes/{cubeName}/segs/{segmentName}", new Kylin4Operation(cubes.DeleteSegment))
            .Kylin4("PUT", "/kylin/api/cubes/{cubeName}/build", new Kylin4Operation(cubes.Build))
            .Kylin4("PUT", "/kylin/api/cubes/{cubeName}/rebuild", new Kylin4Operation(cubes.Build))
            .Kylin4("PUT", "/kylin/api/cubes/{cubeName}/build2", new Kylin4Operation(cubes.BuildStreaming))
            .Kylin4("PUT", "/kylin/api/cubes/{cubeName}/rebuild2", new Kylin4Operation(cubes.BuildStreaming))

            // JobController
            .Kylin4("GET", "/kylin/api/jobs", new Kylin4Operation(jobs.List))
            .Kylin4("GET", "/kylin/api/jobs/{jobId}", new Kylin4Operation(jobs.Get))
            .Kylin4("PUT", "/kylin/api/jobs/{jobId}/resume", new Kylin4Operation(jobs.Resume))
            .Kylin4("PUT", "/kylin/api/jobs/{jobId}/cancel", new Kylin4Operation(jobs.Cancel))
            .Kylin4("PUT", "/kylin/api/jobs/{jobId}/pause", new Kylin4Operation(jobs.Pause))
            .Kylin4("DELETE", "/kylin/api/jobs/{jobId}/drop", new Kylin4Operation(jobs.Drop))
            .Kylin4("GET", "/kylin/api/jobs/{jobId}/steps/{stepId}/output", new Kylin4Operation(jobs.StepOutput))

            // TableController, QueryController, CacheController (permitAll)
            .Kylin4("GET", "/kylin/api/tables", new Kylin4Operation(estate.Tables))
            .Kylin4("GET", "/kylin/api/tables/hive", new Kylin4Operation(estate.HiveDatabases))
            .Kylin4("GET", "/kylin/api/tables/hive/{database}", new Kylin4Operation(estate.HiveTables))
            .Kylin4("GET", "/kylin/api/tables/{project}/{tableName}", new Kylin4Operation(estate.Table))
            .Kylin4("POST", "/kylin/api/tables/{tables}/{project}", new Kylin4Operation(estate.LoadTables))
            .Kylin4("GET", "/kylin/api/tables_and_columns", new Kylin4Operation(estate.TablesAndColumns))
            .Kylin4("POST", "/kylin/api/query", new Kylin4Operation(query.Query))
            .Kylin4("PUT", "/kylin/api/cache/{entity}/{cacheKey}/{event}", new Kylin4Operation(estate.Cache), anonymous: true);
    }
}
