using KylinMock.Jobs;
using KylinMock.Json;
using Newtonsoft.Json;

namespace KylinMock.Fixtures;

/// <summary>
/// Reads one job object in Kylin's list shape (as a captured <c>data.value</c> element has it),
/// streaming; derived fields (total_duration, wait_time, progress, related_segment) are recomputed
/// by the mock and so only read past. Unknown fields are skipped.
/// </summary>
internal static class JobRecordReader
{
    public static JobRecord Read(JsonReader r, Func<string, Exception> fail)
    {
        var job = new JobRecord();
        JsonRead.Object(r, fail, name =>
        {
            switch (name)
            {
                case "id": job.Id = JsonRead.RequiredString(r, fail, name); break;
                case "last_modified": job.LastModified = JsonRead.Long(r, fail, name); break;
                case "duration": job.Duration = JsonRead.Long(r, fail, name); break;
                case "exec_start_time": job.ExecStartTime = JsonRead.Long(r, fail, name); break;
                case "exec_end_time": job.ExecEndTime = JsonRead.Long(r, fail, name); break;
                case "steps": JsonRead.Array(r, fail, name, i => job.Steps.Add(ReadStep(r, Step(fail, i)))); break;
                case "job_status": job.Status = ParseStatus(JsonRead.RequiredString(r, fail, name), name, fail); break;
                case "job_name": job.JobName = ParseType(JsonRead.RequiredString(r, fail, name), fail); break;
                case "data_range_start": job.DataRangeStart = JsonRead.Long(r, fail, name); break;
                case "data_range_end": job.DataRangeEnd = JsonRead.Long(r, fail, name); break;
                case "target_model": job.TargetModel = JsonRead.String(r, fail, name); break;
                case "target_segments": job.TargetSegments = JsonRead.Strings(r, fail, name); break;
                case "step_ratio": job.StepRatio = ReadFloat(r, fail, name); break;
                case "create_time": job.CreateTime = JsonRead.Long(r, fail, name); break;
                case "target_subject": job.TargetSubject = JsonRead.String(r, fail, name); break;
                case "target_subject_error": job.TargetSubjectError = JsonRead.Bool(r, fail, name); break;
                case "project": job.Project = JsonRead.RequiredString(r, fail, name); break;
                case "submitter": job.Submitter = JsonRead.String(r, fail, name); break;
                case "discard_safety": job.DiscardSafety = JsonRead.Bool(r, fail, name); break;
                case "tag": job.TagJson = JsonRead.Raw(r); break;
                case "snapshot_data_range": job.SnapshotDataRange = JsonRead.String(r, fail, name); break;
                case "job_scheduler_mode": job.JobSchedulerMode = JsonRead.String(r, fail, name) ?? "CHAIN"; break;
                case "segments": JsonRead.Array(r, fail, name, _ => job.Segments.Add(ReadSegment(r, fail))); break;
                case "version": job.Version = JsonRead.String(r, fail, name); break;
                default: r.Skip(); break;
            }
        });
        return job;
    }

    private static Func<string, Exception> Step(Func<string, Exception> fail, int index) =>
        message => fail($"step #{index}: {message}");

    private static StepRecord ReadStep(JsonReader r, Func<string, Exception> fail)
    {
        var step = new StepRecord();
        JsonRead.Object(r, fail, name =>
        {
            switch (name)
            {
                case "id": step.Id = JsonRead.String(r, fail, name); break;
                case "name": step.Name = JsonRead.String(r, fail, name); break;
                case "sequence_id": step.SequenceId = JsonRead.Int(r, fail, name); break;
                case "exec_start_time": step.ExecStartTime = JsonRead.Long(r, fail, name); break;
                case "exec_end_time": step.ExecEndTime = JsonRead.Long(r, fail, name); break;
                case "duration": step.Duration = JsonRead.Long(r, fail, name); break;
                case "create_time": step.CreateTime = JsonRead.Long(r, fail, name); break;
                case "index_count": step.IndexCount = JsonRead.Long(r, fail, name); break;
                case "success_index_count": step.SuccessIndexCount = JsonRead.Long(r, fail, name); break;
                case "step_status": step.Status = ParseStatus(JsonRead.RequiredString(r, fail, name), name, fail); break;
                case "failed_msg": step.FailedMessage = JsonRead.String(r, fail, name); break;
                case "failed_stack": step.FailedStack = JsonRead.String(r, fail, name); break;
                default: r.Skip(); break;
            }
        });
        return step;
    }

    private static JobSegment ReadSegment(JsonReader r, Func<string, Exception> fail)
    {
        string? id = null;
        string? status = null;
        JsonRead.Object(r, fail, name =>
        {
            switch (name)
            {
                case "id": id = JsonRead.String(r, fail, "segments.id"); break;
                case "status_to_display": status = JsonRead.String(r, fail, "segments.status_to_display"); break;
                default: r.Skip(); break;
            }
        });
        return new JobSegment(id ?? throw fail("field \"segments.id\": missing"), status);
    }

    private static float ReadFloat(JsonReader r, Func<string, Exception> fail, string field) => r.TokenType switch
    {
        JsonToken.Float or JsonToken.Integer => Convert.ToSingle(r.Value, System.Globalization.CultureInfo.InvariantCulture),
        _ => throw fail($"field \"{field}\": expected a number"),
    };

    // The statuses a job or step can display (never NEW, SUICIDAL or the refused names).
    private static JobStatus ParseStatus(string value, string field, Func<string, Exception> fail) =>
        JobStatuses.TryParse(value, out var status) && status is JobStatus.PENDING or JobStatus.RUNNING or JobStatus.FINISHED
            or JobStatus.ERROR or JobStatus.DISCARDED or JobStatus.STOPPED
            ? status
            : throw fail($"field \"{field}\": \"{value}\" is not a displayed status (PENDING, RUNNING, FINISHED, ERROR, DISCARDED, STOPPED)");

    private static JobType ParseType(string value, Func<string, Exception> fail) =>
        JobTypes.TryParse(value, out var type) ? type : throw fail($"field \"job_name\": \"{value}\" is not a Kylin job type");
}
