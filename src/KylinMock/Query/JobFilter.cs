using KylinMock.Jobs;

namespace KylinMock.Query;

/// <summary>The list parameters after Kylin's binding (<c>JobFilter.java</c> plus paging).</summary>
internal sealed record JobFilter
{
    /// <summary>Requested status names as sent (Kylin validates them; empty = all).</summary>
    public IReadOnlyList<string> Statuses { get; init; } = [];

    /// <summary>Exact job type names; null or empty = all (the face puts <c>BUILD_JOB_TYPES</c> here when none are named).</summary>
    public IReadOnlyList<string>? JobNames { get; init; }

    /// <summary>The <c>time_filter</c> code.</summary>
    public int TimeFilter { get; init; } = Query.TimeFilter.All;

    /// <summary>A job's <c>subject</c> (model alias or table name) to match exactly (trimmed), when not empty.</summary>
    public string? Subject { get; init; }

    /// <summary>Resolved to model, table and project names first; when none match, a part of the job id (<c>LIKE %key%</c>).</summary>
    public string? Key { get; init; }

    /// <summary><c>exact</c>: the key names a model, table or project whole (ignoring case) instead of a part of one.</summary>
    public bool Exact { get; init; }

    /// <summary>The job table's <c>LIMIT/OFFSET</c> (v4: a negative offset or size lists every job), not the v2 face's cut of the whole list.</summary>
    public bool SqlPaging { get; init; } = true;

    /// <summary>The project, or null/empty for every project.</summary>
    public string? Project { get; init; }

    /// <summary>The page index.</summary>
    public int PageOffset { get; init; }

    /// <summary>The page size.</summary>
    public int PageSize { get; init; } = 10;

    /// <summary>The raw <c>sort_by</c> value.</summary>
    public string SortBy { get; init; } = "last_modified";

    /// <summary>Descending when true (the default).</summary>
    public bool Reverse { get; init; } = true;

    /// <summary>Two filters are equal when every parameter is, lists item by item (so equal requests answer alike).</summary>
    public bool Equals(JobFilter? other) =>
        other is not null && TimeFilter == other.TimeFilter && PageOffset == other.PageOffset && PageSize == other.PageSize
        && Reverse == other.Reverse && Exact == other.Exact && SqlPaging == other.SqlPaging && SortBy == other.SortBy && Subject == other.Subject && Key == other.Key && Project == other.Project
        && ListEquality.Equal(Statuses, other.Statuses) && ListEquality.Equal(JobNames, other.JobNames);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(TimeFilter);
        hash.Add(PageOffset);
        hash.Add(PageSize);
        hash.Add(Reverse);
        hash.Add(Exact);
        hash.Add(SqlPaging);
        hash.Add(SortBy);
        hash.Add(Subject);
        hash.Add(Key);
        hash.Add(Project);
        ListEquality.Add(ref hash, Statuses);
        ListEquality.Add(ref hash, JobNames);
        return hash.ToHashCode();
    }
}
