namespace KylinMock.Query;

/// <summary>The <c>sort_by</c> values Kylin accepts (case-sensitive); anything else is refused after paging.</summary>
internal enum SortBy
{
    /// <summary><c>last_modified</c>, the default.</summary>
    LastModified,

    /// <summary><c>create_time</c>.</summary>
    CreateTime,

    /// <summary><c>duration</c>: the page is re-sorted by the response's duration.</summary>
    Duration,

    /// <summary><c>total_duration</c>: sorted by Kylin's sort-bean total, the page re-sorted by the response's total.</summary>
    TotalDuration,

    /// <summary><c>target_subject</c>: the name Kylin can still read (nulls last).</summary>
    TargetSubject,

    /// <summary><c>job_name</c>.</summary>
    JobName,

    /// <summary><c>job_status</c>: not a sort-bean property, so every job compares equal (storage order).</summary>
    JobStatus,

    /// <summary><c>project</c>.</summary>
    Project,
}

/// <summary>Parsing of <see cref="SortBy"/>.</summary>
internal static class SortBys
{
    /// <summary>Parses a <c>sort_by</c> value exactly (case-sensitive); null when Kylin refuses it.</summary>
    public static SortBy? Parse(string value) => value switch
    {
        "last_modified" => SortBy.LastModified,
        "create_time" => SortBy.CreateTime,
        "duration" => SortBy.Duration,
        "total_duration" => SortBy.TotalDuration,
        "target_subject" => SortBy.TargetSubject,
        "job_name" => SortBy.JobName,
        "job_status" => SortBy.JobStatus,
        "project" => SortBy.Project,
        _ => null,
    };
}
