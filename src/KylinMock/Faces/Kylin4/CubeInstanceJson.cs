using KylinMock.Answers;
using KylinMock.Models;
using Newtonsoft.Json;

namespace KylinMock.Kylin4;

/// <summary>Writes Kylin 4's <c>CubeInstance</c>, <c>CubeInstanceResponse</c> and <c>CubeSegment</c> (CI:98-132, CubeInstanceResponse.java:31-84, CSEG:70-151; contract §2.4, §4.1).</summary>
internal static class CubeInstanceJson
{
    /// <summary><c>GET /cubes/{c}</c> and the cube actions: the plain CubeInstance.</summary>
    public static byte[] One(CubeView cube) => EnvelopeJson.Write(Formatting.None, w =>
    {
        w.WriteStartObject();
        Fields(w, cube, cube.Model.LastModified, cube.Name, 50);
        w.WriteEndObject();
    });

    /// <summary><c>GET /cubes</c>: CubeInstanceResponse items (the descriptor's last_modified, no display_name, the computed cost, READY segments' sums).</summary>
    public static byte[] List(IReadOnlyList<CubeView> cubes) => EnvelopeJson.Write(Formatting.None, w =>
    {
        w.WriteStartArray();
        foreach (var cube in cubes)
        {
            var model = cube.Model;
            var ready = cube.Segments.Where(s => s.Status == "READY").Select(s => s.Segment).ToArray();
            w.WriteStartObject();
            Fields(w, cube, model.LastModified, null, Cost(model));
            w.Property("project", model.Project);
            w.Property("model", model.Alias);
            w.Property("is_streaming", false);
            w.Property("partitionDateColumn", model.PartitionDesc?.PartitionDateColumn);
            w.Property("partitionDateStart", 0L);
            w.Property("isStandardPartitioned", model.PartitionDesc is not null);
            w.Property("size_kb", ready.Sum(s => s.BytesSize) / 1024);
            w.Property("input_records_count", ready.Sum(s => s.SourceCount));
            w.Property("input_records_size", ready.Sum(s => s.SourceBytesSize));
            w.WriteEndObject();
        }

        w.WriteEndArray();
    });

    /// <summary><c>GET /cubes/{c}/holes</c>: CubeSegments with only name and range set.</summary>
    public static byte[] Holes(IReadOnlyList<(string Name, long Start, long End)> holes) => EnvelopeJson.Write(Formatting.None, w =>
    {
        w.WriteStartArray();
        foreach (var (name, start, end) in holes)
        {
            Segment(w, null, name, start, end, null, null, 0, 0, 0, false, 0, 0, null);
        }

        w.WriteEndArray();
    });

    // CubeInstance's fields in order (CI:98-132).
    private static void Fields(JsonWriter w, CubeView cube, long lastModified, string? displayName, long cost)
    {
        EstateJson.Root(w, cube.Model.Uuid, lastModified);
        w.Property("name", cube.Name);
        w.Property("owner", cube.Model.Owner);
        w.Property("descriptor", cube.Name);
        w.Property("display_name", displayName);
        w.Property("cost", cost);
        w.Property("status", cube.Status);
        w.WritePropertyName("segments");
        w.WriteStartArray();
        foreach (var s in cube.Segments)
        {
            var x = s.Segment;
            Segment(w, x.Id, x.Name, x.Start, x.End, s.Status, StorageId(x.Id), x.BytesSize / 1024, x.SourceCount, x.SourceBytesSize, x.Merged, x.LastBuildTime, x.CreateTime, s.LastBuildJobId);
        }

        w.WriteEndArray();
        w.Property("create_time_utc", cube.Model.CreateTime);
        w.Null("cuboid_bytes");
        w.Null("cuboid_bytes_recommend");
        w.Property("cuboid_last_optimized", 0L);
        w.WritePropertyName("snapshots");
        w.WriteStartObject();
        w.WriteEndObject();
    }

    // CubeSegment's fields in order (CSEG:70-151; the omitted-when-empty ones left out).
    private static void Segment(JsonWriter w, string? uuid, string name, long start, long end, string? status, string? storage, long sizeKb, long records, long recordsSize, bool merged, long lastBuild, long created, string? jobId)
    {
        w.WriteStartObject();
        w.Property("uuid", uuid);
        w.Property("name", name);
        w.Property("storage_location_identifier", storage);
        w.Property("date_range_start", start);
        w.Property("date_range_end", end);
        w.Property("source_offset_start", 0L);
        w.Property("source_offset_end", 0L);
        w.Property("status", status);
        w.Property("size_kb", sizeKb);
        w.Property("is_merged", merged);
        w.Null("estimate_ratio");
        w.Property("input_records", records);
        w.Property("input_records_size", recordsSize);
        w.Property("last_build_time", lastBuild);
        w.Property("last_build_job_id", jobId);
        w.Property("create_time_utc", created);
        w.WritePropertyName("cuboid_shard_nums");
        w.WriteStartObject();
        w.WriteEndObject();
        w.Property("total_shards", 0);
        w.Property("blackout_cuboids", []);
        w.Null("binary_signature");
        w.Null("dictionaries");
        w.WritePropertyName("snapshots");
        w.WriteStartObject();
        w.WriteEndObject();
        w.WritePropertyName("rowkey_stats");
        w.WriteStartArray();
        w.WriteEndArray();
        w.Null("stream_source_checkpoint");
        if (uuid is not null)
        {
            w.WritePropertyName("additionalInfo");
            w.WriteStartObject();
            w.Property("storageType", "4");
            w.WriteEndObject();
        }

        w.Null("cuboid_statics_rows_bytes");
        w.Null("cuboid_statics_size_bytes");
        w.WriteEndObject();
    }

    // CI:367-384: 10 x rowkey columns + measures + 100 x inner-join lookups.
    private static long Cost(DataModel model) =>
        (10L * model.Columns.Count(c => c.IsDimension)) + model.Measures.Count + (100L * model.Lookups.Count(l => string.Equals(l.JoinType, "inner", StringComparison.OrdinalIgnoreCase)));

    // Three characters of [0-9A-Z] on the Spark engine (CM:86,560-580), drawn from the segment id so they stay put.
    private static string StorageId(string id)
    {
        const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        var hash = (uint)Jobs.StableHash.Of(id);
        return new string([Alphabet[(int)(hash % 36)], Alphabet[(int)(hash / 36 % 36)], Alphabet[(int)(hash / 1296 % 36)]]);
    }
}
