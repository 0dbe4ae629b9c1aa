using System.Globalization;
using KylinMock.Jobs;
using KylinMock.Models;

namespace KylinMock.Kylin4;

/// <summary>The filters of Kylin 4's <c>GET /jobs</c>, bound (JobListRequest.java:29-35; contract §3.6).</summary>
internal sealed record JobListFilter(string? CubeName, string? ProjectName, IReadOnlyList<int>? Status, int TimeFilter, int Limit, int Offset, string JobSearchMode);

/// <summary>
/// The adapter between Kylin 4's JobController and the one job store: each operation takes the lock once through
/// the store's view, acts with the shared state machine, and hands back immutable <see cref="JobInstance"/>s.
/// The only file of the Kylin 4 jobs face that touches the store (contract §3; JobService.java, ExecutableManager.java).
/// </summary>
internal sealed class Kylin4Jobs(ServerContext server)
{
    private const string CannotFind = "Cannot find job: ";

    /// <summary><c>JobService.searchJobsV2</c>: filter, window, newest last_modified first, then the page.</summary>
    public IReadOnlyList<JobInstance> List(JobListFilter filter) => server.Store.Read(view =>
    {
        var since = WindowStart(filter.TimeFilter, view.Now);
        var states = filter.Status?.Select(code => Kylin4Plans.FilterStates(code) ?? throw Kylin4Error.Wrapped(Kylin4Error.NullPointer, null)).SelectMany(s => s).ToHashSet();
        var project = filter.ProjectName is { Length: > 0 } p && view.FindProject(p) is not null ? p : null;
        var kept = new List<Job>();
        foreach (var job in view.Jobs)
        {
            if (Kylin4Plans.Steps(job.JobName) is not null && InMode(job.JobName, filter.JobSearchMode) && job.CreateTime >= since
                && (project is null || string.Equals(job.Project, project, StringComparison.OrdinalIgnoreCase))
                && (string.IsNullOrEmpty(filter.CubeName) || (CubeName(job) ?? string.Empty).Contains(filter.CubeName, StringComparison.OrdinalIgnoreCase))
                && (states is null || states.Contains(job.State)))
            {
                kept.Add(job);
            }
        }

        // JS:967-977 and ArrayList.subList's own refusals.
        if (filter.Offset < 0)
        {
            throw Kylin4Error.Wrapped("java.lang.IndexOutOfBoundsException", "fromIndex = " + filter.Offset);
        }

        if (filter.Limit < 0)
        {
            throw Kylin4Error.Wrapped(Kylin4Error.IllegalArgument, $"fromIndex(0) > toIndex({filter.Limit})");
        }

        var catalog = view.Catalog;
        var now = view.Now;
        return kept.OrderByDescending(j => j.LastModified).Skip(filter.Offset).Take(filter.Limit).Select(j => Instance(j, catalog, now)).ToArray();
    });

    /// <summary><c>GET /jobs/{id}</c>: the job, or null (an empty 200) for an unknown id or a job Kylin 4 does not have.</summary>
    public JobInstance? Get(string id) => server.Store.Read(view =>
        view.Find(Clean(id)) is { } job && Kylin4Plans.Steps(job.JobName) is not null ? Instance(job, view.Catalog, view.Now) : null);

    /// <summary>RESUME (ExecutableManager.resumeJob, EM:557-580): ERROR and STOPPED go READY; PENDING, RUNNING and FINISHED stay; DISCARDED is an illegal transfer.</summary>
    public JobInstance Resume(string id) => Act(id, (view, job) =>
    {
        if (job.State.IsFinal() && job.State != ExecutableState.SUCCEED)
        {
            throw Kylin4Error.Wrapped("org.apache.kylin.job.exception.IllegalStateTranferException", $"there is no valid state transfer from:DISCARDED to:READY, job id: {job.Id}");
        }

        if (job.State is ExecutableState.ERROR or ExecutableState.PAUSED)
        {
            view.Change(job, JobAction.RESUME);
        }
    });

    /// <summary>CANCEL (JS:719-771): a FINISHED job is refused, a DISCARDED one stays; any other is discarded and its NEW segment removed.</summary>
    public JobInstance Cancel(string id) => Act(id, (view, job) =>
    {
        if (job.State == ExecutableState.SUCCEED)
        {
            throw Kylin4Error.Wrapped(Kylin4Error.IllegalState, $"The job {job.Id} has already been finished and cannot be discarded.");
        }

        if (!job.State.IsFinal())
        {
            view.Change(job, JobAction.DISCARD);
        }
    });

    /// <summary>PAUSE (JS:828-837, EM:629-652): PENDING and RUNNING stop; anything else is refused.</summary>
    public JobInstance Pause(string id) => Act(id, (view, job) =>
    {
        if (!job.State.IsProgressing())
        {
            throw Kylin4Error.Wrapped(Kylin4Error.IllegalState, $"The job {job.Id} has already been finished and cannot be stopped.");
        }

        view.Change(job, JobAction.PAUSE);
    });

    /// <summary>DROP (JS:839-851): FINISHED and DISCARDED go, or any job whose cube is gone; answers the job as it was.</summary>
    public JobInstance Drop(string id) => server.Store.Write(view =>
    {
        var job = Find(view, id);
        var before = Instance(job, view.Catalog, view.Now);
        var cubeGone = job.JobName.SubjectKind() != SubjectKind.Model || view.Catalog.FindByUuid(job.TargetModel) is null;
        if (!cubeGone && !(job.State is ExecutableState.SUCCEED or ExecutableState.DISCARDED or ExecutableState.SUICIDAL))
        {
            throw Kylin4Error.Wrapped(Kylin4Error.BadRequest, "Only FINISHED and DISCARDED job can be deleted. Please wait for the job finishing or discard the job!!!");
        }

        view.Remove([job]);
        return before;
    });

    /// <summary>
    /// <c>GET /jobs/{id}/steps/{stepId}/output</c> (JS:509-515, EM:195-205, 272-291): an unknown job is an NPE, an unknown step
    /// "there is no related output"; PENDING null, RUNNING "Wait a moment ... ", else the step's log.
    /// </summary>
    public string? StepOutput(string jobId, string stepId) => server.Store.Read(view =>
    {
        var job = view.Find(Clean(jobId)) is { } found && Kylin4Plans.Steps(found.JobName) is not null ? found : throw Kylin4Error.Plain(Kylin4Error.NullPointer, null);
        for (var i = 0; i < job.Steps.Count; i++)
        {
            if (StepId(job.Id, i) == stepId)
            {
                return job.Steps[i].State switch
                {
                    ExecutableState.READY when job.Steps[i].StartTime == 0 => null,
                    ExecutableState.RUNNING => "Wait a moment ... ",
                    ExecutableState.ERROR => job.Steps[i].FailedStack ?? job.Steps[i].FailedMessage ?? Jobs.StepOutput.For(job, i),
                    _ => Jobs.StepOutput.For(job, i) ?? "no output",
                };
            }
        }

        throw Kylin4Error.Plain(Kylin4Error.IllegalArgument, "there is no related output for job id:" + stepId);
    });

    /// <summary>A job as <c>JobService.getJobInstance</c> shows it (JS:525-612), from the live job and its cube's segments.</summary>
    public static JobInstance Instance(Job job, ModelCatalog catalog, long now)
    {
        var names = Kylin4Plans.Steps(job.JobName) ?? Kylin4Plans.Build;
        var steps = new JobInstance.Step[job.Steps.Count];
        for (var i = 0; i < steps.Length; i++)
        {
            var step = job.Steps[i];
            steps[i] = new JobInstance.Step(StepId(job.Id, i), i < names.Count ? names[i] : step.Name, i, step.StartTime, step.EndTime, Kylin4Plans.Shown(step.State));
        }

        var started = job.StartTime > 0;
        var duration = started ? Math.Max(0, ((job.EndTime > 0 ? job.EndTime : now) - job.StartTime) / 1000) : 0;
        var submitted = Submitted(job.CreateTime);
        if (job.JobName == JobType.TABLE_SAMPLING)
        {
            return new JobInstance(job.Id, job.LastModified, "TABLE_SAMPLING - " + job.TargetModel + " - " + submitted, job.Project, "TABLE_SAMPLING", duration,
                job.TargetModel, null, null, null, job.StartTime, job.EndTime, steps, job.Submitter ?? "ADMIN", Kylin4Plans.Shown(job.State), started ? Kylin4Plans.BuildInstance : "unknown");
        }

        var cube = CubeName(job);
        var segment = job.TargetSegments.Count > 0 ? catalog.Segments(job.TargetModel).FirstOrDefault(s => s.Id == job.TargetSegments[0]) : null;
        var segmentName = segment?.Name ?? SegmentName(job.DataRangeStart, job.DataRangeEnd);
        var kind = job.JobName == JobType.INDEX_MERGE ? "MERGE" : "BUILD";
        return new JobInstance(job.Id, job.LastModified, $"{kind} CUBE - {cube} - {segmentName} - {submitted}", job.Project, "BUILD", duration,
            cube, cube, job.TargetSegments.Count > 0 ? job.TargetSegments[0] : null, segmentName, job.StartTime, job.EndTime, steps,
            job.Submitter ?? "ADMIN", Kylin4Plans.Shown(job.State), started ? Kylin4Plans.BuildInstance : "unknown");
    }

    /// <summary>A Kylin 4 segment name: <c>yyyyMMddHHmmss_yyyyMMddHHmmss</c> in GMT, or FULL_BUILD (CubeSegment.java:166-183).</summary>
    public static string SegmentName(long start, long end) => SegmentNames.Make(start <= 0 && end == long.MaxValue ? 0 : start, end, TimeZoneInfo.Utc);

    // The cube a job names: the model's alias at submission.
    private static string? CubeName(Job job) => job.JobName.SubjectKind() == SubjectKind.Model ? job.SubjectAlias : null;

    // <z yyyy-MM-dd HH:mm:ss> in the JVM zone, UTC here (NSparkCubingJob.java:67-80).
    private static string Submitted(long ms) =>
        "UTC " + DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    // Kylin 4's step ids: <jobId>-NN (DefaultChainedExecutable:200).
    private static string StepId(string jobId, int index) => jobId + "-" + index.ToString("00", CultureInfo.InvariantCulture);

    // ExecutableManager strips '.' and '/' from ids (EM:179).
    private static string Clean(string id) => id.Replace(".", string.Empty, StringComparison.Ordinal).Replace("/", string.Empty, StringComparison.Ordinal);

    private static Job Find(JobStore.StoreView view, string id) =>
        view.Find(Clean(id)) is { } job && Kylin4Plans.Steps(job.JobName) is not null ? job : throw Kylin4Error.Wrapped(Kylin4Error.BadRequest, CannotFind + id);

    // An action, then getJobInstance of the job after it (JC:227-309).
    private JobInstance Act(string id, Action<JobStore.StoreView, Job> act) => server.Store.Write(view =>
    {
        var job = Find(view, id);
        act(view, job);
        return Instance(job, view.Catalog, view.Now);
    });

    // JobSearchMode (JS:1075-1089): CUBING_ONLY, ALL, the sampling modes; CHECKPOINT_ONLY finds none here.
    private static bool InMode(JobType type, string mode) => mode switch
    {
        "ALL" => true,
        "TABLE_SAMPLING" or "CARDINALITY_ONLY" => type == JobType.TABLE_SAMPLING,
        "CHECKPOINT_ONLY" => false,
        _ => Kylin4Plans.IsCubing(type),
    };

    // JobTimeFilterEnum (JS:193-220) on the server zone's calendar: 0 today, 1 a day, 2 a week, 3 a month, 4 a year, 5 all.
    private long WindowStart(int code, long now)
    {
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(now), server.TimeZone);
        DateTimeOffset start = code switch
        {
            0 => new DateTimeOffset(local.Year, local.Month, local.Day, 0, 0, 0, local.Offset).AddMilliseconds(local.Millisecond),
            1 => local.AddDays(-1),
            2 => local.AddDays(-7),
            3 => local.AddMonths(-1),
            4 => local.AddYears(-1),
            5 => DateTimeOffset.UnixEpoch,
            _ => throw Kylin4Error.Wrapped(Kylin4Error.NullPointer, null),
        };
        return start.ToUnixTimeMilliseconds();
    }
}
