using KylinMock.Errors;
using KylinMock.Jobs;
using KylinMock.Models;

namespace KylinMock.Backend;

/// <summary>The checks every job-producing request shares: NBasicController.validatePriority and checkParamLength("tag").</summary>
internal static class BuildRequestChecks
{
    // kylin.job.tag-max-size default 1024 (KB); checkParamLength compares the JSON text's length * 2 with it.
    private const int TagMaxBytes = 1024 * 1024;

    /// <summary>0-4, else KE-010043207.</summary>
    public static int Priority(int priority) =>
        priority is >= 0 and <= 4 ? priority : throw new KylinException(ErrorCode.ParameterInvalidSupportList, "priority", "0, 1, 2, 3, 4");

    /// <summary>The tag, or KE-010000003 when its text is longer than half the limit (checkParamLength counts two bytes a character).</summary>
    public static string? Tag(string? tagJson) =>
        tagJson is null || tagJson.Length * 2L <= TagMaxBytes
            ? tagJson
            : throw KylinException.WithRaw(ErrorCode.InvalidParameter, "The parameter 'tag' is too large, maximum 1024 KB.");

    /// <summary>OpenSegmentController's prelude of a model's job-producing request: checkProjectName, validatePriority, getModel, then the tag (SegmentController).</summary>
    public static (DataModel Model, BuildSettings Settings) ModelRequest(JobStore.StoreView view, ModelRequest request)
    {
        var name = ModelNames.Project(view, request.Project);
        Priority(request.Priority);
        var model = ModelNames.Model(view.Catalog, name, request.ModelName);
        return (model, new BuildSettings(request.Priority, Tag(request.TagJson), request.BatchIndexIds));
    }
}

/// <summary>What every model job-producing request names: the project, the model, the job's priority and tag.</summary>
/// <param name="Project">The project, as sent.</param>
/// <param name="ModelName">The model's uuid or alias, as sent.</param>
/// <param name="Priority">The job priority, as sent (checked 0-4).</param>
/// <param name="TagJson">The tag's JSON text, or null.</param>
/// <param name="BatchIndexIds"><c>batch_index_ids</c>: the layouts to build, or null for all.</param>
internal sealed record ModelRequest(string Project, string ModelName, int Priority, string? TagJson, IReadOnlyList<long>? BatchIndexIds = null);
