using KylinMock.Jobs;
using Newtonsoft.Json;

namespace KylinMock.Json;

/// <summary>
/// Writes jobs and steps in Kylin's shapes (<c>ExecutableResponse</c>, <c>ExecutableStepResponse</c>):
/// snake_case, Kylin's field order, nulls written, timing fields computed at <c>now</c>.
/// The list API and the fixture file share it, so a fixture's jobs are exactly the list's jobs.
/// </summary>
internal static class JobJson
{
    /// <summary>Writes one job; <paramref name="withSteps"/> false writes <c>"steps":[]</c> as the list API does.</summary>
    public static void WriteJob(JsonWriter w, Job job, long now, bool withSteps)
    {
        var duration = JobTiming.Duration(job, now);
        var wait = JobTiming.WaitTime(job, now);
        var (subject, subjectError) = JobSubject.Displayed(job);
        w.WriteStartObject();
        w.WritePropertyName("id");
        w.WriteValue(job.Id);
        w.WritePropertyName("last_modified");
        w.WriteValue(job.LastModified);
        w.WritePropertyName("duration");
        w.WriteValue(duration);
        w.WritePropertyName("total_duration");
        w.WriteValue(wait + duration);
        w.WritePropertyName("exec_start_time");
        w.WriteValue(job.StartTime);
        w.WritePropertyName("steps");
        w.WriteStartArray();
        if (withSteps)
        {
            for (var i = 0; i < job.Steps.Count; i++)
            {
                WriteStep(w, job, i, now);
            }
        }

        w.WriteEndArray();
        w.WritePropertyName("job_status");
        w.WriteValue(job.Status.ToString());
        w.WritePropertyName("job_name");
        w.WriteValue(job.JobName.ToString());
        w.WritePropertyName("data_range_start");
        w.WriteValue(job.DataRangeStart);
        w.WritePropertyName("data_range_end");
        w.WriteValue(job.DataRangeEnd);
        w.WritePropertyName("target_model");
        w.WriteValue(job.TargetModel);
        w.WritePropertyName("target_segments");
        WriteStrings(w, job.TargetSegments);
        w.WritePropertyName("step_ratio");
        w.WriteValue(JobTiming.StepRatio(job));
        w.WritePropertyName("create_time");
        w.WriteValue(job.CreateTime);
        w.WritePropertyName("wait_time");
        w.WriteValue(wait);
        w.WritePropertyName("target_subject");
        w.WriteValue(subject);
        w.WritePropertyName("target_subject_error");
        w.WriteValue(subjectError);
        w.WritePropertyName("project");
        w.WriteValue(job.Project);
        w.WritePropertyName("submitter");
        w.WriteValue(job.Submitter);
        w.WritePropertyName("exec_end_time");
        w.WriteValue(job.EndTime);
        w.WritePropertyName("discard_safety");
        w.WriteValue(job.DiscardSafety);
        w.WritePropertyName("tag");
        if (job.TagJson is null)
        {
            w.WriteNull();
        }
        else
        {
            w.WriteRawValue(job.TagJson);
        }

        w.WritePropertyName("snapshot_data_range");
        w.WriteValue(job.SnapshotDataRange);
        w.WritePropertyName("job_scheduler_mode");
        w.WriteValue(job.JobSchedulerMode);
        w.WritePropertyName("segments");
        w.WriteStartArray();
        foreach (var segment in job.Segments)
        {
            w.WriteStartObject();
            w.WritePropertyName("id");
            w.WriteValue(segment.Id);
            w.WritePropertyName("status_to_display");
            w.WriteValue(segment.StatusToDisplay);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WritePropertyName("version");
        w.WriteValue(job.Version);
        w.WritePropertyName("related_segment");
        w.WriteValue(string.Join(',', job.TargetSegments));
        w.WritePropertyName("progress");
        w.WriteValue(JobTiming.Progress(job));
        w.WriteEndObject();
    }

    /// <summary>Writes step <paramref name="index"/> of the job in the detail shape; a DISCARDED job's steps all show DISCARDED.</summary>
    public static void WriteStep(JsonWriter w, Job job, int index, long now)
    {
        var step = job.Steps[index];
        var failed = step.State == ExecutableState.ERROR;
        var status = job.State == ExecutableState.DISCARDED ? JobStatus.DISCARDED : step.State.ToJobStatus();
        w.WriteStartObject();
        w.WritePropertyName("id");
        w.WriteValue(step.Id);
        w.WritePropertyName("name");
        w.WriteValue(step.Name);
        w.WritePropertyName("sequence_id");
        w.WriteValue(step.SequenceId);
        w.WritePropertyName("exec_cmd");
        w.WriteNull();
        w.WritePropertyName("exec_start_time");
        w.WriteValue(step.StartTime);
        w.WritePropertyName("exec_end_time");
        w.WriteValue(step.EndTime);
        w.WritePropertyName("duration");
        w.WriteValue(JobTiming.StepDuration(step, now));
        w.WritePropertyName("wait_time");
        w.WriteValue(JobTiming.StepWait(job, index, now));
        w.WritePropertyName("create_time");
        w.WriteValue(step.CreateTime);
        w.WritePropertyName("index_count");
        w.WriteValue((long)step.IndexCount);
        w.WritePropertyName("success_index_count");
        w.WriteValue((long)step.SuccessIndexCount);
        w.WritePropertyName("step_status");
        w.WriteValue(status.ToString());
        w.WritePropertyName("cmd_type");
        w.WriteValue("SHELL_CMD_HADOOP");
        w.WritePropertyName("info");
        w.WriteStartObject();
        w.WriteEndObject();
        w.WritePropertyName("previous_step");
        w.WriteNull();
        w.WritePropertyName("next_steps");
        w.WriteStartArray();
        w.WriteEndArray();
        w.WritePropertyName("failed_msg");
        w.WriteValue(failed ? step.FailedMessage : null);
        w.WritePropertyName("failed_step_name");
        w.WriteValue(failed ? step.Name : null);
        w.WritePropertyName("failed_step_id");
        w.WriteValue(failed ? step.Id : null);
        w.WritePropertyName("failed_segment_id");
        w.WriteValue(failed ? job.TargetSegments.FirstOrDefault() : null);
        w.WritePropertyName("failed_stack");
        w.WriteValue(failed ? step.FailedStack : null);
        w.WritePropertyName("failed_resolve");
        w.WriteNull();
        w.WritePropertyName("failed_reason");
        w.WriteNull();
        w.WritePropertyName("failed_code");
        w.WriteNull();
        w.WritePropertyName("sub_stages");
        w.WriteNull();
        w.WritePropertyName("segment_sub_stages");
        w.WriteNull();
        w.WriteEndObject();
    }

    private static void WriteStrings(JsonWriter w, IReadOnlyList<string> values)
    {
        w.WriteStartArray();
        foreach (var value in values)
        {
            w.WriteValue(value);
        }

        w.WriteEndArray();
    }
}
