using KylinMock.Errors;
using KylinMock.Jobs;

namespace KylinMock.Models;

/// <summary>How Kylin's controllers resolve the project and model a request names, with their refusals.</summary>
internal static class ModelNames
{
    /// <summary>BaseController.checkProjectName: empty is KE-010001002, unknown KE-010001201; the stored name otherwise.</summary>
    public static string Project(JobStore.StoreView view, string project) => ProjectChecks.FindProject(view, project).Name;

    /// <summary>OpenSegmentController.getModel: uuid, or alias ignoring case; unknown KE-010002203, broken KE-010002011.</summary>
    public static DataModel Model(ModelCatalog catalog, string project, string name)
    {
        var model = catalog.Find(project, name) ?? throw new KylinException(ErrorCode.ModelNameNotExist, name);
        if (model.Broken)
        {
            throw KylinException.WithRaw(ErrorCode.ModelBroken, $"BROKEN model \"{name}\" cannot be operated.");
        }

        return model;
    }

    /// <summary>The model's segments with their shown statuses, in range order.</summary>
    public static IReadOnlyList<SegmentRow> SegmentRows(ModelCatalog catalog, string modelUuid)
    {
        var segments = catalog.Segments(modelUuid);
        var shown = SegmentDisplay.StatusesToDisplay(segments, catalog.UnfinishedJobs(modelUuid));
        return segments.Select((s, i) => new SegmentRow(s, shown[i])).ToArray();
    }

    /// <summary>The project's models as GET /models lists them, in storage order.</summary>
    public static IReadOnlyList<ModelRow> ModelRows(ModelCatalog catalog, string project) =>
        catalog.Models(project).Select(m => new ModelRow(m, catalog.Segments(m.Uuid).ToArray(), ModelDisplay.Status(m, catalog.Segments(m.Uuid)))).ToArray();
}
