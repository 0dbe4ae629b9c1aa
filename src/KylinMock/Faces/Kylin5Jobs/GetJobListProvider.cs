using KylinMock.Answers;
using KylinMock.Errors;
using KylinMock.Query;

namespace KylinMock.Http;

/// <summary>
/// <c>GET /kylin/api/jobs</c> (<c>JobController.getJobList</c>): binds the parameters in the order
/// Spring binds them, runs the list on the store and answers <c>{"value","offset","limit","total_size"}</c>.
/// </summary>
internal sealed class GetJobListProvider(ServerContext server) : IKylinOperation
{
    private readonly ListAnswerCache cache = new();

    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        // Spring binds in declaration order, so the first bad parameter of this order is the one reported.
        var statuses = SpringBinding.StringList(request, "statuses") ?? [];
        var jobNames = SpringBinding.StringList(request, "job_names");
        var timeFilter = SpringBinding.RequiredInt(request, "time_filter");
        var subject = SpringBinding.String(request, "subject");
        var key = SpringBinding.String(request, "key");
        var exact = SpringBinding.Bool(request, "exact", fallback: false);
        var project = SpringBinding.String(request, "project");
        var pageOffset = SpringBinding.Int(request, "page_offset", 0);
        var pageSize = SpringBinding.Int(request, "page_size", 10);
        var sortBy = NonEmpty(SpringBinding.String(request, "sort_by")) ?? "last_modified";
        var reverse = SpringBinding.Bool(request, "reverse", fallback: true);
        var types = SpringBinding.StringList(request, "type");

        // 5.0.x's getJobList: the statuses, then type is appended to job_names and every name must be a
        // JobTypeEnum name (KE-010032222); none named lists JobTypeEnum.BUILD_JOB_TYPES.
        if (statuses.Any(name => !Jobs.JobStatuses.TryParse(name, out _)))
        {
            throw new KylinException(ErrorCode.JobStatusIllegal);
        }

        List<string> names = [.. jobNames ?? [], .. types ?? []];
        if (names.Any(name => !Jobs.JobTypes.TryParse(name, out _)))
        {
            throw new KylinException(ErrorCode.JobTypeIllegal);
        }

        var filter = new JobFilter
        {
            Statuses = statuses,
            JobNames = names.Count == 0 ? Jobs.JobTypes.BuildJobTypes : names,
            TimeFilter = timeFilter,
            Subject = subject,
            Key = key,
            Exact = exact,
            Project = project,
            PageOffset = pageOffset,
            PageSize = pageSize,
            SortBy = sortBy,
            Reverse = reverse,
        };

        return new KylinAnswer(200, context.ContentType, Answer(server.Backend.ListJobs(filter, cache, server.MaxPageSize, "page_size"), filter, cache, WriteValue));
    }

    /// <summary>The list's success envelope for a bound filter over <paramref name="store"/> (the in-process half of the endpoint, for the harness).</summary>
    internal static byte[] Answer(Jobs.JobStore store, TimeZoneInfo zone, JobFilter filter) =>
        Answer(Backend.KylinBackend.ListJobs(store, zone, filter, null, int.MaxValue, "page_size"), filter, null, WriteValue);

    /// <summary>
    /// The answer for a list the backend took: the kept bytes, or the page written by <paramref name="write"/>
    /// (v4's <c>DataResult</c> or v2's <c>getDataResponse</c>) outside the lock, then kept for the same version
    /// and instant: a client polling a quiet mock (a test's clock standing still) gets the same bytes at once.
    /// </summary>
    internal static byte[] Answer(Backend.JobList list, JobFilter filter, ListAnswerCache? cache, Func<JobPage, long, JobFilter, byte[]> write)
    {
        if (list.Cached is { } cached)
        {
            return cached;
        }

        var body = write(list.Page!, list.Now, filter);
        cache?.Keep(list.Version, list.Now, filter, body);
        return body;
    }
    // JobController.getJobList: DataResult {"value","offset","limit","total_size"}.
    private static byte[] WriteValue(JobPage page, long now, JobFilter filter) => EnvelopeJson.Success(w =>
    {
        w.WriteStartObject();
        w.WritePropertyName("value");
        w.WriteStartArray();
        foreach (var job in page.Jobs)
        {
            JobJson.WriteJob(w, job, now, withSteps: false);
        }

        w.WriteEndArray();

        // Jackson re-appends the renamed total_size after offset and limit (the seed document's example shows this order).
        w.Property("offset", filter.PageOffset);
        w.Property("limit", filter.PageSize);
        w.Property("total_size", page.TotalSize);
        w.WriteEndObject();
    });

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
