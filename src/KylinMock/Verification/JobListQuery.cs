using System.Globalization;
using KylinMock.Http;

namespace KylinMock.Verification;

/// <summary>
/// The parameters of a <c>GET /kylin/api/jobs</c> as Spring binds them for <c>JobController.getJobList</c>
/// (comma-split lists, repeated strings joined), read leniently: a number that does not parse is null
/// here, while the mock answered it with Kylin's 400.
/// </summary>
public sealed class JobListQuery
{
    private readonly KylinRequest request;
    private readonly bool v2;

    private JobListQuery(KylinRequest request, bool v2 = false)
    {
        this.request = request;
        this.v2 = v2;
    }

    /// <summary><c>time_filter</c>, or null when missing or not a number.</summary>
    public int? TimeFilter => Number(Name("time_filter", "timeFilter"));

    /// <summary><c>project</c>, or null.</summary>
    public string? Project => SpringBinding.String(request, Name("project", "projectName"));

    /// <summary><c>key</c> (a job id or name fragment), or null.</summary>
    public string? Key => SpringBinding.String(request, "key");

    /// <summary><c>subject</c>, or null.</summary>
    public string? Subject => SpringBinding.String(request, "subject");

    /// <summary><c>statuses</c>, empty when not sent.</summary>
    public IReadOnlyList<string> Statuses => SpringBinding.StringList(request, Name("statuses", "status")) ?? [];

    /// <summary><c>job_names</c>, empty when not sent.</summary>
    public IReadOnlyList<string> JobNames => SpringBinding.StringList(request, Name("job_names", "jobName")) ?? [];

    /// <summary><c>page_offset</c> (a page index), or null when missing or not a number.</summary>
    public int? PageOffset => Number(Name("page_offset", "pageOffset"));

    /// <summary><c>page_size</c>, or null when missing or not a number.</summary>
    public int? PageSize => Number(Name("page_size", "pageSize"));

    /// <summary><c>sort_by</c>, or null.</summary>
    public string? SortBy => SpringBinding.String(request, Name("sort_by", "sortBy"));

    /// <summary><c>reverse</c> as sent, or null.</summary>
    public string? Reverse => SpringBinding.String(request, "reverse");

    /// <summary>Every parameter sent, in order, each with every value (percent-decoded).</summary>
    public IReadOnlyList<KeyValuePair<string, List<string>>> Parameters => request.Query;

    /// <summary>Reads a raw query string (without '?'); never throws.</summary>
    public static JobListQuery Parse(string rawQuery) =>
        new(new KylinRequest("GET", "/kylin/api/jobs", rawQuery, [], null, "/kylin/api/jobs", "/kylin/api/jobs"));

    /// <summary>Reads the raw query of a v2 list poll (<c>JobControllerV2.getJobList</c>): the same fields under v2's names (<c>timeFilter</c>, <c>projectName</c>, <c>status</c> codes, <c>jobName</c>, <c>pageOffset</c>, <c>pageSize</c>, <c>sortBy</c>).</summary>
    public static JobListQuery ParseV2(string rawQuery) =>
        new(new KylinRequest("GET", "/kylin/api/jobs", rawQuery, [], null, "/kylin/api/jobs", "/kylin/api/jobs"), v2: true);

    /// <summary>The first value of a parameter (exact name), or null when not sent.</summary>
    public string? Parameter(string name) => request.Parameter(name)?[0];

    /// <inheritdoc />
    public override string ToString() => Parameters.Count == 0
        ? "no parameters"
        : string.Join(", ", Parameters.Select(p => p.Key + "=" + string.Join(",", p.Value)));

    private string Name(string v4, string v2Name) => v2 ? v2Name : v4;

    private int? Number(string name) =>
        int.TryParse(Parameter(name)?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
