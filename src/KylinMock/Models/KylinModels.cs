using KylinMock.Jobs;

namespace KylinMock.Models;

/// <summary>
/// The estate's models and segments for an embedding test: find and list them as Kylin shows them,
/// or add "a model with these segments" in one call. Reads and changes go through the job store's
/// lock and clock; <see cref="KylinMockServer.Reset"/> restores the loaded estate.
/// </summary>
public sealed class KylinModels
{
    private readonly JobStore store;

    internal KylinModels(JobStore store) => this.store = store;

    /// <summary>The project's models in storage order (the project matched ignoring case).</summary>
    public IReadOnlyList<DataModel> List(string project)
    {
        ArgumentNullException.ThrowIfNull(project);
        return store.Read(view => view.Catalog.Models(project));
    }

    /// <summary>The model of <paramref name="project"/> whose uuid is <paramref name="name"/>, or whose alias is it ignoring case; null if none.</summary>
    public DataModel? Find(string project, string name)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(name);
        return store.Read(view => view.Catalog.Find(project, name));
    }

    /// <summary>The model's segments in range order, each with its <c>status_to_display</c> as of now.</summary>
    public IReadOnlyList<SegmentRow> Segments(string modelUuid)
    {
        ArgumentNullException.ThrowIfNull(modelUuid);
        return store.Read(view => ModelNames.SegmentRows(view.Catalog, modelUuid));
    }

    /// <summary>Adds a model with its segments; an unknown project is added.</summary>
    /// <exception cref="ArgumentException">The uuid or (in its project) the alias exists, or a segment names another model.</exception>
    public void Add(DataModel model, IEnumerable<Segment>? segments = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var list = segments?.ToArray() ?? [];
        store.Write(view =>
        {
            var project = view.FindProject(model.Project)?.Name ?? model.Project;
            view.Catalog.Add(model with { Project = project }, list);
            view.AddProject(project);
            return 0;
        });
    }

    /// <summary>
    /// Scripts the next job a build request makes for the model (POST/PUT .../segments): it lives by
    /// <paramref name="plan"/>, for example <c>new JobPlan().FailingAt(1)</c>; later jobs get the default plan.
    /// </summary>
    /// <param name="modelUuid">The model's uuid.</param>
    /// <param name="plan">The plan.</param>
    /// <exception cref="KeyNotFoundException">No model has that uuid.</exception>
    public void ScriptNextJob(string modelUuid, JobPlan plan)
    {
        ArgumentNullException.ThrowIfNull(modelUuid);
        ArgumentNullException.ThrowIfNull(plan);
        store.Write(view =>
        {
            _ = view.Catalog.FindByUuid(modelUuid) ?? throw new KeyNotFoundException($"No model with uuid \"{modelUuid}\".");
            view.Catalog.ScriptNextJob(modelUuid, plan);
            return 0;
        });
    }
}
