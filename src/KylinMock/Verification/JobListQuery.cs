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

    private JobListQuery(KylinRequest request)
    {
        this.request = request;
    }

    /// <summary><c>time_filter</c>, or null when missing or not a number.</summary>
    public int? TimeFilter => Number("time_filter");

    /// <summary><c>project</c>, or null.</summary>
    public string? Project => SpringBinding.String(request, "project");

    /// <summary><c>key</c> (a job id or name fragment), or null.</summary>
    public string? Key => SpringBinding.String(request, "key");

    /// <summary><c>subject</c>, or null.</summary>
    public string? Subject => SpringBinding.String(request, "subject");

    /// <summary><c>statuses</c>, empty when not sent.</summary>
    public IReadOnlyList<string> Statuses => SpringBinding.StringList(request, "statuses") ?? [];

    /// <summary><c>job_names</c>, empty when not sent.</summary>
    public IReadOnlyList<string> JobNames => SpringBinding.StringList(request, "job_names") ?? [];

    /// <summary><c>page_offset</c> (a page index), or null when missing or not a number.</summary>
    public int? PageOffset => Number("page_offset");

    /// <summary><c>page_size</c>, or null when missing or not a number.</summary>
    public int? PageSize => Number("page_size");

    /// <summary><c>sort_by</c>, or null.</summary>
    public string? SortBy => SpringBinding.String(request, "sort_by");

    /// <summary><c>reverse</c> as sent, or null.</summary>
    public string? Reverse => SpringBinding.String(request, "reverse");

    /// <summary>Every parameter sent, in order, each with every value (percent-decoded).</summary>
    public IReadOnlyList<KeyValuePair<string, List<string>>> Parameters => request.Query;

    /// <summary>Reads a raw query string (without '?'); never throws.</summary>
    public static JobListQuery Parse(string rawQuery) =>
        new(new KylinRequest("GET", "/kylin/api/jobs", rawQuery, [], null, "/kylin/api/jobs", "/kylin/api/jobs"));

    /// <summary>The first value of a parameter (exact name), or null when not sent.</summary>
    public string? Parameter(string name) => request.Parameter(name)?[0];

    /// <inheritdoc />
    public override string ToString() => Parameters.Count == 0
        ? "no parameters"
        : string.Join(", ", Parameters.Select(p => p.Key + "=" + string.Join(",", p.Value)));

    private int? Number(string name) =>
        int.TryParse(Parameter(name)?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
