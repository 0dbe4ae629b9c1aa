namespace KylinMock.Jobs;

/// <summary>
/// Kylin 5.0.x's job types, the <c>job_name</c> of a job (<c>JobTypeEnum</c>). The values of the types kept from
/// 5.0.0-beta stay as they were; the six tiered-storage types 5.0.x dropped are gone.
/// </summary>
public enum JobType
{
    /// <summary>Refresh Data.</summary>
    INDEX_REFRESH = 0,

    /// <summary>Merge Data.</summary>
    INDEX_MERGE = 1,

    /// <summary>Build Index.</summary>
    INDEX_BUILD = 2,

    /// <summary>Load Data.</summary>
    INC_BUILD = 3,

    /// <summary>Build sub-partitions.</summary>
    SUB_PARTITION_BUILD = 4,

    /// <summary>Refresh sub-partitions.</summary>
    SUB_PARTITION_REFRESH = 5,

    /// <summary>Build a table snapshot.</summary>
    SNAPSHOT_BUILD = 6,

    /// <summary>Refresh a table snapshot.</summary>
    SNAPSHOT_REFRESH = 7,

    /// <summary>Merge streaming segments.</summary>
    STREAMING_MERGE = 8,

    /// <summary>Build streaming segments.</summary>
    STREAMING_BUILD = 9,

    /// <summary>An asynchronous query (left out of the list's default types).</summary>
    ASYNC_QUERY = 10,

    /// <summary>Sample a table.</summary>
    TABLE_SAMPLING = 17,

    /// <summary>Rewrite a model's layout data (Z-order, compaction; category OTHER).</summary>
    LAYOUT_DATA_OPTIMIZE = 18,

    /// <summary>Optimize a model's index plan from recommendations (category REC).</summary>
    INDEX_PLAN_OPT = 19,

    /// <summary>Load an internal table (its first or an incremental load).</summary>
    INTERNAL_TABLE_BUILD = 20,

    /// <summary>Reload an internal table's data (refresh).</summary>
    INTERNAL_TABLE_REFRESH = 21,

    /// <summary>Delete partitions of an internal table.</summary>
    INTERNAL_TABLE_DELETE_PARTITION = 22,

    /// <summary>A stage of a DAG job; a name the list accepts, never a job of its own.</summary>
    STAGE = 23,

    /// <summary>The routine metadata clean-up (a cron job, left out of the list's default types).</summary>
    ROUTINE = 24,

    /// <summary>The metadata backup (a cron job).</summary>
    META = 25,

    /// <summary>The source usage count (a cron job).</summary>
    SOURCE_USAGE = 26,

    /// <summary>The auto refresh of snapshots (a cron job).</summary>
    AUTO_REFRESH = 27,

    /// <summary>The expired sessions' clean-up (a cron job).</summary>
    SPRING_SESSION_CLEAN_EXPIRED = 28,
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

    /// <summary>An internal table: <c>target_model</c> and <c>target_subject</c> are its <c>DB.TABLE</c>.</summary>
    InternalTable,

    /// <summary>A cron job: its subject is its own type name (<c>JobInfoDao.constructJobInfo</c>).</summary>
    Cron,
}

/// <summary>Facts about each <see cref="JobType"/>.</summary>
internal static class JobTypes
{
    /// <summary>
    /// <c>JobTypeEnum.BUILD_JOB_TYPES</c>, the list's types when none are named: every type but the CRON and
    /// ASYNC_QUERY categories, in the enum's order.
    /// </summary>
    public static IReadOnlyList<string> BuildJobTypes { get; } =
        [.. KylinOrder.Where(t => t.Category() is not ("CRON" or "ASYNC_QUERY")).Select(t => t.ToString())];

    // JobTypeEnum's declaration order (the enum's values keep their 5.0.0-beta numbers).
    private static IEnumerable<JobType> KylinOrder =>
    [
        JobType.INDEX_REFRESH, JobType.INDEX_MERGE, JobType.INDEX_BUILD, JobType.INC_BUILD, JobType.LAYOUT_DATA_OPTIMIZE,
        JobType.SUB_PARTITION_BUILD, JobType.SUB_PARTITION_REFRESH, JobType.INDEX_PLAN_OPT, JobType.SNAPSHOT_BUILD,
        JobType.SNAPSHOT_REFRESH, JobType.INTERNAL_TABLE_BUILD, JobType.INTERNAL_TABLE_REFRESH,
        JobType.INTERNAL_TABLE_DELETE_PARTITION, JobType.STREAMING_MERGE, JobType.STREAMING_BUILD, JobType.ASYNC_QUERY,
        JobType.TABLE_SAMPLING, JobType.STAGE, JobType.ROUTINE, JobType.META, JobType.SOURCE_USAGE, JobType.AUTO_REFRESH,
        JobType.SPRING_SESSION_CLEAN_EXPIRED,
    ];

    /// <summary>The type's <c>JobTypeEnum.Category</c>.</summary>
    public static string Category(this JobType type) => type switch
    {
        JobType.INDEX_REFRESH or JobType.INDEX_MERGE or JobType.INDEX_BUILD or JobType.INC_BUILD
            or JobType.SUB_PARTITION_BUILD or JobType.SUB_PARTITION_REFRESH => "BUILD",
        JobType.INDEX_PLAN_OPT => "REC",
        JobType.SNAPSHOT_BUILD or JobType.SNAPSHOT_REFRESH => "SNAPSHOT",
        JobType.INTERNAL_TABLE_BUILD or JobType.INTERNAL_TABLE_REFRESH or JobType.INTERNAL_TABLE_DELETE_PARTITION => "INTERNAL",
        JobType.STREAMING_MERGE or JobType.STREAMING_BUILD => "STREAMING",
        JobType.ASYNC_QUERY => "ASYNC_QUERY",
        JobType.ROUTINE or JobType.META or JobType.SOURCE_USAGE or JobType.AUTO_REFRESH or JobType.SPRING_SESSION_CLEAN_EXPIRED => "CRON",
        _ => "OTHER",
    };

    /// <summary>Whether the list shows the type when no type is named (<c>BUILD_JOB_TYPES</c>).</summary>
    public static bool IsBuildJobType(this JobType type) => type.Category() is not ("CRON" or "ASYNC_QUERY");

    /// <summary>What the job's subject is.</summary>
    public static SubjectKind SubjectKind(this JobType type) => type switch
    {
        JobType.TABLE_SAMPLING => Jobs.SubjectKind.Table,
        JobType.SNAPSHOT_BUILD or JobType.SNAPSHOT_REFRESH => Jobs.SubjectKind.Snapshot,
        JobType.INTERNAL_TABLE_BUILD or JobType.INTERNAL_TABLE_REFRESH or JobType.INTERNAL_TABLE_DELETE_PARTITION => Jobs.SubjectKind.InternalTable,
        _ when type.Category() == "CRON" => Jobs.SubjectKind.Cron,
        _ => Jobs.SubjectKind.Model,
    };

    /// <summary>
    /// The step names a job of this type runs, in order, as Kylin creates them (<c>NSparkCubingJob.innerCreate</c>,
    /// <c>NSparkMergingJob.merge</c>, <c>NTableSamplingJob.create</c>, <c>NSparkSnapshotJob.create</c>,
    /// <c>InternalTableLoadingJob.create</c>). Build jobs of transactional or range-partitioned Hive tables add
    /// "Clean Up Intermediate Table"; the mock's tables are neither.
    /// </summary>
    public static IReadOnlyList<string> StepNames(this JobType type) => type switch
    {
        JobType.INDEX_MERGE => ["Detect Resource", "Merge Segment Data", "Clean Up Old Segment", "Update Metadata"],
        JobType.TABLE_SAMPLING => ["Detect Resource", "Table Sampling"],
        JobType.SNAPSHOT_BUILD or JobType.SNAPSHOT_REFRESH => ["Build Snapshot"],
        JobType.STREAMING_BUILD or JobType.STREAMING_MERGE => ["Streaming Job", "Update Metadata"],
        JobType.ASYNC_QUERY => ["Async Query"],
        // InternalTableLoadingJob.create: the one StepEnum.BUILD_INTERNAL step (the Gluten cache step only with preloading on).
        JobType.INTERNAL_TABLE_BUILD or JobType.INTERNAL_TABLE_REFRESH or JobType.INTERNAL_TABLE_DELETE_PARTITION => ["Build Internal Table"],
        JobType.LAYOUT_DATA_OPTIMIZE => ["Optimize Layout Data"],
        JobType.INDEX_PLAN_OPT => ["Optimize Index Plan"],
        _ when type.Category() == "CRON" => [type.ToString()],
        _ => ["Detect Resource", "Load Data To Index", "Update Metadata"],
    };

    /// <summary>Parses a job type name (case-sensitive, as <c>JobTypeEnum.getEnumByName</c> compares names exactly).</summary>
    public static bool TryParse(string name, out JobType type) =>
        Enum.TryParse(name, ignoreCase: false, out type) && Enum.IsDefined(type) && !int.TryParse(name, out _);
}
