using KylinMock.Jobs;
using KylinMock.Models;

namespace KylinMock.Kylin4;

/// <summary>
/// A model shown as a Kylin 4 cube (contract §7): named after its alias, its status READY, DISABLED or DESCBROKEN,
/// its segments NEW or READY, each with the job that last built it; read under the lock, immutable after.
/// </summary>
internal sealed record CubeView(DataModel Model, IReadOnlyList<CubeView.SegmentView> Segments, string Status)
{
    /// <summary>The cube's name: the model's alias.</summary>
    public string Name => Model.Alias;

    /// <summary>A segment with its Kylin 4 status and <c>last_build_job_id</c>.</summary>
    internal sealed record SegmentView(Segment Segment, string Status, string? LastBuildJobId);

    /// <summary>The cube of <paramref name="model"/> as the catalog holds it now.</summary>
    public static CubeView Of(DataModel model, ModelCatalog catalog)
    {
        var jobs = catalog.Jobs(model.Uuid);
        var segments = model.Broken ? [] : catalog.Segments(model.Uuid).Select(s => new SegmentView(
            s,
            s.Status == SegmentStatus.NEW ? "NEW" : "READY",
            jobs.LastOrDefault(j => j.TargetSegments.Contains(s.Id))?.Id)).ToArray();
        return new CubeView(model, segments, StatusOf(model));
    }

    /// <summary>ONLINE (and WARNING, LAG_BEHIND) READY, OFFLINE DISABLED, a broken model DESCBROKEN (contract §7).</summary>
    public static string StatusOf(DataModel model) =>
        model.Broken ? "DESCBROKEN" : model.StoredStatus == ModelStatus.OFFLINE ? "DISABLED" : "READY";

    /// <summary>The model of the cube named <paramref name="name"/>, ignoring case (CaseInsensitiveStringCache, CM:106), or null.</summary>
    public static DataModel? Find(ModelCatalog catalog, string name) =>
        catalog.AllModels.FirstOrDefault(m => string.Equals(m.Alias, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether a cubing job of the cube is in one of <paramref name="states"/>.</summary>
    public static bool HasJob(ModelCatalog catalog, DataModel model, params ExecutableState[] states) =>
        catalog.Jobs(model.Uuid).Any(j => Kylin4Plans.IsCubing(j.JobName) && states.Contains(j.State));
}

/// <summary>A project as <c>ProjectInstance</c> shows it (ProjectInstance.java:82-115): its tables, cubes and models.</summary>
internal sealed record ProjectView(string Name, long CreateTime, IReadOnlyList<string> Tables, IReadOnlyList<string> Cubes);
