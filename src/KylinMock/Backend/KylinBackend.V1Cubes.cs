using System.Text.RegularExpressions;
using KylinMock.Jobs;
using KylinMock.Models;

using KylinMock.Kylin4;

namespace KylinMock.Backend;

/// <summary>
/// The backend's Kylin 4 cube operations (CubeController over CubeService and CubeManager; contract §2.4): list, read, enable,
/// disable, purge, clone, delete, segment delete and holes, each one pass under the lock, every check before any change.
/// </summary>
internal sealed partial class KylinBackend
{
    private const string CubeRunningOrFailed = "The cube '{0}' has running or failed job, please discard it and try again.";

    /// <summary><c>GET /cubes</c> (CS:154-195): project, exact model name, substring cube name; newest first; offset and limit.</summary>
    public IReadOnlyList<CubeView> ListCubeInstances(string? cubeName, string? modelName, string? projectName, int? limit, int? offset) => store.Read(view =>
    {
        var catalog = view.Catalog;
        var cubes = catalog.AllModels
            .Where(m => projectName is null || string.Equals(m.Project, projectName, StringComparison.OrdinalIgnoreCase))
            .Where(m => string.IsNullOrEmpty(modelName) || string.Equals(m.Alias, modelName, StringComparison.OrdinalIgnoreCase))
            .Where(m => string.IsNullOrEmpty(cubeName) || m.Alias.Contains(cubeName, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(m => m.CreateTime)
            .Select(m => CubeView.Of(m, catalog))
            .ToArray();
        var from = offset ?? 0;
        return from >= cubes.Length ? [] : cubes.Skip(from).Take(limit ?? int.MaxValue).ToArray();
    });

    /// <summary><c>GET /cubes/{c}</c> (CC:224-229): 404 <c>Cannot find cube '&lt;c&gt;'.</c> (MSG:40).</summary>
    public CubeView GetCubeInstance(string name) => store.Read(view => CubeView.Of(RequireCube(view.Catalog, name), view.Catalog));

    /// <summary><c>GET /cube_desc/{c}</c>: the cube, or null for the empty 200 (CDC:59-62).</summary>
    public CubeView? FindCubeInstance(string name) => store.Read(view => CubeView.Find(view.Catalog, name) is { } m ? CubeView.Of(m, view.Catalog) : null);

    /// <summary><c>PUT /cubes/{c}/disable</c> (CS:414-460): READY only.</summary>
    public CubeView DisableCube(string name) => WrappedCubeAction("disable", name, (view, model) =>
    {
        var status = CubeView.StatusOf(model);
        CheckCube(status == "READY", $"Only ready cube can be disabled, status of '{model.Alias}' is {status}.");
        view.Catalog.SetStoredStatus(model.Uuid, ModelStatus.OFFLINE);
        return CubeView.Of(view.Catalog.FindByUuid(model.Uuid)!, view.Catalog);
    });

    /// <summary><c>PUT /cubes/{c}/enable</c> (CS:462-510): DISABLED only, with a READY segment.</summary>
    public CubeView EnableCube(string name) => WrappedCubeAction("enable", name, (view, model) =>
    {
        var status = CubeView.StatusOf(model);
        CheckCube(status == "DISABLED", $"Only disabled cube can be enabled, status of '{model.Alias}' is {status}.");
        CheckCube(view.Catalog.Segments(model.Uuid).Any(s => s.Status != SegmentStatus.NEW), $"Cube '{model.Alias}' doesn't contain any READY segment.");
        view.Catalog.SetStoredStatus(model.Uuid, ModelStatus.ONLINE);
        return CubeView.Of(view.Catalog.FindByUuid(model.Uuid)!, view.Catalog);
    });

    /// <summary><c>PUT /cubes/{c}/purge</c> (CS:385-405, CM:273-284): no live or failed job, DISABLED; every segment goes; answers the cube as it was.</summary>
    public CubeView PurgeCube(string name) => WrappedCubeAction("purge", name, (view, model) =>
    {
        CheckCube(!CubeView.HasJob(view.Catalog, model, ExecutableState.READY, ExecutableState.RUNNING, ExecutableState.ERROR, ExecutableState.PAUSED), string.Format(System.Globalization.CultureInfo.InvariantCulture, CubeRunningOrFailed, model.Alias));
        var status = CubeView.StatusOf(model);
        CheckCube(status == "DISABLED", $"Only disabled cube can be purged, status of '{model.Alias}' is {status}.");
        var before = CubeView.Of(model, view.Catalog);
        view.Catalog.RemoveSegments(model.Uuid, _ => true);
        return before;
    });

    /// <summary><c>PUT /cubes/{c}/clone</c> (CC:631-672): not wrapped; a new DISABLED cube without segments in the same project.</summary>
    public CubeView CloneCube(string name, string? newName, string? project) => store.Write(view =>
    {
        var catalog = view.Catalog;
        var model = RequireCube(catalog, name);
        if (model.Broken)
        {
            throw Kylin4Error.Bad("Broken cube can't be cloned");
        }

        if (newName is null || !CubeNamePattern().IsMatch(newName))
        {
            throw Kylin4Error.Bad("Invalid Cube name, only letters, numbers and underscore supported.");
        }

        if (project is null || view.FindProject(project) is null)
        {
            throw Kylin4Error.Missing($"Project {project ?? "null"} doesn't exist");
        }

        if (!string.Equals(project, model.Project, StringComparison.OrdinalIgnoreCase))
        {
            throw Kylin4Error.Bad("Cloning cubes across projects is not supported.");
        }

        if (CubeView.Find(catalog, newName) is not null)
        {
            throw Kylin4Error.Bad($"The cube named '{newName}' already exists.");
        }

        var clone = model with { Uuid = view.NewUuid(), Alias = newName, StoredStatus = ModelStatus.OFFLINE, CreateTime = view.Now, LastModified = view.Now };
        catalog.Add(clone, []);
        return CubeView.Of(clone, catalog);
    });

    /// <summary><c>DELETE /cubes/{c}</c> (CS:314-366): refused while a READY, RUNNING or ERROR job exists; STOPPED jobs are discarded.</summary>
    public void DeleteCube(string name) => store.Write(view =>
    {
        var catalog = view.Catalog;
        var model = CubeView.Find(catalog, name) ?? throw Kylin4Error.WrappedAs($"Failed to delete cube.  Caused by: Cannot find cube '{name}'.", Kylin4Error.NotFound, $"Cannot find cube '{name}'.");
        if (CubeView.HasJob(catalog, model, ExecutableState.READY, ExecutableState.RUNNING, ExecutableState.ERROR))
        {
            var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, CubeRunningOrFailed, model.Alias);
            throw Kylin4Error.WrappedAs("Failed to delete cube.  Caused by: " + text, Kylin4Error.BadRequest, text);
        }

        foreach (var job in catalog.Jobs(model.Uuid).Where(j => j.State == ExecutableState.PAUSED).ToArray())
        {
            view.Change(job, JobAction.DISCARD);
        }

        catalog.RemoveModel(model.Uuid);
        return 0;
    });

    /// <summary><c>DELETE /cubes/{c}/segs/{s}</c> (CC:359-377, CS:621-690): 404s first, then the wrapped refusals; answers the cube after.</summary>
    public CubeView DeleteCubeSegment(string name, string segmentName) => store.Write(view =>
    {
        var catalog = view.Catalog;
        var model = RequireCube(catalog, name);
        var segment = catalog.Segments(model.Uuid).FirstOrDefault(s => s.Name == segmentName) ?? throw Kylin4Error.Missing($"Cannot find segment '{segmentName}'");
        if (CubeView.StatusOf(model) == "READY")
        {
            throw Kylin4Error.WrappedAs($"Cannot delete segment '{segmentName}' from ready cube '{model.Alias}'. Please disable the cube first.", Kylin4Error.BadRequest, null);
        }

        var orphan = !catalog.UnfinishedJobs(model.Uuid).Any(j => j.TargetSegments.Contains(segment.Id));
        if (segment.Status == SegmentStatus.NEW && !orphan)
        {
            throw Kylin4Error.WrappedAs($"Cannot delete segment '{segmentName}' as its status is not READY. Discard the on-going job for it.", Kylin4Error.BadRequest, null);
        }

        catalog.RemoveSegments(model.Uuid, s => s.Id == segment.Id);
        return CubeView.Of(model, catalog);
    });

    /// <summary><c>GET /cubes/{c}/holes</c> (CM:1043-1077): the gaps between consecutive segments, as name-and-range segments.</summary>
    public IReadOnlyList<(string Name, long Start, long End)> GetCubeHoles(string name) => store.Read(view =>
    {
        var segments = view.Catalog.Segments(RequireCube(view.Catalog, name).Uuid).OrderBy(s => s.Start).ThenBy(s => s.End).ToArray();
        var holes = new List<(string, long, long)>();
        for (var i = 0; i + 1 < segments.Length; i++)
        {
            if (segments[i].End < segments[i + 1].Start)
            {
                holes.Add((JobInstances.SegmentName(segments[i].End, segments[i + 1].Start), segments[i].End, segments[i + 1].Start));
            }
        }

        return holes;
    });

    /// <summary>The cube's model, or the 404 of CC:1138-1144.</summary>
    private static DataModel RequireCube(ModelCatalog catalog, string name) =>
        CubeView.Find(catalog, name) ?? throw Kylin4Error.Missing($"Cannot find cube '{name}'.");

    private static void CheckCube(bool ok, string text)
    {
        if (!ok)
        {
            throw new CubeRefusal(text);
        }
    }

    // CC's template for enable, disable and purge: "Failed to <op> cube: <c> Caused by: <message>" (CC:604-613, 619-628, 677-687).
    private CubeView WrappedCubeAction(string op, string name, Func<JobStore.StoreView, DataModel, CubeView> act) => store.Write(view =>
    {
        try
        {
            var model = CubeView.Find(view.Catalog, name) ?? throw new CubeRefusal($"Cannot find cube '{name}'.");
            return act(view, model);
        }
        catch (CubeRefusal refusal)
        {
            throw Kylin4Error.WrappedAs($"Failed to {op} cube: {name} Caused by: {refusal.Message}", Kylin4Error.BadRequest, refusal.Message);
        }
    });

    [GeneratedRegex("^[A-Za-z0-9_]+$")]
    private static partial Regex CubeNamePattern();

    private sealed class CubeRefusal(string message) : Exception(message);
}
