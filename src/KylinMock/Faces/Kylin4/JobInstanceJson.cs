using System.Globalization;
using KylinMock.Answers;
using Newtonsoft.Json;

namespace KylinMock.Kylin4;

/// <summary>Writes a <see cref="JobInstance"/> in Jackson's field order (contract §3.1, §3.2; DOC31:1645-1760).</summary>
internal static class JobInstanceJson
{
    /// <summary>One JobInstance object.</summary>
    public static void Write(JsonWriter w, JobInstance job)
    {
        w.WriteStartObject();
        EstateJson.Root(w, job.Uuid, job.LastModified);
        w.Property("name", job.Name);
        w.Property("projectName", job.ProjectName);
        w.Property("type", job.Type);
        w.Property("duration", job.Duration);
        w.Property("related_object", job.RelatedObject);
        w.Property("related_cube", job.RelatedCube);
        w.Property("display_cube_name", job.RelatedCube);
        w.Property("related_segment", job.RelatedSegment);
        w.Property("related_segment_name", job.RelatedSegmentName);
        w.Property("exec_start_time", job.ExecStartTime);
        w.Property("exec_end_time", job.ExecEndTime);
        w.Property("exec_interrupt_time", 0L);
        w.Property("mr_waiting", 0L);
        w.WritePropertyName("steps");
        w.WriteStartArray();
        foreach (var step in job.Steps)
        {
            WriteStep(w, step);
        }

        w.WriteEndArray();
        w.Property("submitter", job.Submitter);
        w.Property("job_status", job.JobStatus);
        w.Property("build_instance", job.BuildInstance);
        w.Property("progress", job.Progress);
        w.WriteEndObject();
    }

    /// <summary>A list of JobInstances.</summary>
    public static byte[] List(IReadOnlyList<JobInstance> jobs) => EnvelopeJson.Write(Formatting.None, w =>
    {
        w.WriteStartArray();
        foreach (var job in jobs)
        {
            Write(w, job);
        }

        w.WriteEndArray();
    });

    /// <summary>One JobInstance as a body.</summary>
    public static byte[] One(JobInstance job) => EnvelopeJson.Write(Formatting.None, w => Write(w, job));

    // interruptCmd first: an unannotated getter (JI:463); info holds startTime and endTime as strings once set (AE:119,174).
    private static void WriteStep(JsonWriter w, JobInstance.Step step)
    {
        w.WriteStartObject();
        w.Null("interruptCmd");
        w.Property("id", step.Id);
        w.Property("name", step.Name);
        w.Property("sequence_id", step.SequenceId);
        w.Null("exec_cmd");
        w.Null("interrupt_cmd");
        w.Property("exec_start_time", step.ExecStartTime);
        w.Property("exec_end_time", step.ExecEndTime);
        w.Property("exec_wait_time", 0L);
        w.Property("step_status", step.Status);
        w.Property("cmd_type", "SHELL_CMD_HADOOP");
        w.WritePropertyName("info");
        w.WriteStartObject();
        if (step.ExecStartTime > 0)
        {
            w.Property("startTime", step.ExecStartTime.ToString(CultureInfo.InvariantCulture));
        }

        if (step.ExecEndTime > 0)
        {
            w.Property("endTime", step.ExecEndTime.ToString(CultureInfo.InvariantCulture));
        }

        w.WriteEndObject();
        w.Property("run_async", false);
        w.WriteEndObject();
    }
}
