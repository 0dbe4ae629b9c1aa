using KylinMock.Models;
using Newtonsoft.Json;

namespace KylinMock.Answers;

/// <summary>A segment as GET /kylin/api/models/{model}/segments answers it (NDataSegmentResponse), in Kylin's key order.</summary>
internal static class SegmentJson
{
    /// <summary>The segRange class name Kylin writes.</summary>
    public const string TimeRangeClass = "org.apache.kylin.metadata.model.SegmentRange$TimePartitionedSegmentRange";

    /// <summary>Writes one segment; <paramref name="oldParams"/> puts <c>size_kb</c> and <c>input_records</c> first, as GET /models does.</summary>
    public static void Write(JsonWriter w, string project, SegmentRow row, bool oldParams, Action<JsonWriter>? subclassFields = null)
    {
        var s = row.Segment;
        Write(w, new Fields(s.Start, s.End, s.Merged)
        {
            OldParams = oldParams,
            Id = s.Id,
            Name = s.Name,
            CreateTime = s.CreateTime,
            Status = s.Status.ToString(),
            LastBuildTime = s.LastBuildTime,
            SourceCount = s.SourceCount,
            SourceBytesSize = s.SourceBytesSize,
            SegmentPath = "hdfs://kylin/kylin_metadata/" + project + "/parquet/" + s.ModelUuid + "/" + s.Id,
            FileCount = s.FileCount,
            // NDataSegment.maxBucketId stays -1 unless a multi-level partition build computed buckets (no model of the mock is one).
            MaxBucketId = -1,
            BytesSize = s.BytesSize,
            HitCount = s.HitCount,
            StatusToDisplay = row.StatusToDisplay,
            IndexCount = s.IndexCount,
            IndexCountTotal = s.IndexCountTotal,
            RowCount = s.RowCount,
            LastModifiedTime = row.LastModifiedTime,
            SubclassFields = subclassFields,
        });
    }

    /// <summary>
    /// Writes a gap between two segments as SegmentControllerV2.getHoles makes it: an empty NDataSegmentResponse
    /// with only its name (server time zone), segRange and timeRange set, every other field at its default.
    /// </summary>
    public static void WriteHole(JsonWriter w, long start, long end, TimeZoneInfo zone) =>
        Write(w, new Fields(start, end, TimeRange: true) { Name = SegmentNames.Make(start, end, zone) });

    /// <summary>A TimePartitionedSegmentRange.</summary>
    public static void WriteRange(JsonWriter w, long start, long end)
    {
        w.WriteStartObject();
        w.Property("@class", TimeRangeClass);
        w.Property("date_range_start", start);
        w.Property("date_range_end", end);
        w.WriteEndObject();
    }

    private static void Write(JsonWriter w, Fields f)
    {
        w.WriteStartObject();
        if (f.OldParams)
        {
            w.Property("size_kb", f.BytesSize / 1024);
            w.Property("input_records", f.SourceCount);
        }

        w.Property("id", f.Id);
        w.Property("name", f.Name);
        w.Property("create_time_utc", f.CreateTime);
        w.Property("status", f.Status);
        w.WritePropertyName("segRange");
        WriteRange(w, f.Start, f.End);
        w.WritePropertyName("timeRange");
        if (f.TimeRange)
        {
            w.WriteStartObject();
            w.Property("start", f.Start);
            w.Property("end", f.End);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull();
        }

        EmptyObject(w, "dimension_range_info_map");
        w.Null("parameters");
        w.Null("dictionaries");
        w.Null("snapshots");
        w.Property("last_build_time", f.LastBuildTime);
        w.Property("source_count", f.SourceCount);
        w.Property("source_bytes_size", f.SourceBytesSize);
        EmptyObject(w, "column_source_bytes");
        EmptyObject(w, "ori_snapshot_size");
        w.WritePropertyName("additionalInfo");
        w.WriteStartObject();
        if (f.SegmentPath is not null)
        {
            w.Property("segment_path", f.SegmentPath);
            w.Property("file_count", f.FileCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        w.WriteEndObject();
        w.Property("is_realtime_segment", false);
        w.Property("is_snapshot_ready", false);
        w.Property("is_dict_ready", false);
        w.Property("is_flat_table_ready", false);
        w.Property("is_fact_view_ready", false);
        ModelJson.EmptyArray(w, "multi_partitions");
        w.Property("max_bucket_id", f.MaxBucketId);
        w.Property("bytes_size", f.BytesSize);
        w.Property("hit_count", f.HitCount);
        w.Property("status_to_display", f.StatusToDisplay);
        w.Null("status_second_storage_to_display");
        w.Property("index_count", f.IndexCount);
        w.Property("locked_index_count", f.IndexCountTotal - f.IndexCount);
        w.Property("index_count_total", f.IndexCountTotal);
        w.Property("multi_partition_count", 0);
        w.Property("multi_partition_count_total", 0);
        w.Property("row_count", f.RowCount);
        w.Null("second_storage_nodes");
        w.Property("second_storage_size", 0);
        w.Property("has_base_table_index", f.IndexCount > 0);
        w.Property("has_base_agg_index", f.IndexCount > 0);
        w.Property("has_base_table_index_data", f.IndexCount > 0);
        w.Property("last_modified_time", f.LastModifiedTime);
        f.SubclassFields?.Invoke(w);
        w.WriteEndObject();
    }

    private static void EmptyObject(JsonWriter w, string name)
    {
        w.WritePropertyName(name);
        w.WriteStartObject();
        w.WriteEndObject();
    }

    // What one NDataSegmentResponse shows; the defaults are those of an empty one (getHoles).
    private sealed record Fields(long Start, long End, bool TimeRange)
    {
        /// <summary>Fields a subclass of NDataSegmentResponse appends (the build answers'), or null.</summary>
        public Action<JsonWriter>? SubclassFields { get; init; }

        public bool OldParams { get; init; }

        public string? Id { get; init; }

        public string? Name { get; init; }

        public long CreateTime { get; init; }

        public string? Status { get; init; }

        public long LastBuildTime { get; init; }

        public long SourceCount { get; init; }

        public long SourceBytesSize { get; init; }

        public string? SegmentPath { get; init; }

        public long FileCount { get; init; }

        public long MaxBucketId { get; init; } = -1;

        public long BytesSize { get; init; }

        public long HitCount { get; init; }

        public string? StatusToDisplay { get; init; }

        public long IndexCount { get; init; }

        public long IndexCountTotal { get; init; }

        public long RowCount { get; init; }

        public long LastModifiedTime { get; init; }
    }
}
