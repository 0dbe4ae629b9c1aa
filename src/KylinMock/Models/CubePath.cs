using KylinMock.Errors;
using KylinMock.Jobs;

namespace KylinMock.Models;

/// <summary>A model seen as a cube, with what the cube object shows of it and the project as the request spelled it.</summary>
/// <param name="Row">The model with its segments and shown status.</param>
/// <param name="Segments">Its segments with their shown statuses (none for a broken model).</param>
/// <param name="Project">The project as the request spelled it (getCubes0 copies the spelling).</param>
internal sealed record Cube(ModelRow Row, IReadOnlyList<SegmentRow> Segments, string Project);

/// <summary>How SegmentControllerV2 finds cubes (MOD/service/ModelService.getCube, getCubes, getCubes0; build contract §12.1).</summary>
internal static class CubePath
{
    private static readonly ModelFilter ByLastModified = new() { PageSize = int.MaxValue };

    /// <summary>
    /// getCubes0: the project's models whose alias equals <paramref name="alias"/> ignoring case (all when
    /// absent), broken ones included, last modified first. The project is checked as checkProjectName does.
    /// </summary>
    public static IReadOnlyList<Cube> Cubes(JobStore.StoreView view, string? alias, string project)
    {
        var name = ModelNames.Project(view, project);
        var catalog = view.Catalog;
        var (rows, _) = ModelQuery.Apply(ModelNames.ModelRows(catalog, name), ByLastModified with { ModelName = alias });
        return rows.Select(r => new Cube(r, r.Model.Broken ? [] : ModelNames.SegmentRows(catalog, r.Model.Uuid), project)).ToArray();
    }

    /// <summary>
    /// getCube: the first cube named <paramref name="alias"/> in <paramref name="project"/>, or with no project
    /// in the first readable project holding one; none is KE-010025201.
    /// </summary>
    public static Cube Find(JobStore.StoreView view, string alias, string? project)
    {
        var projects = project is null ? view.ProjectNames() : [project];
        foreach (var p in projects)
        {
            if (Cubes(view, alias, p) is [var cube, ..])
            {
                return cube;
            }
        }

        throw new KylinException(ErrorCode.CubeNotExist);
    }
}
