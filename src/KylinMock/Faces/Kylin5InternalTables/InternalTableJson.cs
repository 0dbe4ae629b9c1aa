using KylinMock.Models;
using Newtonsoft.Json;

namespace KylinMock.Answers;

/// <summary>
/// Kylin 5.0.x's internal-table answers: <c>InternalTableDescResponse</c> (the list), <c>InternalTablePartitionDetail</c>
/// (the detail), <c>InternalTableLoadingJobResponse</c> (a load), each page in <c>DataResult</c>.
/// </summary>
internal static class InternalTableJson
{
    /// <summary>One table as the list shows it; <paramref name="source"/>'s columns only with <c>need_details</c>.</summary>
    public static void Write(JsonWriter w, InternalTable table, TableDesc? source, bool needDetails)
    {
        w.WriteStartObject();
        w.Property("uuid", table.Uuid);
        w.Property("table_name", table.Name);
        w.Property("database_name", table.Database);

        // The first partition column is shown as the time partition column.
        w.Property("time_partition_col", table.PartitionColumns.Count > 0 ? table.PartitionColumns[0] : null);
        w.Property("date_partition_format", table.DatePartitionFormat);
        w.Property("hit_count", table.HitCount);
        w.Property("row_count", table.RowCount);
        w.Property("storage_size", table.StorageSize);
        w.Property("update_time", table.LastModified);
        w.PropertyMap("tbl_properties", table.TblProperties);
        w.WritePropertyName("columns_info");
        if (needDetails && source is not null)
        {
            w.WriteStartArray();
            for (var i = 0; i < source.Columns.Count; i++)
            {
                w.WriteStartObject();
                w.Property("id", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
                w.Property("name", source.Columns[i].Name);
                w.Property("datatype", source.Columns[i].Datatype);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }
        else
        {
            w.WriteNull();
        }

        w.WriteEndObject();
    }

    /// <summary>One partition (<c>InternalTablePartitionDetail</c>).</summary>
    public static void Write(JsonWriter w, InternalTable table, InternalTablePartition partition)
    {
        w.WriteStartObject();
        w.Property("storage_path", table.Location + "/" + table.PartitionColumns[0] + "=" + partition.Value);
        w.Property("size_in_bytes", partition.SizeInBytes);
        w.Property("file_count", partition.FileCount);
        w.Property("partition_value", partition.Value);
        w.WriteEndObject();
    }

    /// <summary><c>DataResult.get(list, offset, limit)</c>: the page cut by PagingUtil, then offset, limit and the total.</summary>
    public static byte[] Page<T>(IReadOnlyList<T> items, int offset, int limit, Action<JsonWriter, T> write) => EnvelopeJson.Success(w =>
    {
        w.WriteStartObject();
        w.WritePropertyName("value");
        w.WriteStartArray();
        foreach (var item in PagingUtil.CutPage(items, offset, limit))
        {
            write(w, item);
        }

        w.WriteEndArray();
        w.Property("offset", offset);
        w.Property("limit", limit);
        w.Property("total_size", items.Count);
        w.WriteEndObject();
    });
}
