using KylinMock.Errors;
using KylinMock.Models;

namespace KylinMock.Backend;

/// <summary>What a v2 segment request did: the jobs it made, or that its build type was not one Kylin takes.</summary>
/// <param name="ValidType">False for a build type Kylin answers with its soft "Invalid build type." (code 999).</param>
/// <param name="Jobs">The jobs made (empty for a drop).</param>
internal sealed record CubeJobs(bool ValidType, IReadOnlyList<JobInfo?> Jobs);

/// <summary>The backend's v2 operations on models seen as cubes (<c>SegmentControllerV2</c>, <c>CubesControllerV2</c>).</summary>
internal sealed partial class KylinBackend
{
    // The v2 jobs' priority (buildSegmentsManually's 3) and the requests' absent tag.
    private static readonly BuildSettings CubeJobSettings = new(3, null);

    /// <summary>
    /// SegmentControllerV2.rebuild: the cube, the range; BUILD is v4's build (its first INC_BUILD or INDEX_REFRESH
    /// job), REFRESH the one segment inside the range (none KE-010022210, more KE-010022211), null Kylin's NPE.
    /// </summary>
    public CubeJobs RebuildCube(string alias, string? project, long startTime, long endTime, string? buildType) => store.Write(view =>
    {
        var model = CubePath.Find(view, alias, project).Row.Model;
        var range = SegmentRanges.Validate(
            startTime.ToString(System.Globalization.CultureInfo.InvariantCulture),
            endTime.ToString(System.Globalization.CultureInfo.InvariantCulture),
            model.PartitionDesc?.PartitionDateFormat,
            TimeZone);
        switch (buildType)
        {
            case "BUILD":
                var jobs = SegmentBuilds.Build(view, model, range, buildAllIndexes: true, CubeJobSettings, TimeZone);
                return new CubeJobs(true, [jobs.FirstOrDefault(j => j?.JobName is "INC_BUILD" or "INDEX_REFRESH")]);
            case "REFRESH":
                var inside = view.Catalog.Segments(model.Uuid).Where(s => s.Start >= startTime && s.End <= endTime).ToArray();
                var segment = inside switch
                {
                    [] => throw new KylinException(ErrorCode.SegmentRefreshSelectRangeEmpty),
                    [var one] => one,
                    _ => throw new KylinException(ErrorCode.SegmentRefreshSelectRangeMore),
                };
                return new CubeJobs(true, [SegmentBuilds.Refresh(view, model, [segment.Id], refreshAllIndexes: false, CubeJobSettings)[0]]);
            case null:
                // switch on a null String (inferred: the NPE's message is null).
                throw KylinException.WithRaw(ErrorCode.UnknownErrorCode, "null");
            default:
                return new CubeJobs(false, []);
        }
    });

    /// <summary>
    /// SegmentControllerV2.manageSegments after its names check: the cube, the names (a Set: one segment a name), then
    /// MERGE (at least two), REFRESH (one job a segment) or DROP; null is Kylin's NPE.
    /// </summary>
    public CubeJobs ManageCubeSegments(string alias, string? project, IReadOnlyList<string> names, string? buildType) => store.Write(view =>
    {
        var model = CubePath.Find(view, alias, project).Row.Model;
        var ids = SegmentBuilds.Resolve(view.Catalog, model, null, names).Distinct(StringComparer.Ordinal).ToArray();
        switch (buildType)
        {
            case "MERGE":
                return ids.Length < 2
                    ? throw new KylinException(ErrorCode.SegmentMergeLessThanTwo)
                    : new CubeJobs(true, [SegmentBuilds.Merge(view, model, ids, CubeJobSettings, TimeZone)]);
            case "REFRESH":
                return new CubeJobs(true, SegmentBuilds.Refresh(view, model, ids, refreshAllIndexes: false, CubeJobSettings));
            case "DROP":
                SegmentBuilds.Delete(view, model, ids);
                return new CubeJobs(true, []);
            case null:
                // switch on a null String (inferred: the NPE's message is null).
                throw KylinException.WithRaw(ErrorCode.UnknownErrorCode, "null");
            default:
                return new CubeJobs(false, []);
        }
    });

    /// <summary>CubesControllerV2.getCubes: the project's models named like <paramref name="alias"/> as cubes, last modified first.</summary>
    public IReadOnlyList<Cube> ListCubes(string? alias, string project) => store.Read(view => CubePath.Cubes(view, alias, project));

    /// <summary>CubesControllerV2.getCube: the first cube named <paramref name="alias"/> (KE-010025201 when none).</summary>
    public Cube GetCube(string alias, string? project) => store.Read(view => CubePath.Find(view, alias, project));

    /// <summary>ModelService.getCubeWithExactModelName: checkProjectName, then the model by alias ignoring case, broken ones included (none: ModelNameNotExist).</summary>
    public DataModel GetCubeDesc(string project, string alias) => store.Read(view =>
        view.Catalog.Models(ModelNames.Project(view, project)).FirstOrDefault(m => string.Equals(m.Alias, alias, StringComparison.OrdinalIgnoreCase))
            ?? throw new KylinException(ErrorCode.ModelNameNotExist, alias));
}
