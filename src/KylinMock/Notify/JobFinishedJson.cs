using KylinMock.Answers;
using KylinMock.Jobs;
using KylinMock.Models;
using Newtonsoft.Json;

namespace KylinMock.Notify;

/// <summary>
/// The body Kylin POSTs to <c>kylin.job.finished-notifier-url</c> when a job's run loop ends (build
/// contract §11; JOB/execution/AbstractExecutable notify, JobFinishedNotifier), fields in Kylin's order, nulls written.
/// </summary>
internal static class JobFinishedJson
{
    private const string OutsideKylin = "KE-060100201";

    /// <summary>The body for <paramref name="job"/> as it stands, with the model's segments that still exist.</summary>
    public static string Write(Job job, ModelCatalog catalog, long now)
    {
        var model = job.JobName.SubjectKind() == SubjectKind.Model;
        var segments = model ? catalog.Segments(job.TargetModel).Where(s => job.TargetSegments.Contains(s.Id)).ToArray() : [];
        var failed = job.Steps.FirstOrDefault(s => s.FailedMessage is not null);
        using var text = new StringWriter();
        using (var w = new JsonTextWriter(text))
        {
            w.WriteStartObject();
            w.Property("job_id", job.Id);
            w.Property("project", job.Project);
            w.Property("model_id", model ? job.TargetModel : null);
            w.WritePropertyName("segment_ids");
            w.WriteStartArray();
            foreach (var id in job.TargetSegments)
            {
                w.WriteValue(id);
            }

            w.WriteEndArray();
            w.WritePropertyName("index_ids");
            w.WriteStartArray();
            w.WriteEndArray();
            w.Property("duration", JobTiming.Duration(job, now));
            w.Property("job_state", State(job.State));
            w.Property("job_type", job.JobName.ToString());
            w.WritePropertyName("segment_time_range");
            w.WriteStartArray();
            foreach (var s in segments)
            {
                w.WriteStartObject();
                w.Property("segment_id", s.Id);
                w.Property("data_range_start", s.Start);
                w.Property("data_range_end", s.End);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WritePropertyName("segment_partition_info");
            w.WriteStartArray();
            w.WriteEndArray();
            WriteSnapshot(w, job, catalog);
            w.Property("start_time", job.StartTime);
            w.Property("end_time", job.EndTime);
            w.WritePropertyName("tag");
            if (job.TagJson is null)
            {
                w.WriteNull();
            }
            else
            {
                w.WriteRawValue(job.TagJson);
            }

            // A mock step failure is not a KylinException: Kylin reports it as an exception outside Kylin.
            w.Property("error_code", failed is null ? null : OutsideKylin);
            w.Property("suggestion", failed is null ? null : "Please check whether the external environment(other systems, components, etc.) is normal.");
            w.Property("msg", failed is null ? null : OutsideKylin + ": An Exception occurred outside Kylin 5.0.");
            w.Property("code", failed is null ? null : "999");
            w.Property("stacktrace", failed?.FailedStack);
            w.WriteEndObject();
        }

        return text.ToString();
    }

    // SUICIDAL is sent as DISCARDED.
    private static string State(ExecutableState state) => state == ExecutableState.SUICIDAL ? "DISCARDED" : state.ToString();

    private static void WriteSnapshot(JsonWriter w, Job job, ModelCatalog catalog)
    {
        w.WritePropertyName("snapshot_job_info");
        if (job.JobName.SubjectKind() != SubjectKind.Snapshot)
        {
            w.WriteNull();
            return;
        }

        var dot = job.TargetModel.IndexOf('.');
        w.WriteStartObject();
        w.Property("table", dot < 0 ? job.TargetModel : job.TargetModel[(dot + 1)..]);
        w.Property("database", dot < 0 ? null : job.TargetModel[..dot]);
        w.Property("total_rows", 0L);
        w.Property("storage", 0L);
        w.Property("last_modified_time", job.LastModified);
        w.Property("status", catalog.HasSnapshot(job.Project, job.TargetModel) ? "ONLINE" : "OFFLINE");
        w.Property("select_partition_col", (string?)null);
        w.WriteEndObject();
    }
}
