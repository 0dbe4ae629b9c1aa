namespace KylinMock.Models;

/// <summary>A segment of a model (<c>NDataSegment</c>): a data range built into the model's indexes.</summary>
public sealed record Segment
{
    /// <summary>The full-build range end (<c>SegmentRange.createInfinite</c>).</summary>
    public const long InfiniteEnd = long.MaxValue;

    /// <summary>The segment id.</summary>
    public required string Id { get; init; }

    /// <summary>The model it belongs to.</summary>
    public required string ModelUuid { get; init; }

    /// <summary><c>yyyyMMddHHmmss_yyyyMMddHHmmss</c> of its range, or <c>FULL_BUILD</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Range start, epoch ms (inclusive).</summary>
    public long Start { get; init; }

    /// <summary>Range end, epoch ms (exclusive).</summary>
    public long End { get; init; }

    /// <summary>The stored status.</summary>
    public SegmentStatus Status { get; init; } = SegmentStatus.READY;

    /// <summary>Creation time, epoch ms (<c>create_time_utc</c>).</summary>
    public long CreateTime { get; init; }

    /// <summary>When it was last built, epoch ms (0 while NEW).</summary>
    public long LastBuildTime { get; init; }

    /// <summary>Source rows read (<c>source_count</c>).</summary>
    public long SourceCount { get; init; }

    /// <summary>Source bytes read (<c>source_bytes_size</c>).</summary>
    public long SourceBytesSize { get; init; }

    /// <summary>Bytes stored (<c>bytes_size</c>).</summary>
    public long BytesSize { get; init; }

    /// <summary>Rows stored (<c>row_count</c>).</summary>
    public long RowCount { get; init; }

    /// <summary>Effective layouts built into it (<c>index_count</c>).</summary>
    public int IndexCount { get; init; }

    /// <summary>All layouts in it, to-be-deleted ones included (<c>index_count_total</c>).</summary>
    public int IndexCountTotal { get; init; }

    /// <summary>Parquet files (<c>additionalInfo.file_count</c>).</summary>
    public int FileCount { get; init; }

    /// <summary>Query hits (<c>hit_count</c>).</summary>
    public long HitCount { get; init; }

    /// <summary>True for a segment made by a merge (Kylin then writes its <c>timeRange</c>).</summary>
    public bool Merged { get; init; }

    /// <summary>Whether this segment's range overlaps [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public bool Overlaps(long start, long end) => Start < end && start < End;

    /// <summary>Whether this segment's range contains the whole of <paramref name="other"/>'s.</summary>
    public bool EntirelyOverlaps(Segment other) => Start <= other.Start && other.End <= End;
}
