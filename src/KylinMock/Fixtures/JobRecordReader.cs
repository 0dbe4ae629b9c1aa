using System.Text.Json;
using KylinMock.Jobs;

namespace KylinMock.Fixtures;

/// <summary>
/// Reads one job object in Kylin's list shape (as a captured <c>data.value</c> element has it),
/// streaming; derived fields (total_duration, wait_time, progress, related_segment) are recomputed
/// by the mock and so only read past. Unknown fields are skipped.
/// </summary>
internal static class JobRecordReader
{
    /// <summary>Reads one job into the scratch record (which the caller replaces if it keeps it).</summary>
    public static JobRecord Read(ref JsonCursor r, JsonPlace place, ref ReadScratch scratch)
    {
        var job = scratch.Record;
        job.Clear();
        var next = 0;
        try
        {
            r.Object(place);
            while (r.Property(place, PropertyNames<JobField>.Instance, ref next, out var field))
            {
                switch (field)
                {
                    case JobField.Id:
                        job.Id = r.RequiredString(place, "id", pooled: false);

                        // From here on a problem names the job by its id too.
                        place = place.WithJobId(job.Id);
                        break;
                    case JobField.LastModified: job.LastModified = r.Long(place, "last_modified"); break;
                    case JobField.Duration: job.Duration = r.Long(place, "duration"); break;
                    case JobField.ExecStartTime: job.ExecStartTime = r.Long(place, "exec_start_time"); break;
                    case JobField.ExecEndTime: job.ExecEndTime = r.Long(place, "exec_end_time"); break;
                    case JobField.Steps: ReadSteps(ref r, place, job, ref scratch); break;
                    case JobField.JobStatus: job.Status = ParseStatus(r.RequiredString(place, "job_status"), "job_status", place); break;
                    case JobField.SchedulerState: job.SchedulerState = r.String(place, "scheduler_state") is { } raw && Enum.TryParse<ExecutableState>(raw, ignoreCase: false, out var state) && Enum.IsDefined(state) ? state : null; break;
                    case JobField.JobName: job.JobName = ParseType(r.RequiredString(place, "job_name"), place); break;
                    case JobField.DataRangeStart: job.DataRangeStart = r.Long(place, "data_range_start"); break;
                    case JobField.DataRangeEnd: job.DataRangeEnd = r.Long(place, "data_range_end"); break;
                    case JobField.TargetModel: job.TargetModel = r.String(place, "target_model"); break;
                    case JobField.TargetSegments: job.TargetSegments = scratch.Shared(Strings(ref r, place, "target_segments")); break;
                    case JobField.StepRatio: job.StepRatio = r.Float(place, "step_ratio"); break;
                    case JobField.CreateTime: job.CreateTime = r.Long(place, "create_time"); break;
                    case JobField.TargetSubject: job.TargetSubject = r.String(place, "target_subject"); break;
                    case JobField.TargetSubjectError: job.TargetSubjectError = r.Bool(place, "target_subject_error"); break;
                    case JobField.Project: job.Project = r.RequiredString(place, "project"); break;
                    case JobField.Submitter: job.Submitter = r.String(place, "submitter"); break;
                    case JobField.DiscardSafety: job.DiscardSafety = r.Bool(place, "discard_safety"); break;
                    case JobField.Tag: job.TagJson = r.Raw(place); break;
                    case JobField.SnapshotDataRange: job.SnapshotDataRange = r.String(place, "snapshot_data_range"); break;
                    case JobField.JobSchedulerMode: job.JobSchedulerMode = r.String(place, "job_scheduler_mode") ?? "CHAIN"; break;
                    case JobField.Segments: job.Segments = ReadSegments(ref r, place); break;
                    case JobField.Version: job.Version = r.String(place, "version"); break;
                    default: r.Skip(place); break;
                }
            }
        }
        catch (JsonException e)
        {
            throw r.Invalid(place, e);
        }

        return job;
    }

    /// <summary>A list of strings (null reads as none).</summary>
    public static string[] Strings(ref JsonCursor r, in JsonPlace place, string field)
    {
        if (!r.Array(place, field))
        {
            return [];
        }

        List<string>? values = null;
        while (r.Item(place))
        {
            (values ??= new List<string>(4)).Add(r.RequiredString(place, field));
        }

        return values is null ? [] : [.. values];
    }

    // The steps become JobSteps at once when the job's id (and, for a step without a name, its type)
    // was read before them, as in every file the mock writes; otherwise they wait as records.
    private static void ReadSteps(ref JsonCursor r, in JsonPlace place, JobRecord job, ref ReadScratch scratch)
    {
        job.Steps = [];
        job.PendingSteps = null;
        job.StepWithoutStatus = -1;
        if (!r.Array(place, "steps"))
        {
            return;
        }

        var steps = scratch.Steps;
        steps.Clear();
        var ready = job.Id is not null;
        while (r.Item(place))
        {
            var step = ReadStep(ref r, place.Step(steps.Count), job.Id, steps.Count);
            ready &= step.Name is not null || job.JobName is not null;
            steps.Add(step);
        }

        if (steps.Count == 0)
        {
            return;
        }

        if (!ready)
        {
            job.PendingSteps = [.. steps];
            return;
        }

        var made = new JobStep[steps.Count];
        for (var i = 0; i < made.Length; i++)
        {
            var step = steps[i];
            if (step.Status is null && job.StepWithoutStatus < 0)
            {
                job.StepWithoutStatus = i;
            }

            made[i] = JobAssembler.Step(job.Id!, job.JobName ?? default, step, step.Status ?? JobStatus.PENDING, i);
        }

        job.Steps = made;
    }

    private static StepRecord ReadStep(ref JsonCursor r, in JsonPlace place, string? jobId, int index)
    {
        var step = default(StepRecord);
        var next = 0;
        try
        {
            r.Object(place);
            while (r.Property(place, PropertyNames<StepField>.Instance, ref next, out var field))
            {
                switch (field)
                {
                    case StepField.Id: step.Id = IsDerivedId(ref r, jobId, index) ? null : r.String(place, "id", pooled: false); break;
                    case StepField.Name: step.Name = r.String(place, "name"); break;
                    case StepField.SequenceId: step.SequenceId = r.Int(place, "sequence_id"); break;
                    case StepField.ExecStartTime: step.ExecStartTime = r.Long(place, "exec_start_time"); break;
                    case StepField.ExecEndTime: step.ExecEndTime = r.Long(place, "exec_end_time"); break;
                    case StepField.Duration: step.Duration = r.Long(place, "duration"); break;
                    case StepField.CreateTime: step.CreateTime = r.Long(place, "create_time"); break;
                    case StepField.IndexCount: step.IndexCount = r.Long(place, "index_count"); break;
                    case StepField.SuccessIndexCount: step.SuccessIndexCount = r.Long(place, "success_index_count"); break;
                    case StepField.StepStatus: step.Status = ParseStatus(r.RequiredString(place, "step_status"), "step_status", place); break;
                    case StepField.FailedMsg: step.FailedMessage = r.String(place, "failed_msg"); break;
                    case StepField.FailedStack: step.FailedStack = r.String(place, "failed_stack"); break;
                    default: r.Skip(place); break;
                }
            }
        }
        catch (JsonException e)
        {
            throw r.Invalid(place, e);
        }

        return step;
    }

    // "<job id>_<index:00>", the id the mock would give the step anyway, is not kept as a string.
    private static bool IsDerivedId(ref JsonCursor r, string? jobId, int index)
    {
        if (jobId is null || index > 99)
        {
            return false;
        }

        Span<char> expected = stackalloc char[jobId.Length + 3];
        jobId.AsSpan().CopyTo(expected);
        expected[^3] = '_';
        expected[^2] = (char)('0' + (index / 10));
        expected[^1] = (char)('0' + (index % 10));
        return r.StringEquals(expected);
    }

    private static JobSegment[] ReadSegments(ref JsonCursor r, in JsonPlace place)
    {
        if (!r.Array(place, "segments"))
        {
            return [];
        }

        List<JobSegment>? segments = null;
        while (r.Item(place))
        {
            string? id = null;
            string? status = null;
            r.Object(place);
            while (r.Property(place))
            {
                var name = r.Name;
                switch (name)
                {
                    case "id": id = r.String(place, "segments.id"); break;
                    case "status_to_display": status = r.String(place, "segments.status_to_display"); break;
                    default: r.Skip(place); break;
                }
            }

            (segments ??= []).Add(new JobSegment(id ?? throw place.Fail("field \"segments.id\": missing"), status));
        }

        return segments is null ? [] : [.. segments];
    }

    // The statuses a job or step can display (never NEW, SUICIDAL or the refused names).
    private static JobStatus ParseStatus(string value, string field, in JsonPlace place) =>
        JobStatuses.TryParse(value, out var status) && status is JobStatus.PENDING or JobStatus.RUNNING or JobStatus.FINISHED
            or JobStatus.ERROR or JobStatus.DISCARDED or JobStatus.STOPPED
            ? status
            : throw place.Fail($"field \"{field}\": \"{value}\" is not a displayed status (PENDING, RUNNING, FINISHED, ERROR, DISCARDED, STOPPED)");

    private static JobType ParseType(string value, in JsonPlace place) =>
        JobTypes.TryParse(value, out var type) ? type : throw place.Fail($"field \"job_name\": \"{value}\" is not a Kylin job type");
}

/// <summary>
/// Reused while reading one file: the record of the job being read, its steps before they become its
/// array, and the segment lists read so far (jobs of a model build the same runs of segments again
/// and again; equal lists are kept once, as the generator keeps them).
/// </summary>
internal struct ReadScratch
{
    public List<StepRecord> Steps;
    public JobRecord Record;
    private Dictionary<string[], string[]> segmentLists;

    public static ReadScratch Create() => new()
    {
        Steps = new List<StepRecord>(8),
        Record = new JobRecord(),
        segmentLists = new Dictionary<string[], string[]>(SameStrings.Instance),
    };

    /// <summary>The list kept for these strings (pooled strings, so equal lists hold the same instances).</summary>
    public readonly string[] Shared(string[] strings)
    {
        if (strings.Length == 0)
        {
            return strings;
        }

        if (segmentLists.TryGetValue(strings, out var kept))
        {
            return kept;
        }

        segmentLists[strings] = strings;
        return strings;
    }

    private sealed class SameStrings : IEqualityComparer<string[]>
    {
        public static readonly SameStrings Instance = new();

        public bool Equals(string[]? x, string[]? y) => x is not null && y is not null && x.AsSpan().SequenceEqual(y, StringComparer.Ordinal);

        public int GetHashCode(string[] strings)
        {
            var hash = new HashCode();
            foreach (var s in strings)
            {
                hash.Add(s, StringComparer.Ordinal);
            }

            return hash.ToHashCode();
        }
    }
}

/// <summary>A job's fields in the order <c>JobJson</c> writes them (the reader expects them so).</summary>
internal enum JobField
{
    Id, LastModified, Duration, TotalDuration, ExecStartTime, Steps, JobStatus, SchedulerState, JobName, DataRangeStart, DataRangeEnd,
    TargetModel, TargetSegments, StepRatio, CreateTime, WaitTime, TargetSubject, TargetSubjectError, Project, Submitter,
    ExecEndTime, DiscardSafety, Tag, SnapshotDataRange, JobSchedulerMode, Segments, Version, RelatedSegment, Progress,
}

/// <summary>A step's fields in the order <c>JobJson</c> writes them.</summary>
internal enum StepField
{
    Id, Name, SequenceId, ExecCmd, ExecStartTime, ExecEndTime, Duration, WaitTime, CreateTime, IndexCount, SuccessIndexCount,
    StepStatus, CmdType, Info, PreviousStep, NextSteps, FailedMsg, FailedStepName, FailedStepId, FailedSegmentId, FailedStack,
    FailedResolve, FailedReason, FailedCode, SubStages, SegmentSubStages,
}
