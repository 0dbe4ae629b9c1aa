using KylinMock.Jobs;

namespace KylinMock.Fixtures;

/// <summary>
/// Turns a job read in Kylin's shape (and its optional <c>mock_jobs</c> entry) into a live job.
/// A job captured from a real Kylin list has no steps and no plan: its steps are rebuilt from its
/// type, status, step ratio and times, and its plan is drawn from a seed derived from its id.
/// </summary>
internal static class JobAssembler
{
    /// <summary>
    /// Makes as much of the job as its own fields decide, while the file is still read; the record is
    /// kept only when something is missing (<see cref="Finish"/> reports it) or its steps wait as records.
    /// </summary>
    public static JobDraft Begin(JobRecord record)
    {
        if (record is not { Id: { } id, Status: { } status, JobName: { } type, Project: { } project, TargetModel: { } targetModel, CreateTime: { } createTime, LastModified: { } lastModified })
        {
            return new JobDraft { Record = record, Id = record.Id };
        }

        var (health, alias) = Subject(record, type);
        var job = new Job
        {
            Id = id,
            Project = project,
            JobName = type,
            TargetModel = targetModel,
            SubjectAlias = alias,
            SubjectHealth = health,
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
            CreateTime = createTime,
            LastModified = lastModified,
            StartTime = record.ExecStartTime,
            EndTime = record.ExecEndTime,
            Steps = record.Steps,
        };
        return new JobDraft
        {
            Job = job,
            Record = record.PendingSteps is null ? null : record,
            Id = id,
            Status = status,
            SchedulerState = record.SchedulerState is { } raw && raw.ToJobStatus() == status ? raw : null,
            StepRatio = record.StepRatio,
            Duration = record.Duration,
            StepWithoutStatus = record.StepWithoutStatus,
            HasSteps = record.HasSteps,
        };
    }

    /// <summary>Finishes the job with its <c>mock_jobs</c> entry (or without one); every problem is reported at <paramref name="place"/>.</summary>
    public static Job Finish(in JobDraft draft, MockJob? mock, in JsonPlace place)
    {
        if (draft.Job is not { } job)
        {
            throw Missing(draft.Record!, place);
        }

        // A captured 5.0.x answer names the raw state (SUICIDAL, PENDING) behind the shown status; older ones only the status.
        var state = mock?.State ?? draft.SchedulerState ?? ToState(draft.Status);
        if (state.ToJobStatus() != draft.Status)
        {
            throw place.Fail($"mock_jobs state {state} is shown as {state.ToJobStatus()}, but job_status is {draft.Status}");
        }

        job.subjectHealth = mock?.SubjectHealth ?? job.subjectHealth;
        job.State = state;
        job.Plan = mock?.Plan ?? DefaultPlan.For(job.Id, job.JobName.StepNames().Count);
        job.planCountsFromLoad = mock?.Plan is null;
        JobStages.KeepCapturedRatio(job, draft.StepRatio);
        job.Runs = mock?.Runs ?? (job.StartTime > 0 ? 1 : 0);
        job.ReadySince = mock?.ReadySince ?? (state == ExecutableState.READY ? job.LastModified : job.CreateTime);
        job.PendingSince = state == ExecutableState.PENDING ? job.LastModified : 0;
        job.history.Add(state);
        if (draft.Record?.PendingSteps is { Length: > 0 } pending)
        {
            var steps = new JobStep[pending.Length];
            for (var i = 0; i < steps.Length; i++)
            {
                var shown = pending[i].Status ?? throw place.Step(i).Fail("field \"step_status\": missing");
                steps[i] = Step(job.Id, job.JobName, pending[i], shown, i);
            }

            job.Steps = steps;
        }
        else if (draft.HasSteps)
        {
            if (draft.StepWithoutStatus >= 0)
            {
                throw place.Step(draft.StepWithoutStatus).Fail("field \"step_status\": missing");
            }
        }
        else
        {
            job.Steps = StepSynthesis.Steps(job, draft.StepRatio, draft.Duration);
        }

        // The running step's clock is the mock's own (mock_jobs), else it has run since it started.
        if (draft.HasSteps)
        {
            foreach (var step in job.Steps)
            {
                if (step.State == ExecutableState.RUNNING)
                {
                    step.AccumulatedDuration = mock?.RunningStepAccumulated ?? 0;
                    step.LastRunningStartTime = mock?.RunningStepSince ?? step.StartTime;
                }
            }
        }

        RestoreSucceededSteps(job, draft.HasSteps, draft.StepRatio);
        JobInvariants.Check(job, place);
        return job;
    }

    // The first required field the record lacks, in the order they are checked.
    private static Exception Missing(JobRecord record, in JsonPlace place) =>
        place.Fail(record switch
        {
            { Id: null } => "field \"id\": missing",
            { Status: null } => "field \"job_status\": missing",
            { JobName: null } => "field \"job_name\": missing",
            { Project: null } => "field \"project\": missing",
            { TargetModel: null } => "field \"target_model\": missing",
            { CreateTime: null } => "field \"create_time\": missing",
            _ => "field \"last_modified\": missing",
        });

    // Kylin's detail shows every step of a discarded job DISCARDED; the list's step ratio still counts those that succeeded.
    private static void RestoreSucceededSteps(Job job, bool hasSteps, float? stepRatio)
    {
        if (job.Status != JobStatus.DISCARDED || !hasSteps || stepRatio is not { } ratio)
        {
            return;
        }

        var succeeded = JobStages.SucceededSteps(job.Steps.Select(s => s.Name).ToArray(), ratio);
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
    private static (SubjectHealth Health, string? Alias) Subject(JobRecord record, JobType type)
    {
        var subject = record.TargetSubject;
        var error = record.TargetSubjectError;
        return type.SubjectKind() switch
        {
            SubjectKind.Table => (error ? SubjectHealth.TableDeleted : SubjectHealth.Healthy, record.TargetModel),
            SubjectKind.Snapshot => (error ? SubjectHealth.SnapshotDeleted : SubjectHealth.Healthy, record.TargetModel),
            SubjectKind.InternalTable => (error ? SubjectHealth.InternalTableDeleted : SubjectHealth.Healthy, record.TargetModel),
            SubjectKind.Cron => (SubjectHealth.Healthy, record.TargetModel),
            _ when !error => (SubjectHealth.Healthy, subject),
            _ when subject is not null && subject.EndsWith(" broken", StringComparison.Ordinal) =>
                (SubjectHealth.ModelBroken, subject[..^" broken".Length]),
            _ => (SubjectHealth.ModelDeleted, null),
        };
    }

    /// <summary>
    /// Step <paramref name="index"/> of job <paramref name="jobId"/> (of type <paramref name="type"/>) as
    /// read, in the state <paramref name="status"/> shows; a running step's clock is set when assembled.
    /// </summary>
    public static JobStep Step(string jobId, JobType type, in StepRecord s, JobStatus status, int index)
    {
        var state = ToState(status);
        var running = state == ExecutableState.RUNNING;
        var name = s.Name ?? (index < type.StepNames().Count ? type.StepNames()[index] : "Step " + index);
        var sequence = s.SequenceId ?? index;

        // A step without an id of its own (or with exactly the one it would get) keeps no id string.
        var step = s.Id is null && sequence == index
            ? new JobStep(jobId, index, name)
            : new JobStep { Id = s.Id ?? $"{jobId}_{index:00}", Name = name, SequenceId = sequence };
        step.State = state;
        step.CreateTime = s.CreateTime;
        step.StartTime = s.ExecStartTime;
        step.EndTime = s.ExecEndTime;
        step.AccumulatedDuration = running ? 0 : s.Duration;
        step.LastRunningStartTime = running ? s.ExecStartTime : 0;
        step.IndexCount = (int)Math.Clamp(s.IndexCount, 0, int.MaxValue);
        step.SuccessIndexCount = (int)Math.Clamp(s.SuccessIndexCount, 0, int.MaxValue);
        step.FailedMessage = s.FailedMessage;
        step.FailedStack = s.FailedStack;
        return step;
    }
}

/// <summary>A job read from a file and made as far as its own fields go, waiting for its <c>mock_jobs</c> entry.</summary>
internal struct JobDraft
{
    /// <summary>The job, or null when a required field is missing.</summary>
    public Job? Job;

    /// <summary>The record, kept only when the job could not be made or its steps wait as records.</summary>
    public JobRecord? Record;

    public string? Id;
    public JobStatus Status;
    public ExecutableState? SchedulerState;
    public float? StepRatio;
    public long? Duration;
    public int StepWithoutStatus;
    public bool HasSteps;

    /// <summary>An earlier job has the same id.</summary>
    public bool Duplicate;

    /// <summary>The job's <c>mock_jobs</c> entry, when one was read after it.</summary>
    public MockJob? Mock;
}
