using KylinMock.Answers;
using KylinMock.Errors;
using KylinMock.Jobs;
using KylinMock.Query;

namespace KylinMock.Http;

/// <summary>
/// v2 <c>GET /kylin/api/jobs</c> (<c>JobControllerV2.getJobList</c>): camelCase parameters and integer
/// status codes bound into the v4 list's filter, run by the same query over the same store, answered
/// as <c>getDataResponse("jobs", …)</c>, a HashMap <c>{"size","jobs"}</c>, each job with its old params.
/// </summary>
internal sealed class GetJobListV2Provider(ServerContext server) : IKylinOperation
{
    private readonly ListAnswerCache cache = new();

    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        // Spring binds every parameter, in declaration order, before the method body runs.
        var codes = SpringBinding.IntList(request, "status");
        var timeFilter = SpringBinding.RequiredInt(request, "timeFilter");
        var jobName = SpringBinding.String(request, "jobName");
        var project = SpringBinding.String(request, "projectName");
        var key = SpringBinding.String(request, "key");
        var pageOffset = SpringBinding.Int(request, "pageOffset", 0);
        var pageSize = SpringBinding.Int(request, "pageSize", 10);
        var sortBy = SpringBinding.String(request, "sortBy") is { Length: > 0 } given ? given : "last_modified";
        var sortby = SpringBinding.String(request, "sortby");
        var reverse = SpringBinding.Bool(request, "reverse", fallback: true);

        // The 3x spelling wins unless it is 3x's own default.
        if (!string.IsNullOrEmpty(sortby) && sortby != "last_modify")
        {
            sortBy = sortby;
        }

        NonNegative(pageOffset);
        NonNegative(pageSize);
        var statuses = new List<string>(codes.Count);
        foreach (var code in codes)
        {
            statuses.Add(JobStatuses.TryFromCode(code, out var status) ? status.ToString() : throw new KylinException(ErrorCode.JobStatusIllegal));
        }

        var filter = new JobFilter
        {
            Statuses = statuses,
            // JobControllerV2: no jobName lists JobTypeEnum.BUILD_JOB_TYPES; a name is not checked (an unknown one lists nothing).
            JobNames = jobName is null ? JobTypes.BuildJobTypes : [jobName],
            TimeFilter = timeFilter,
            Key = key,
            Project = project,
            PageOffset = pageOffset,
            PageSize = pageSize,
            SortBy = sortBy,
            Reverse = reverse,

            // listJobs(jobFilter) lists every job; getDataResponse cuts the page (PagingUtil).
            SqlPaging = false,
        };
        var body = GetJobListProvider.Answer(server.Backend.ListJobs(filter, cache, server.MaxPageSize, "pageSize"), filter, cache, WriteJobs);
        return new KylinAnswer(200, context.ContentType, body);
    }

    // BaseController.checkNonNegativeIntegerArg: a KylinException, so a 500.
    private static void NonNegative(int value)
    {
        if (value < 0)
        {
            throw new KylinException(ErrorCode.IntegerNonNegativeCheck);
        }
    }

    // getDataResponse: a java.util.HashMap, whose order puts "size" before "jobs".
    private static byte[] WriteJobs(JobPage page, long now, JobFilter filter) => EnvelopeJson.Success(w =>
    {
        w.WriteStartObject();
        w.Property("size", page.TotalSize);
        w.WritePropertyName("jobs");
        w.WriteStartArray();
        foreach (var job in page.Jobs)
        {
            JobJson.WriteJobWithOldParams(w, job, now);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });
}
