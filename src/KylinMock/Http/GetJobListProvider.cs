using KylinMock.Json;
using KylinMock.Query;

namespace KylinMock.Http;

/// <summary>
/// <c>GET /kylin/api/jobs</c> (<c>JobController.getJobList</c>): binds the parameters in the order
/// Spring binds them, runs the list on the store and answers <c>{"value","total_size","offset","limit"}</c>.
/// </summary>
internal sealed class GetJobListProvider(ServerContext server) : IKylinOperation
{
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

        var body = server.Store.Read(view =>
        {
            var page = JobQuery.Execute(view.Jobs, filter, view.Now, server.TimeZone, view.FindProject, view.ProjectNames.Count);
            var now = view.Now;
            return EnvelopeJson.Success(w =>
            {
                w.WriteStartObject();
                w.WritePropertyName("value");
                w.WriteStartArray();
                foreach (var job in page.Jobs)
                {
                    JobJson.WriteJob(w, job, now, withSteps: false);
                }

                w.WriteEndArray();
                w.Property("total_size", page.TotalSize);
                w.Property("offset", filter.PageOffset);
                w.Property("limit", filter.PageSize);
                w.WriteEndObject();
            });
        });
        return new KylinAnswer(200, context.ContentType, body);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
