using KylinMock.Jobs;

namespace KylinMock.Fixtures;

/// <summary>
/// Turns a job read in Kylin's shape (and its optional <c>mock_jobs</c> entry) into a live job.
/// A job captured from a real Kylin list has no steps and no plan: its steps are rebuilt from its
/// type, status, step ratio and times, and its plan is drawn from a seed derived from its id.
/// </summary>
internal static class JobAssembler
{
    public static Job Assemble(JobRecord record, MockJob? mock, Func<string, Exception> fail)
    {
        var id = record.Id ?? throw fail("field \"id\": missing");
        var status = record.Status ?? throw fail("field \"job_status\": missing");
        var type = record.JobName ?? throw fail("field \"job_name\": missing");
        var project = record.Project ?? throw fail("field \"project\": missing");
        var targetModel = record.TargetModel ?? throw fail("field \"target_model\": missing");
        var createTime = record.CreateTime ?? throw fail("field \"create_time\": missing");
        var lastModified = record.LastModified ?? throw fail("field \"last_modified\": missing");
        var state = mock?.State ?? ToState(status);
        if (state.ToJobStatus() != status)
        {
            throw fail($"mock_jobs state {state} is shown as {state.ToJobStatus()}, but job_status is {status}");
        }

        var (health, alias) = Subject(record, type, project);
        var job = new Job
        {
            Id = id,
            Project = project,
            JobName = type,
            TargetModel = targetModel,
            SubjectAlias = alias,
            SubjectHealth = mock?.SubjectHealth ?? health,
            DataRangeStart = record.DataRangeStart,
            DataRangeEnd = record.DataRangeEnd,
            TargetSegments = record.TargetSegments,
            Submitter = record.Submitter,
            DiscardSafety = record.DiscardSafety,
            TagJson = record.TagJson,
            SnapshotDataRange = record.SnapshotDataRange,
            JobSchedulerMode = record.JobSchedulerMode,
            Segments = record.Segments,
            Version = record.Version,
            State = state,
            CreateTime = createTime,
            LastModified = lastModified,
            StartTime = record.ExecStartTime,
            EndTime = record.ExecEndTime,
            Plan = mock?.Plan ?? DefaultPlan.For(id, type.StepNames().Count),
            PlanCountsFromLoad = mock?.Plan is null,
            Runs = mock?.Runs ?? (record.ExecStartTime > 0 ? 1 : 0),
            ReadySince = mock?.ReadySince ?? (state == ExecutableState.READY ? lastModified : createTime),
        };
        job.history.Add(state);
        job.Steps = record.Steps.Count > 0
            ? record.Steps.Select((s, i) => Step(job, s, i, mock, fail)).ToArray()
            : StepSynthesis.Steps(job, record);
        RestoreSucceededSteps(job, record);
        return job;
    }

    // Kylin's detail shows every step of a discarded job DISCARDED; the list's step ratio still counts those that succeeded.
    private static void RestoreSucceededSteps(Job job, JobRecord record)
    {
        if (job.Status != JobStatus.DISCARDED || record.Steps.Count == 0 || record.StepRatio is not { } ratio)
        {
            return;
        }

        var succeeded = (int)Math.Floor(ratio * job.Steps.Count + 1e-3);
        for (var i = 0; i < succeeded && i < job.Steps.Count; i++)
        {
            if (job.Steps[i].State == ExecutableState.DISCARDED && job.Steps[i].EndTime > 0)
            {
                job.Steps[i].State = ExecutableState.SUCCEED;
            }
        }
    }

    /// <summary>The internal state behind a displayed status (DISCARDED is taken as user-discarded).</summary>
    public static ExecutableState ToState(JobStatus status) => status switch
    {
        JobStatus.PENDING => ExecutableState.READY,
        JobStatus.RUNNING => ExecutableState.RUNNING,
        JobStatus.FINISHED => ExecutableState.SUCCEED,
        JobStatus.ERROR => ExecutableState.ERROR,
        JobStatus.STOPPED => ExecutableState.PAUSED,
        _ => ExecutableState.DISCARDED,
    };

    // Reverses ExecutableResponse.create: the special target_subject values name what is missing.
    private static (SubjectHealth Health, string? Alias) Subject(JobRecord record, JobType type, string project)
    {
        var subject = record.TargetSubject;
        var error = record.TargetSubjectError;
        return type.SubjectKind() switch
        {
            SubjectKind.Table => (error ? SubjectHealth.TableDeleted : SubjectHealth.Healthy, record.TargetModel),
            SubjectKind.Snapshot => (error ? SubjectHealth.SnapshotDeleted : SubjectHealth.Healthy, record.TargetModel),
            SubjectKind.Project => (SubjectHealth.Healthy, project),
            _ when !error => (SubjectHealth.Healthy, subject),
            _ when subject is not null && subject.EndsWith(" broken", StringComparison.Ordinal) =>
                (SubjectHealth.ModelBroken, subject[..^" broken".Length]),
            _ => (SubjectHealth.ModelDeleted, null),
        };
    }

    private static JobStep Step(Job job, StepRecord s, int index, MockJob? mock, Func<string, Exception> fail)
    {
        var status = s.Status ?? throw fail($"step #{index}: field \"step_status\": missing");
        var state = ToState(status);
        var running = state == ExecutableState.RUNNING;
        return new JobStep
        {
            Id = s.Id ?? $"{job.Id}_{index:00}",
            Name = s.Name ?? (index < job.JobName.StepNames().Count ? job.JobName.StepNames()[index] : "Step " + index),
            SequenceId = s.SequenceId ?? index,
            State = state,
            CreateTime = s.CreateTime,
            StartTime = s.ExecStartTime,
            EndTime = s.ExecEndTime,
            AccumulatedDuration = running ? mock?.RunningStepAccumulated ?? 0 : s.Duration,
            LastRunningStartTime = running ? mock?.RunningStepSince ?? s.ExecStartTime : 0,
            IndexCount = (int)Math.Clamp(s.IndexCount, 0, int.MaxValue),
            SuccessIndexCount = (int)Math.Clamp(s.SuccessIndexCount, 0, int.MaxValue),
            FailedMessage = s.FailedMessage,
            FailedStack = s.FailedStack,
        };
    }
}
