using System.Globalization;
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
        var filter = new JobFilter
        {
            Statuses = SpringBinding.StringList(request, "statuses") ?? [],
            JobNames = SpringBinding.StringList(request, "job_names"),
            TimeFilter = SpringBinding.RequiredInt(request, "time_filter"),
            Subject = SpringBinding.String(request, "subject"),
            Key = SpringBinding.String(request, "key"),
            Project = SpringBinding.String(request, "project"),
            PageOffset = SpringBinding.Int(request, "page_offset", 0),
            PageSize = SpringBinding.Int(request, "page_size", 10),
            SortBy = NonEmpty(SpringBinding.String(request, "sort_by")) ?? "last_modified",
            Reverse = SpringBinding.Bool(request, "reverse", fallback: true),
        };

        return new KylinAnswer(200, context.ContentType, Answer(server.Store, server.TimeZone, filter, cache, server.MaxPageSize));
    }

    /// <summary>The list's success envelope for a bound filter (the in-process half of the endpoint); see the overload.</summary>
    internal static byte[] Answer(Jobs.JobStore store, TimeZoneInfo zone, JobFilter filter, ListAnswerCache? cache = null, int maxPageSize = int.MaxValue) =>
        Answer(store, zone, filter, cache, maxPageSize, "page_size", WriteValue);

    /// <summary>
    /// The list's success envelope for a bound filter (the in-process half of the endpoint). With a
    /// cache, an answer is reused while the store's version and the clock's millisecond stay the same:
    /// a client polling a quiet mock (a test's clock standing still) gets the same bytes at once.
    /// A page holding more than <paramref name="maxPageSize"/> jobs is refused (the mock's own ceiling,
    /// naming the <paramref name="pageSizeName"/> parameter). <paramref name="write"/> writes the page's
    /// envelope from the page, the instant and the filter: v4's <c>DataResult</c> or v2's <c>getDataResponse</c>.
    /// </summary>
    internal static byte[] Answer(
        Jobs.JobStore store, TimeZoneInfo zone, JobFilter filter, ListAnswerCache? cache, int maxPageSize, string pageSizeName, Func<JobPage, long, JobFilter, byte[]> write)
    {
        // Under the store's lock only the query and a copy of the page: the JSON is written outside it,
        // so concurrent requests wait for each other as briefly as possible.
        var (page, now, version, cached) = store.Read(view =>
        {
            if (cache?.Find(view.Version, view.Now, filter) is { } hit)
            {
                return ((JobPage?)null, view.Now, view.Version, (byte[]?)hit);
            }

            var found = JobQuery.Execute(view, filter, zone);
            if (found.Jobs.Count > maxPageSize)
            {
                throw PageSizeCeiling(maxPageSize, found.Jobs.Count, pageSizeName);
            }

            var copies = new Jobs.Job[found.Jobs.Count];
            for (var i = 0; i < copies.Length; i++)
            {
                copies[i] = found.Jobs[i].Clone();
            }

            return (new JobPage(copies, found.TotalSize), view.Now, view.Version, (byte[]?)null);
        });
        if (cached is not null)
        {
            return cached;
        }

        var body = write(page!, now, filter);
        cache?.Keep(version, now, filter, body);
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

    // Kylin has no ceiling: this is the mock's own refusal, in the envelope Kylin uses for a bad parameter.
    private static KylinException PageSizeCeiling(int maxPageSize, int pageJobs, string pageSizeName) =>
        KylinException.WithRaw(
            ErrorCode.InvalidParameter,
            string.Create(CultureInfo.InvariantCulture, $"The page would hold {pageJobs} jobs, more than KylinMock's page-size ceiling of {maxPageSize}. Please ask for a smaller {pageSizeName}."))
        .WithStatus(400);

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
