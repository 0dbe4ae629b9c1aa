using System.Text.RegularExpressions;

namespace KylinMock.Http;

/// <summary>The read endpoints of the estate (projects, models, segments, tables), for the route table.</summary>
internal static class ModelRoutes
{
    /// <summary>Each path with its operations by method; the projects list is permitAll in Kylin (kylinSecurity.xml).</summary>
    public static IEnumerable<(Regex Path, Dictionary<string, IKylinOperation> Operations, bool AnonymousAllowed)> All(ServerContext server) =>
    [
        (Path("^/kylin/api/projects/?$"), new() { ["GET"] = new GetProjectsProvider(server) }, true),
        (Path("^/kylin/api/models/?$"), new() { ["GET"] = new GetModelsProvider(server) }, false),
        (Path(GetModelDescProvider.Pattern), new() { ["GET"] = new GetModelDescProvider(server) }, false),
        (Path("^/kylin/api/query/tables_and_columns/?$"), new() { ["GET"] = new GetTablesAndColumnsProvider(server) }, false),
        (Path(CheckSegmentsProvider.Pattern), new() { ["POST"] = new CheckSegmentsProvider(server) }, false),
        (Path(GetSegmentsProvider.Pattern), new() { ["GET"] = new GetSegmentsProvider(server) }, false),
    ];

    private static Regex Path(string pattern) => new(pattern, RegexOptions.Multiline | RegexOptions.Compiled);
}
