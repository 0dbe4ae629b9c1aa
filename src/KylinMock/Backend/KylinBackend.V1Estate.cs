using KylinMock.Jobs;
using KylinMock.Models;

using KylinMock.Kylin4;

namespace KylinMock.Backend;


/// <summary>
/// The backend's Kylin 4 reads of the estate (ProjectService, ModelService, QueryService, TableService): each one pass under the lock,
/// handing back immutable records.
/// </summary>
internal sealed partial class KylinBackend
{
    /// <summary><c>GET /projects</c> (PC:93-98, ProjectService.java:146-161): by name ignoring case, then <c>subList(offset, offset+limit)</c>.</summary>
    public IReadOnlyList<ProjectView> ListProjectInstances(int? limit, int? offset) => store.Read(view =>
    {
        var catalog = view.Catalog;
        var names = view.ProjectNames().Order(StringComparer.OrdinalIgnoreCase).ToArray();
        var all = new ProjectView[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            var models = catalog.Models(names[i]);
            all[i] = new ProjectView(
                view.FindProject(names[i])!.Name,
                models.Count == 0 ? 0 : models.Min(m => m.CreateTime),
                catalog.Tables(names[i]).Select(t => t.Identity.ToUpperInvariant()).Order(StringComparer.Ordinal).ToArray(),
                models.Select(m => m.Alias).ToArray());
        }

        var from = offset ?? 0;
        return from >= all.Length ? [] : all.Skip(from).Take(limit ?? int.MaxValue).ToArray();
    });

    /// <summary>
    /// <c>GET /models</c> (MC:91-103, ModelService.java:88-131): all models or a project's (an unknown project none), an exact model
    /// name, newest last_modified first, paged only when both limit and offset are given.
    /// </summary>
    public IReadOnlyList<DataModel> ListDataModels(string? modelName, string? projectName, int? limit, int? offset) => store.Read(view =>
    {
        var models = (projectName is null ? view.Catalog.AllModels : view.Catalog.Models(projectName))
            .Where(m => string.IsNullOrEmpty(modelName) || string.Equals(m.Alias, modelName, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(m => m.LastModified)
            .ToArray();
        if (limit is not { } l || offset is not { } o)
        {
            return models;
        }

        return o > models.Length
            ? throw Kylin4Error.Plain(Kylin4Error.IllegalArgument, $"fromIndex({o}) > toIndex({models.Length})")
            : models.Skip(o).Take(l).ToArray();
    });

    /// <summary>
    /// <c>GET /tables_and_columns?project=P</c> (QueryService.java:800-860): without push-down only the tables of the project's READY
    /// cubes (ProjectManager.listExposedTables); a blank project none.
    /// </summary>
    public IReadOnlyList<TableDesc> ListExposedTables(string? project) => store.Read(view =>
    {
        if (string.IsNullOrWhiteSpace(project))
        {
            return [];
        }

        var catalog = view.Catalog;
        var used = catalog.Models(project).Where(m => CubeView.StatusOf(m) == "READY")
            .SelectMany(m => new[] { m.FactTable }.Concat(m.Lookups.Select(l => l.Table)))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return catalog.Tables(project).Where(t => used.Contains(t.Identity)).ToArray();
    });

    /// <summary>The tables loaded into <paramref name="project"/> (TableService.getTableDescByProject).</summary>
    public IReadOnlyList<TableDesc> ListTableDescs(string project) => store.Read(view => view.Catalog.Tables(project).ToArray());

    /// <summary>
    /// Kylin 4 names cubes globally (CaseInsensitiveStringCache, CM:106-124): the refusal of an estate where two projects hold the
    /// same model alias (it cannot be shown as Kylin 4 cubes, contract §7), or null.
    /// </summary>
    public string? DuplicateCubeName() => store.Read(view =>
    {
        var twice = view.Catalog.AllModels.GroupBy(m => m.Alias, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        return twice is null
            ? null
            : $"Kylin 4 names cubes globally, but model alias \"{twice.Key}\" is in projects {string.Join(", ", twice.Select(m => m.Project))}: this estate cannot be served in Kylin 4 mode.";
    });
}
