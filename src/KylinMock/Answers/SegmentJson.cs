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
        w.WriteStartObject();
        if (oldParams)
        {
            w.Property("size_kb", s.BytesSize / 1024);
            w.Property("input_records", s.SourceCount);
        }

        w.Property("id", s.Id);
        w.Property("name", s.Name);
        w.Property("create_time_utc", s.CreateTime);
        w.Property("status", s.Status.ToString());
        w.WritePropertyName("segRange");
        WriteRange(w, s.Start, s.End);
        w.WritePropertyName("timeRange");
        if (s.Merged)
        {
            w.WriteStartObject();
            w.Property("start", s.Start);
            w.Property("end", s.End);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull();
        }

        w.WritePropertyName("dimension_range_info_map");
        w.WriteStartObject();
        w.WriteEndObject();
        w.Null("parameters");
        w.Null("dictionaries");
        w.Null("snapshots");
        w.Property("last_build_time", s.LastBuildTime);
        w.Property("source_count", s.SourceCount);
        w.Property("source_bytes_size", s.SourceBytesSize);
        EmptyObject(w, "column_source_bytes");
        EmptyObject(w, "ori_snapshot_size");
        w.WritePropertyName("additionalInfo");
        w.WriteStartObject();
        w.Property("segment_path", "hdfs://kylin/kylin_metadata/" + project + "/parquet/" + s.ModelUuid + "/" + s.Id);
        w.Property("file_count", s.FileCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        w.WriteEndObject();
        w.Property("is_realtime_segment", false);
        w.Property("is_snapshot_ready", false);
        w.Property("is_dict_ready", false);
        w.Property("is_flat_table_ready", false);
        w.Property("is_fact_view_ready", false);
        ModelJson.EmptyArray(w, "multi_partitions");
        w.Property("max_bucket_id", s.Status == SegmentStatus.NEW ? -1 : s.FileCount - 1);
        w.Property("bytes_size", s.BytesSize);
        w.Property("hit_count", s.HitCount);
        w.Property("status_to_display", row.StatusToDisplay);
        w.Null("status_second_storage_to_display");
        w.Property("index_count", s.IndexCount);
        w.Property("locked_index_count", s.IndexCountTotal - s.IndexCount);
        w.Property("index_count_total", s.IndexCountTotal);
        w.Property("multi_partition_count", 0);
        w.Property("multi_partition_count_total", 0);
        w.Property("row_count", s.RowCount);
        w.Null("second_storage_nodes");
        w.Property("second_storage_size", 0);
        w.Property("has_base_table_index", s.IndexCount > 0);
        w.Property("has_base_agg_index", s.IndexCount > 0);
        w.Property("has_base_table_index_data", s.IndexCount > 0);
        w.Property("last_modified_time", row.LastModifiedTime);
        subclassFields?.Invoke(w);
        w.WriteEndObject();
    }

    /// <summary>A TimePartitionedSegmentRange.</summary>
    public static void WriteRange(JsonWriter w, long start, long end)
    {
        w.WriteStartObject();
        w.Property("@class", TimeRangeClass);
        w.Property("date_range_start", start);
        w.Property("date_range_end", end);
        w.WriteEndObject();
    }

    private static void EmptyObject(JsonWriter w, string name)
    {
        w.WritePropertyName(name);
        w.WriteStartObject();
        w.WriteEndObject();
    }
}
