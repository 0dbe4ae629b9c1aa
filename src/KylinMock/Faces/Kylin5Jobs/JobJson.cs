using KylinMock.Jobs;
using Newtonsoft.Json;

namespace KylinMock.Answers;

/// <summary>
/// Writes jobs and steps in Kylin's shapes (<c>ExecutableResponse</c>, <c>ExecutableStepResponse</c>):
/// snake_case, Kylin's field order, nulls written, timing fields computed at <c>now</c>.
/// The list API and the fixture file share it, so a fixture's jobs are exactly the list's jobs.
/// </summary>
internal static class JobJson
{
    /// <summary>The server version the v2 job API writes into each job (<c>KylinVersion.getCurrentVersion</c>, "5.0-SNAPSHOT" as it prints).</summary>
    public const string ServerVersion = KylinVersion.Current;

    /// <summary>Writes one job; <paramref name="withSteps"/> false writes <c>"steps":[]</c> as the list API does.</summary>
    public static void WriteJob(JsonWriter w, Job job, long now, bool withSteps) => WriteJob(w, job, now, withSteps, oldParams: false);

    /// <summary>
    /// Writes one job as the v2 API does (<c>JobService.addOldParams</c>, then the server version): the
    /// unwrapped old params first, then the v4 fields with the full step list (each step led by
    /// <c>exec_wait_time</c>) and <see cref="ServerVersion"/> as <c>version</c>.
    /// </summary>
    public static void WriteJobWithOldParams(JsonWriter w, Job job, long now) => WriteJob(w, job, now, withSteps: true, oldParams: true);

    private static void WriteJob(JsonWriter w, Job job, long now, bool withSteps, bool oldParams)
    {
        var duration = JobTiming.Duration(job, now);
        var wait = JobTiming.WaitTime(job, now);
        var (subject, subjectError) = JobSubject.Displayed(job);
        w.WriteStartObject();
        if (oldParams)
        {
            // The model's alias when target_model names a model the project still has (getDataModelDesc), else null.
            var cube = job.JobName.SubjectKind() == SubjectKind.Model && job.SubjectHealth != SubjectHealth.ModelDeleted ? job.SubjectAlias : null;
            w.Property("project_name", job.Project);
            w.Property("related_cube", cube);
            w.Property("display_cube_name", cube);
            w.Property("uuid", job.Id);
            w.Property("type", OldType(job.JobName));
            w.Property("name", job.JobName.ToString());
            w.Property("exec_interrupt_time", 0L);
            w.Property("mr_waiting", wait);
        }

        w.Property("id", job.Id);
        w.Property("last_modified", job.LastModified);
        w.Property("duration", duration);
        w.Property("total_duration", wait + duration);
        w.Property("exec_start_time", job.StartTime);
        w.WritePropertyName("steps");
        w.WriteStartArray();
        if (withSteps)
        {
            for (var i = 0; i < job.Steps.Count; i++)
            {
                if (oldParams)
                {
                    // The v2 job carries the detail's steps (JobService.addOldParams sets getJobDetail's list).
                    StepDetailJson.Write(w, job, i, now, chinese: false, oldParams: true);
                }
                else
                {
                    WriteStep(w, job, i, now);
                }
            }
        }

        w.WriteEndArray();
        w.Property("job_status", job.Status.ToString());
        w.Property("job_name", job.JobName.ToString());
        w.Property("data_range_start", job.DataRangeStart);
        w.Property("data_range_end", job.DataRangeEnd);
        w.Property("target_model", job.TargetModel);
        w.Property("target_segments", job.TargetSegments);
        w.Property("step_ratio", JobStages.StepRatio(job, now));
        w.Property("create_time", job.CreateTime);
        w.Property("wait_time", wait);
        w.Property("target_subject", subject);
        w.Property("target_subject_error", subjectError);
        w.Property("project", job.Project);
        w.Property("submitter", job.Submitter);
        w.Property("exec_end_time", job.EndTime);
        w.Property("discard_safety", JobSafety.DiscardSafety(job));
        w.WritePropertyName("tag");
        if (job.TagJson is null)
        {
            w.WriteNull();
        }
        else
        {
            w.WriteRawValue(job.TagJson);
        }

        w.Property("snapshot_data_range", job.SnapshotDataRange);
        w.Property("job_scheduler_mode", job.JobSchedulerMode);
        w.WritePropertyName("segments");
        w.WriteStartArray();
        foreach (var segment in job.Segments)
        {
            w.WriteStartObject();
            w.Property("id", segment.Id);
            w.Property("status_to_display", segment.StatusToDisplay);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        // Only the v2 controller sets version (the server's), and progress counts the steps written (JobService.addOldParams
        // fills them for v2 only); the fixture file keeps each job's own version and steps.
        w.Property("version", oldParams ? ServerVersion : withSteps ? job.Version : null);
        w.Property("related_segment", string.Join(',', job.TargetSegments));
        w.Property("progress", withSteps ? JobTiming.Progress(job) : 0.0);
        w.WriteEndObject();
    }

    /// <summary>Writes step <paramref name="index"/> of the job as a fixture keeps it (its index counts, no stages); a DISCARDED job's steps all show DISCARDED. The detail API writes <see cref="StepDetailJson"/>.</summary>
    public static void WriteStep(JsonWriter w, Job job, int index, long now)
    {
        var step = job.Steps[index];
        var failed = step.State == ExecutableState.ERROR;
        var status = job.State == ExecutableState.DISCARDED ? JobStatus.DISCARDED : step.State.ToJobStatus();
        var wait = JobTiming.StepWait(job, index, now);
        w.WriteStartObject();
        StepDetailJson.Head(w, new JobStage(step.Id, step.Name, step.SequenceId, status, step.StartTime, step.EndTime,
            JobTiming.StepDuration(step, now), step.CreateTime, step.IndexCount, step.SuccessIndexCount, null), wait);
        w.WritePropertyName("info");
        w.WriteStartObject();
        w.WriteEndObject();
        w.Null("previous_step");
        w.WritePropertyName("next_steps");
        w.WriteStartArray();
        w.WriteEndArray();
        w.Property("failed_msg", failed ? step.FailedMessage : null);
        w.Property("failed_step_name", failed ? step.Name : null);
        w.Property("failed_step_id", failed ? step.Id : null);
        w.Property("failed_segment_id", failed ? job.TargetSegments.FirstOrDefault() : null);
        w.Property("failed_stack", failed ? step.FailedStack : null);
        w.Null("failed_resolve");
        w.Null("failed_reason");
        w.Null("failed_code");
        w.Null("sub_stages");
        w.Null("segment_sub_stages");
        w.WriteEndObject();
    }

    // JobService.jobTypeMap: the KE3 names of the five types it knows; others are null.
    private static string? OldType(JobType type) => type switch
    {
        JobType.INDEX_REFRESH => "Refresh Data",
        JobType.INDEX_MERGE => "Merge Data",
        JobType.INDEX_BUILD => "Build Index",
        JobType.INC_BUILD => "Load Data",
        JobType.TABLE_SAMPLING => "Sample Table",
        _ => null,
    };
}
