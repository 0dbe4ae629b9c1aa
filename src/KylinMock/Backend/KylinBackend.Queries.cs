using KylinMock.Jobs;
using KylinMock.Models;
using KylinMock.Sql;

namespace KylinMock.Backend;

/// <summary>
/// The backend's query side: the SQL database (the engine's rows), the query book (history, saved queries, running
/// queries, push-down settings) and the one read the query API makes of the estate: under the lock, at one instant, the
/// project checked and what routing needs copied (its tables, models and their segments); the SQL then runs outside
/// the lock on that copy, so a build that finishes later does not change a query already under way.
/// </summary>
internal sealed partial class KylinBackend
{
    /// <summary>The SQL database of <see cref="KylinMockOptions.SqlEngine"/>, or null when the server has no engine.</summary>
    public ISqlDatabase? Sql { get; }

    /// <summary>Query history, saved queries, running queries and the project's push-down settings.</summary>
    public QueryBook Queries { get; }

    /// <summary>NBC checkProjectName then the project's estate now (push-down as the project has it).</summary>
    public SqlEstate QueryEstate(string project) => store.Read(view => Estate(view, ModelNames.Project(view, project)));

    /// <summary>Kylin 4's <c>ProjectManager.getProject</c> (name ignoring case) then its estate now; null for an unknown project.</summary>
    public SqlEstate? FindQueryEstate(string project) => store.Read(view => view.FindProject(project) is { } found ? Estate(view, found.Name) : null);

    private SqlEstate Estate(JobStore.StoreView view, string name)
    {
        var catalog = view.Catalog;
        var tables = catalog.Tables(name).ToArray();
        var models = catalog.Models(name).ToArray();
        var segments = models.ToDictionary(m => m.Uuid, m => (IReadOnlyList<Segment>)catalog.Segments(m.Uuid).ToArray(), StringComparer.Ordinal);
        var database = tables.GroupBy(t => t.Database, StringComparer.OrdinalIgnoreCase).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault() ?? "DEFAULT";
        return new SqlEstate(name, tables, models, segments)
        {
            DefaultDatabase = database,
            Rows = catalog.StatedRows(name),
            PushDownEnabled = Queries.PushDown(name),
            Now = view.Now,
            TimeZoneOffsetMs = (long)TimeZone.GetUtcOffset(DateTimeOffset.FromUnixTimeMilliseconds(view.Now)).TotalMilliseconds,
        };
    }

    /// <summary>NBC checkProjectName: the project's stored name.</summary>
    public string QueryProject(string project) => store.Read(view => ModelNames.Project(view, project));

    /// <summary>ProjectService.updatePushDownConfig: the project's <c>kylin.query.pushdown-enabled</c>.</summary>
    public void SetPushDownConfig(string project, bool enabled) => store.Write(view =>
    {
        Queries.SetPushDown(ModelNames.Project(view, project), enabled);
        return 0;
    });
}
