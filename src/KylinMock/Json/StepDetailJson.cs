using KylinMock.Jobs;
using Newtonsoft.Json;

namespace KylinMock.Json;

/// <summary>
/// Writes a step as <c>GET .../detail</c> answers it (<c>ExecutableStepResponse</c>, <c>JobService.getJobDetail</c>):
/// top-level counts 0, the stages of Spark steps in <c>sub_stages</c> and per segment in <c>segment_sub_stages</c>,
/// the failed step's explanation, and every step and stage DISCARDED in a DISCARDED job.
/// </summary>
internal static class StepDetailJson
{
    /// <summary>Writes step <paramref name="index"/>; <paramref name="chinese"/> picks the Chinese failure reason and resolve.</summary>
    public static void Write(JsonWriter w, Job job, int index, long now, bool chinese)
    {
        var step = job.Steps[index];
        var stages = JobStages.Of(job, index, now);
        var failure = StepFailures.Of(job, index, stages, chinese);
        var discarded = job.State == ExecutableState.DISCARDED;
        var duration = JobTiming.StepDuration(step, now);
        if (stages is not null && (stages.Segments is null || stages.Segments.Count <= 1))
        {
            duration = stages.SubStages.Sum(s => s.Duration);
        }

        w.WriteStartObject();
        w.Property("id", step.Id);
        w.Property("name", step.Name);
        w.Property("sequence_id", step.SequenceId);
        w.Null("exec_cmd");
        w.Property("exec_start_time", step.StartTime);
        w.Property("exec_end_time", step.EndTime);
        w.Property("duration", duration);
        w.Property("wait_time", JobTiming.StepWait(job, index, now));
        w.Property("create_time", step.CreateTime);
        w.Property("index_count", 0L);
        w.Property("success_index_count", 0L);
        w.Property("step_status", (discarded ? JobStatus.DISCARDED : step.State.ToJobStatus()).ToString());
        w.Property("cmd_type", "SHELL_CMD_HADOOP");
        EmptyObject(w, "info");
        w.Null("previous_step");
        EmptyArray(w, "next_steps");
        w.Property("failed_msg", failure?.Message);
        w.Property("failed_step_name", failure?.StepName);
        w.Property("failed_step_id", failure?.StepId);
        w.Property("failed_segment_id", failure?.SegmentId);
        w.Property("failed_stack", failure?.Stack);
        w.Property("failed_resolve", failure?.Resolve);
        w.Property("failed_reason", failure?.Reason);
        w.Property("failed_code", failure?.Code);
        w.WritePropertyName("sub_stages");
        if (stages is null)
        {
            w.WriteNull();
        }
        else
        {
            w.WriteStartArray();
            foreach (var stage in stages.SubStages)
            {
                Stage(w, stage, discarded, withInfo: false);
            }

            w.WriteEndArray();
        }

        w.WritePropertyName("segment_sub_stages");
        if (stages?.Segments is null)
        {
            w.WriteNull();
        }
        else
        {
            w.WriteStartObject();
            foreach (var segment in stages.Segments)
            {
                w.WritePropertyName(segment.SegmentId);
                Segment(w, segment, discarded);
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void Segment(JsonWriter w, SegmentStages segment, bool discarded)
    {
        w.WriteStartObject();
        w.Property("duration", segment.Duration);
        w.Property("wait_time", segment.WaitTime);
        w.Property("step_ratio", segment.StepRatio);
        w.Property("name", segment.Range?.Name);
        Long(w, "start_time", segment.Range?.Start);
        Long(w, "end_time", segment.Range?.End);
        w.Property("exec_start_time", segment.ExecStartTime);
        w.Property("exec_end_time", segment.ExecEndTime);
        w.WritePropertyName("stage");
        w.WriteStartArray();
        foreach (var stage in segment.Stages)
        {
            Stage(w, stage, discarded, withInfo: true);
        }

        w.WriteEndArray();
        EmptyObject(w, "info");
        w.WriteEndObject();
    }

    // A stage (ExecutableStepResponse order); the merged step-level copy has an empty info and create_time 0.
    private static void Stage(JsonWriter w, JobStage stage, bool discarded, bool withInfo)
    {
        w.WriteStartObject();
        w.Property("id", stage.Id);
        w.Property("name", stage.Name);
        w.Property("sequence_id", stage.SequenceId);
        w.Null("exec_cmd");
        w.Property("exec_start_time", stage.StartTime);
        w.Property("exec_end_time", stage.EndTime);
        w.Property("duration", stage.Duration);
        w.Property("wait_time", 0L);
        w.Property("create_time", stage.CreateTime);
        w.Property("index_count", stage.IndexCount);
        w.Property("success_index_count", stage.SuccessIndexCount);
        w.Property("step_status", (discarded ? JobStatus.DISCARDED : stage.Status).ToString());
        w.Property("cmd_type", "SHELL_CMD_HADOOP");
        w.WritePropertyName("info");
        w.WriteStartObject();
        if (withInfo && stage.IndexSuccessInfo is { } reported)
        {
            w.Property("indexSuccessCount", reported);
        }

        w.WriteEndObject();
        w.Null("previous_step");
        EmptyArray(w, "next_steps");
        foreach (var name in (string[])["failed_msg", "failed_step_name", "failed_step_id", "failed_segment_id", "failed_stack", "failed_resolve", "failed_reason", "failed_code", "sub_stages", "segment_sub_stages"])
        {
            w.Null(name);
        }

        w.WriteEndObject();
    }

    private static void Long(JsonWriter w, string name, long? value)
    {
        w.WritePropertyName(name);
        w.WriteValue(value);
    }

    private static void EmptyObject(JsonWriter w, string name)
    {
        w.WritePropertyName(name);
        w.WriteStartObject();
        w.WriteEndObject();
    }

    private static void EmptyArray(JsonWriter w, string name)
    {
        w.WritePropertyName(name);
        w.WriteStartArray();
        w.WriteEndArray();
    }
}
