using KylinMock.Models;

namespace KylinMock.Sql;

/// <summary>
/// The one place the query API reads the estate: under the server's lock, at one instant, it checks the
/// project (checkProjectName) and copies what routing needs (the project's tables, models and their
/// segments); the SQL then runs outside the lock on that copy, so a build finishing later does not
/// change a query already under way, and a build finished before it is seen.
/// </summary>
internal static class QueryEstate
{
    /// <summary>The project's estate now; an empty project is KE-010001002, an unknown one KE-010001201.</summary>
    public static SqlEstate Take(ServerContext server, string project) => server.Store.Read(view =>
    {
        var name = ModelNames.Project(view, project);
        var catalog = view.Catalog;
        var tables = catalog.Tables(name).ToArray();
        var models = catalog.Models(name).ToArray();
        var segments = models.ToDictionary(m => m.Uuid, m => (IReadOnlyList<Segment>)catalog.Segments(m.Uuid).ToArray(), StringComparer.Ordinal);
        var database = tables.GroupBy(t => t.Database, StringComparer.OrdinalIgnoreCase).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault() ?? "DEFAULT";
        return new SqlEstate(name, tables, models, segments)
        {
            DefaultDatabase = database,
            Now = view.Now,
            TimeZoneOffsetMs = (long)server.TimeZone.GetUtcOffset(DateTimeOffset.FromUnixTimeMilliseconds(view.Now)).TotalMilliseconds,
        };
    });

    /// <summary>The stored name of <paramref name="project"/>, checked as <see cref="Take"/> checks it.</summary>
    public static string Project(ServerContext server, string project) => server.Store.Read(view => ModelNames.Project(view, project));
}
