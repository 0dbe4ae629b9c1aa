namespace KylinMock.Models;

/// <summary>One entry of Kylin's <c>JobInfoResponse.jobs</c>: the type and id of a job a request made.</summary>
/// <param name="JobName">The job type, for example INC_BUILD.</param>
/// <param name="JobId">The job id, or null when nothing needed building.</param>
internal sealed record JobInfo(string JobName, string? JobId);

/// <summary>What a build request gives every job it makes (BuildSegmentsRequest, SegmentsRequest).</summary>
/// <param name="Priority">0-4.</param>
/// <param name="TagJson">The tag as raw JSON, or null.</param>
/// <param name="BatchIndexIds"><c>batch_index_ids</c>: the layouts to build (ModelBuildService.addJobParamExtParams), or null for all.</param>
internal sealed record BuildSettings(int Priority, string? TagJson, IReadOnlyList<long>? BatchIndexIds = null);
