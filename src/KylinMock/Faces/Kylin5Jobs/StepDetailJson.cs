using KylinMock.Jobs;
using Newtonsoft.Json;

namespace KylinMock.Answers;

/// <summary>
/// Writes a step as <c>GET .../detail</c> answers it (<c>ExecutableStepResponse</c>, <c>JobService.getJobDetail</c>):
/// top-level counts 0, the stages of Spark steps in <c>sub_stages</c> and per segment in <c>segment_sub_stages</c>,
/// the failed step's explanation, and every step and stage DISCARDED in a DISCARDED job.
/// </summary>
internal static class StepDetailJson
{
    /// <summary>
    /// Writes step <paramref name="index"/>; <paramref name="chinese"/> picks the Chinese failure reason and resolve;
    /// <paramref name="oldParams"/> (the v2 API) leads with <c>exec_wait_time</c> (= wait_time): unrenamed
    /// <c>@JsonUnwrapped</c> properties precede renamed ones.
    /// </summary>
    public static void Write(JsonWriter w, Job job, int index, long now, bool chinese, bool oldParams = false)
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

        var wait = JobTiming.StepWait(job, index, now);
        w.WriteStartObject();
        if (oldParams)
        {
            w.Property("exec_wait_time", wait);
        }

        Head(w, new JobStage(step.Id, step.Name, step.SequenceId, discarded ? JobStatus.DISCARDED : step.State.ToJobStatus(), step.StartTime,
            step.EndTime, duration, step.CreateTime, 0, 0, null), wait, step.State);
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
        Head(w, discarded ? stage with { Status = JobStatus.DISCARDED } : stage, 0, withInfo ? StageState(stage.Status) : null);
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

    /// <summary>
    /// The fields every step and stage starts with (<c>ExecutableStepResponse</c> order), <c>id</c> to <c>cmd_type</c>;
    /// 5.0.x adds the raw state as <c>scheduler_state</c> after <c>step_status</c> (<c>JobInfoService.parseToExecutableStep</c>,
    /// <c>parseStageToExecutableStep</c>; null on the merged copies <c>setStage</c> makes).
    /// </summary>
    public static void Head(JsonWriter w, JobStage s, long waitTime, ExecutableState? schedulerState)
    {
        w.Property("id", s.Id);
        w.Property("name", s.Name);
        w.Property("sequence_id", s.SequenceId);
        w.Null("exec_cmd");
        w.Property("exec_start_time", s.StartTime);
        w.Property("exec_end_time", s.EndTime);
        w.Property("duration", s.Duration);
        w.Property("wait_time", waitTime);
        w.Property("create_time", s.CreateTime);
        w.Property("index_count", s.IndexCount);
        w.Property("success_index_count", s.SuccessIndexCount);
        w.Property("step_status", s.Status.ToString());
        w.Property("scheduler_state", schedulerState?.ToString());
        w.Property("cmd_type", "SHELL_CMD_HADOOP");
    }

    // A stage's own state, as its displayed status shows it.
    private static ExecutableState StageState(JobStatus status) => status switch
    {
        JobStatus.RUNNING => ExecutableState.RUNNING,
        JobStatus.FINISHED => ExecutableState.SUCCEED,
        JobStatus.ERROR => ExecutableState.ERROR,
        JobStatus.STOPPED => ExecutableState.PAUSED,
        JobStatus.DISCARDED => ExecutableState.DISCARDED,
        _ => ExecutableState.READY,
    };

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
