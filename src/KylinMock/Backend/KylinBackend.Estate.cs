using KylinMock.Errors;
using KylinMock.Jobs;
using KylinMock.Models;

namespace KylinMock.Backend;

/// <summary>A project as the project list shows it.</summary>
/// <param name="Project">The project.</param>
/// <param name="CreateTime">Its create time: its first model's (0 without models).</param>
/// <param name="OverrideKylinProperties">Its <c>override_kylin_properties</c>, in Kylin's order.</param>
internal sealed record ProjectRow(Project Project, long CreateTime, IReadOnlyList<KeyValuePair<string, string>> OverrideKylinProperties);

/// <summary>A project's models as the model lists show them, copied out of the lock.</summary>
/// <param name="Project">The project's stored name.</param>
/// <param name="Rows">Every model of the project, in storage order, with its segments and shown status.</param>
/// <param name="Segments">Each model's segments with their shown statuses, by model uuid.</param>
/// <param name="Tables">The project's tables.</param>
internal sealed record ProjectModels(string Project, IReadOnlyList<ModelRow> Rows, IReadOnlyDictionary<string, IReadOnlyList<SegmentRow>> Segments, IReadOnlyList<TableDesc> Tables);

/// <summary>A project's tables and models (what <c>tables_and_columns</c> reads).</summary>
/// <param name="Tables">The tables.</param>
/// <param name="Models">The models.</param>
internal sealed record ProjectTables(IReadOnlyList<TableDesc> Tables, IReadOnlyList<DataModel> Models);

/// <summary>The backend's reads of the estate (Kylin's <c>NProjectController</c>, <c>NModelController</c>, <c>NTableController</c>).</summary>
internal sealed partial class KylinBackend
{
    /// <summary>The projects whose names <paramref name="matches"/> takes, in storage order; none for an anonymous caller (the URL is permitAll).</summary>
    public IReadOnlyList<ProjectRow> ListProjects(bool signedIn, Func<string, bool> matches) => store.Read(view =>
    {
        var rows = new List<ProjectRow>();
        foreach (var name in signedIn ? view.ProjectNames() : [])
        {
            if (matches(name))
            {
                var models = view.Catalog.Models(name);
                rows.Add(new ProjectRow(view.FindProject(name)!, models.Count == 0 ? 0 : models.Min(m => m.CreateTime), view.Catalog.OverrideKylinProperties(name)));
            }
        }

        return rows;
    });

    /// <summary>checkProjectName, then every model of the project (ModelService.getModels before its filters).</summary>
    public ProjectModels ListModels(string project) => store.Read(view =>
    {
        var name = ModelNames.Project(view, project);
        var catalog = view.Catalog;
        var rows = ModelNames.ModelRows(catalog, name);
        var segments = rows.ToDictionary(r => r.Model.Uuid, r => ModelNames.SegmentRows(catalog, r.Model.Uuid), StringComparer.Ordinal);
        return new ProjectModels(name, rows, segments, catalog.Tables(name).ToArray());
    });

    /// <summary>NModelController.getModelDesc: the project (unknown KE-010001201), the model (OpenSegmentController.getModel's checks), the tables.</summary>
    public (DataModel Model, IReadOnlyList<TableDesc> Tables) GetModelDesc(string project, string modelName) => store.Read(view =>
    {
        var name = ProjectChecks.Known(view, project).Name;
        return (ModelNames.Model(view.Catalog, name, modelName), (IReadOnlyList<TableDesc>)view.Catalog.Tables(name).ToArray());
    });

    /// <summary>checkProjectName, the model (OpenSegmentController.getModel), then its segments with their shown statuses, in range order.</summary>
    public (string Project, IReadOnlyList<SegmentRow> Rows) ListSegments(string project, string modelName) => store.Read(view =>
    {
        var name = ModelNames.Project(view, project);
        var model = ModelNames.Model(view.Catalog, name, modelName);
        return (name, ModelNames.SegmentRows(view.Catalog, model.Uuid));
    });

    /// <summary>checkProjectName, then the project's tables and models.</summary>
    public ProjectTables GetTables(string project) => store.Read(view =>
    {
        var name = ModelNames.Project(view, project);
        return new ProjectTables(view.Catalog.Tables(name).ToArray(), view.Catalog.Models(name));
    });

    /// <summary>The named project's tables and models, or none when no project is named or it is unknown (v2's plain MetaRequest).</summary>
    public ProjectTables GetTablesIfAny(string? project) => store.Read(view =>
    {
        var found = string.IsNullOrWhiteSpace(project) ? null : view.FindProject(project);
        return found is null ? new ProjectTables([], []) : new ProjectTables(view.Catalog.Tables(found.Name).ToArray(), view.Catalog.Models(found.Name));
    });

    /// <summary>The whole estate (tables, models, segments) and copies of the jobs, for the control plane's dump.</summary>
    public (ModelEstate Estate, IReadOnlyList<Job> Jobs) EstateSnapshot() => store.Read(view =>
    {
        var live = view.Jobs;
        var copies = new Job[live.Length];
        for (var i = 0; i < copies.Length; i++)
        {
            copies[i] = live[i].Clone();
        }

        return (view.Catalog.Snapshot(), (IReadOnlyList<Job>)copies);
    });
}
