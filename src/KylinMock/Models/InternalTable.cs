namespace KylinMock.Models;

/// <summary>
/// A Kylin 5.0.x internal table (<c>InternalTableDesc</c>): a copy of a loaded table in Kylin's own storage, partitioned
/// or not, filled by INTERNAL_TABLE_BUILD and INTERNAL_TABLE_REFRESH jobs.
/// </summary>
/// <param name="Project">The project, in its stored case.</param>
/// <param name="Database">The source table's database.</param>
/// <param name="Name">The source table's name.</param>
internal sealed record InternalTable(string Project, string Database, string Name)
{
    /// <summary><c>DB.TABLE</c>.</summary>
    public string Identity => Database + "." + Name;

    /// <summary>The uuid.</summary>
    public required string Uuid { get; init; }

    /// <summary>The partition columns (<c>InternalTablePartition.partitionColumns</c>); empty when unpartitioned.</summary>
    public IReadOnlyList<string> PartitionColumns { get; init; } = [];

    /// <summary>The date partition column's format (Java's <c>SimpleDateFormat</c> pattern), or null.</summary>
    public string? DatePartitionFormat { get; init; }

    /// <summary>The table properties as given (<c>tbl_properties</c>).</summary>
    public IReadOnlyDictionary<string, string> TblProperties { get; init; } = new Dictionary<string, string>();

    /// <summary>GLUTEN, DELTALAKE or PARQUET.</summary>
    public string StorageType { get; init; } = "GLUTEN";

    /// <summary>Rows loaded.</summary>
    public long RowCount { get; init; }

    /// <summary>Bytes stored.</summary>
    public long StorageSize { get; init; }

    /// <summary>Queries that hit the table.</summary>
    public long HitCount { get; init; }

    /// <summary>The last change, epoch ms (<c>update_time</c>).</summary>
    public long LastModified { get; init; }

    /// <summary>The loaded partitions, in value order.</summary>
    public IReadOnlyList<InternalTablePartition> Partitions { get; init; } = [];

    /// <summary>The data ranges of the incremental loads submitted since the last truncate (<c>jobRange</c>), epoch ms.</summary>
    public IReadOnlyList<(long Start, long End)> JobRanges { get; init; } = [];

    /// <summary>Where the table's files are (<c>InternalTableDesc.generateInternalTableLocation</c>).</summary>
    public string Location => "hdfs://kylin/" + Project + "/internal_table/" + Database + "/" + Name;

    /// <summary>Whether the table is partitioned.</summary>
    public bool Partitioned => PartitionColumns.Count > 0;
}

/// <summary>One partition of an internal table (<c>InternalTablePartitionDetail</c>).</summary>
/// <param name="Value">The partition value.</param>
/// <param name="SizeInBytes">Its bytes.</param>
/// <param name="FileCount">Its files.</param>
/// <param name="Rows">Its rows (the table's row count sums them).</param>
internal sealed record InternalTablePartition(string Value, long SizeInBytes, long FileCount, long Rows);
