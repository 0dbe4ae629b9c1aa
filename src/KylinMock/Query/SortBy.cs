namespace KylinMock.Query;

/// <summary>
/// The <c>sort_by</c> values Kylin 5.0.x accepts (case-sensitive) and the job table column each orders by
/// (<c>JobFilterUtil.convertSortBy</c>); anything else is refused before the query runs.
/// </summary>
internal enum SortBy
{
    /// <summary><c>last_modified</c>, the default: <c>update_time</c>.</summary>
    LastModified,

    /// <summary><c>create_time</c>.</summary>
    CreateTime,

    /// <summary><c>duration</c>: <c>job_duration_millis</c>, then the page is re-sorted by the response's duration.</summary>
    Duration,

    /// <summary><c>total_duration</c>: <c>job_duration_millis</c>, then the page is re-sorted by the response's total.</summary>
    TotalDuration,

    /// <summary><c>target_subject</c>: <c>model_id</c>, the job's <c>target_model</c> (a uuid for model jobs).</summary>
    TargetSubject,

    /// <summary><c>job_name</c>: <c>job_type</c>.</summary>
    JobName,

    /// <summary><c>job_status</c>: the internal state's name (<c>ERROR</c> before <c>PAUSED</c> before <c>READY</c> ...).</summary>
    JobStatus,

    /// <summary><c>project</c>.</summary>
    Project,

    /// <summary><c>id</c>: <c>job_id</c>.</summary>
    Id,
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
        "id" => SortBy.Id,
        _ => null,
    };
}
