namespace KylinMock.Jobs;

/// <summary>Kylin's job types, the <c>job_name</c> of a job (<c>JobTypeEnum</c>).</summary>
public enum JobType
{
    /// <summary>Refresh Data.</summary>
    INDEX_REFRESH,

    /// <summary>Merge Data.</summary>
    INDEX_MERGE,

    /// <summary>Build Index.</summary>
    INDEX_BUILD,

    /// <summary>Load Data.</summary>
    INC_BUILD,

    /// <summary>Build sub-partitions.</summary>
    SUB_PARTITION_BUILD,

    /// <summary>Refresh sub-partitions.</summary>
    SUB_PARTITION_REFRESH,

    /// <summary>Build a table snapshot.</summary>
    SNAPSHOT_BUILD,

    /// <summary>Refresh a table snapshot.</summary>
    SNAPSHOT_REFRESH,

    /// <summary>Merge streaming segments.</summary>
    STREAMING_MERGE,

    /// <summary>Build streaming segments.</summary>
    STREAMING_BUILD,

    /// <summary>An asynchronous query.</summary>
    ASYNC_QUERY,

    /// <summary>Load segments into tiered storage.</summary>
    EXPORT_TO_SECOND_STORAGE,

    /// <summary>Clean a model's tiered storage.</summary>
    SECOND_STORAGE_MODEL_CLEAN,

    /// <summary>Clean a tiered-storage node (its subject is the project).</summary>
    SECOND_STORAGE_NODE_CLEAN,

    /// <summary>Clean segments from tiered storage.</summary>
    SECOND_STORAGE_SEGMENT_CLEAN,

    /// <summary>Clean an index from tiered storage.</summary>
    SECOND_STORAGE_INDEX_CLEAN,

    /// <summary>Refresh tiered-storage secondary indexes.</summary>
    SECOND_STORAGE_REFRESH_SECONDARY_INDEXES,

    /// <summary>Sample a table.</summary>
    TABLE_SAMPLING,
}

/// <summary>What a job's <c>target_model</c> names.</summary>
internal enum SubjectKind
{
    /// <summary>A model: <c>target_model</c> is its uuid, <c>target_subject</c> its alias.</summary>
    Model,

    /// <summary>A table being sampled: <c>target_model</c> and <c>target_subject</c> are the table name.</summary>
    Table,

    /// <summary>A table's snapshot: <c>target_model</c> and <c>target_subject</c> are the table name.</summary>
    Snapshot,

    /// <summary>The project itself (SECOND_STORAGE_NODE_CLEAN).</summary>
    Project,
}

/// <summary>Facts about each <see cref="JobType"/>.</summary>
internal static class JobTypes
{
    /// <summary>What the job's subject is.</summary>
    public static SubjectKind SubjectKind(this JobType type) => type switch
    {
        JobType.TABLE_SAMPLING => Jobs.SubjectKind.Table,
        JobType.SNAPSHOT_BUILD or JobType.SNAPSHOT_REFRESH => Jobs.SubjectKind.Snapshot,
        JobType.SECOND_STORAGE_NODE_CLEAN => Jobs.SubjectKind.Project,
        _ => Jobs.SubjectKind.Model,
    };

    /// <summary>
    /// The step names a job of this type runs, in order, as Kylin creates them (<c>NSparkCubingJob.innerCreate</c>,
    /// <c>NSparkMergingJob.merge</c>, <c>NTableSamplingJob.create</c>, <c>NSparkSnapshotJob.create</c>). Build jobs of
    /// transactional or range-partitioned Hive tables add "Clean Up Intermediate Table"; the mock's tables are neither.
    /// </summary>
    public static IReadOnlyList<string> StepNames(this JobType type) => type switch
    {
        JobType.INDEX_MERGE => ["Detect Resource", "Merge Segment Data", "Clean Up Old Segment", "Update Metadata"],
        JobType.TABLE_SAMPLING => ["Detect Resource", "Table Sampling"],
        JobType.SNAPSHOT_BUILD or JobType.SNAPSHOT_REFRESH => ["Build Snapshot"],
        JobType.STREAMING_BUILD or JobType.STREAMING_MERGE => ["Streaming Job", "Update Metadata"],
        JobType.ASYNC_QUERY => ["Async Query"],
        JobType.EXPORT_TO_SECOND_STORAGE => ["Load Data To Tiered Storage", "Update Metadata"],
        JobType.SECOND_STORAGE_MODEL_CLEAN or JobType.SECOND_STORAGE_NODE_CLEAN or JobType.SECOND_STORAGE_SEGMENT_CLEAN
            or JobType.SECOND_STORAGE_INDEX_CLEAN => ["Clean Tiered Storage"],
        JobType.SECOND_STORAGE_REFRESH_SECONDARY_INDEXES => ["Refresh Secondary Indexes"],
        _ => ["Detect Resource", "Load Data To Index", "Update Metadata"],
    };

    /// <summary>Parses a job type name (case-sensitive, as Kylin's filter compares names exactly).</summary>
    public static bool TryParse(string name, out JobType type) =>
        Enum.TryParse(name, ignoreCase: false, out type) && Enum.IsDefined(type) && !int.TryParse(name, out _);
}
