using KylinMock.Jobs;
using KylinMock.Models;

namespace KylinMock.Backend;

/// <summary>What <c>ProjectService.getProjectConfig0</c> reads from the estate; every other field is Kylin's default.</summary>
/// <param name="Project">The project's stored name.</param>
/// <param name="PushDownEnabled"><c>kylin.query.pushdown-enabled</c> as the project has it.</param>
/// <param name="SnapshotManualManagement"><c>kylin.snapshot.manual-management-enabled</c> as the project has it.</param>
internal sealed record ProjectConfig(string Project, bool PushDownEnabled, bool SnapshotManualManagement);

/// <summary>A loaded table as the data source tree shows it (<c>TableService.getTablesResponse</c>).</summary>
/// <param name="Table">The table with its roles and key columns in the project's healthy models.</param>
/// <param name="StorageSize">For a root fact table, the bytes of its models' READY and WARNING segments (<c>getStorageSize</c>); 0 otherwise.</param>
internal sealed record ProjectTable(TableMeta Table, long StorageSize);

/// <summary>The backend's reads for Kylin's web UI (kystudio) beyond the job monitor: project config and the data source tree.</summary>
internal sealed partial class KylinBackend
{
    /// <summary>ProjectService.getProjectConfig: AclEvaluate's project lookup (unknown KE-010001201), then the settings the mock keeps.</summary>
    public ProjectConfig GetProjectConfig(string project) => store.Read(view =>
    {
        var name = ProjectChecks.Known(view, project).Name;
        return new ProjectConfig(name, Queries.PushDown(name), view.Catalog.SnapshotManagement(name));
    });

    /// <summary>
    /// TableService.getProjectTables over the loaded databases: checkProjectName, then the project's tables with their
    /// roles in its healthy models, sorted by name ignoring case (<c>compareTableDesc</c> with no table on top or incremental).
    /// </summary>
    public IReadOnlyList<ProjectTable> ListProjectTables(string project) => store.Read(view =>
    {
        var name = ModelNames.Project(view, project);
        var catalog = view.Catalog;
        var healthy = catalog.Models(name).Where(m => !m.Broken).ToArray();
        return TableQuery.Apply(catalog.Tables(name).ToArray(), healthy, cube: null)
            .OrderBy(t => t.Table.Name, StringComparer.OrdinalIgnoreCase)
            .Select(t => new ProjectTable(t, healthy
                .Where(m => string.Equals(m.FactTable, t.Table.Identity, StringComparison.OrdinalIgnoreCase))
                .SelectMany(m => catalog.Segments(m.Uuid))
                .Where(s => s.Status is SegmentStatus.READY or SegmentStatus.WARNING)
                .Sum(s => s.BytesSize)))
            .ToArray();
    });

    /// <summary>TableService.getTablesOfModel: checkProjectName, the model by alias ignoring case (KE-010002203 when none), its root fact table then its join tables, those loaded.</summary>
    public IReadOnlyList<TableDesc> GetTablesOfModel(string project, string modelAlias) => store.Read(view =>
    {
        var name = ModelNames.Project(view, project);
        var catalog = view.Catalog;
        var model = catalog.Models(name).FirstOrDefault(m => string.Equals(m.Alias, modelAlias, StringComparison.OrdinalIgnoreCase))
            ?? throw new Errors.KylinException(Errors.ErrorCode.ModelNameNotExist, modelAlias);
        var tables = catalog.Tables(name);
        return (IReadOnlyList<TableDesc>)new[] { model.FactTable }.Concat(model.Lookups.Select(l => l.Table))
            .Select(identity => tables.FirstOrDefault(t => string.Equals(t.Identity, identity, StringComparison.OrdinalIgnoreCase)))
            .OfType<TableDesc>()
            .ToArray();
    });

    /// <summary>ModelService.getModelSql: checkProjectName, then the project's model with that uuid (by uuid only), or null.</summary>
    public DataModel? FindModelByUuid(string project, string modelId) => store.Read(view =>
    {
        var name = ModelNames.Project(view, project);
        return view.Catalog.FindByUuid(modelId) is { } model && string.Equals(model.Project, name, StringComparison.OrdinalIgnoreCase) ? model : null;
    });
}
