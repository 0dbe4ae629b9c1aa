using System.Globalization;
using KylinMock.Jobs;
using KylinMock.Models;

using KylinMock.Kylin4;

namespace KylinMock.Backend;

/// <summary>
/// The backend's Kylin 4 job operations (JobController over JobService and ExecutableManager; contract §3): each takes the lock once,
/// acts with the shared state machine and hands back immutable <see cref="JobInstance"/>s.
/// </summary>
internal sealed partial class KylinBackend
{
    private const string V1CannotFind = "Cannot find job: ";

    /// <summary><c>JobService.searchJobsV2</c>: filter, window, newest last_modified first, then the page.</summary>
    public IReadOnlyList<JobInstance> SearchJobInstances(JobListFilter filter) => store.Read(view =>
    {
        var since = TimeFilterStart(filter.TimeFilter, view.Now);
        var states = filter.Status?.Select(code => Kylin4Plans.FilterStates(code) ?? throw Kylin4Error.Wrapped(Kylin4Error.NullPointer, null)).SelectMany(s => s).ToHashSet();
        var project = filter.ProjectName is { Length: > 0 } p && view.FindProject(p) is not null ? p : null;
        var kept = new List<Job>();
        foreach (var job in view.Jobs)
        {
            if (Kylin4Plans.Steps(job.JobName) is not null && InSearchMode(job.JobName, filter.JobSearchMode) && job.CreateTime >= since
                && (project is null || string.Equals(job.Project, project, StringComparison.OrdinalIgnoreCase))
                && (string.IsNullOrEmpty(filter.CubeName) || (JobInstances.CubeName(job) ?? string.Empty).Contains(filter.CubeName, StringComparison.OrdinalIgnoreCase))
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
        return kept.OrderByDescending(j => j.LastModified).Skip(filter.Offset).Take(filter.Limit).Select(j => JobInstances.Instance(j, catalog, now)).ToArray();
    });

    /// <summary><c>GET /jobs/{id}</c>: the job, or null (an empty 200) for an unknown id or a job Kylin 4 does not have.</summary>
    public JobInstance? GetJobInstance(string id) => store.Read(view =>
        view.Find(StripJobId(id)) is { } job && Kylin4Plans.Steps(job.JobName) is not null ? JobInstances.Instance(job, view.Catalog, view.Now) : null);

    /// <summary>RESUME (ExecutableManager.resumeJob, EM:557-580): ERROR and STOPPED go READY; PENDING, RUNNING and FINISHED stay; DISCARDED is an illegal transfer.</summary>
    public JobInstance ResumeJobInstance(string id) => ActOnJobInstance(id, (view, job) =>
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
    public JobInstance CancelJobInstance(string id) => ActOnJobInstance(id, (view, job) =>
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
    public JobInstance PauseJobInstance(string id) => ActOnJobInstance(id, (view, job) =>
    {
        if (!job.State.IsProgressing())
        {
            throw Kylin4Error.Wrapped(Kylin4Error.IllegalState, $"The job {job.Id} has already been finished and cannot be stopped.");
        }

        view.Change(job, JobAction.PAUSE);
    });

    /// <summary>DROP (JS:839-851): FINISHED and DISCARDED go, or any job whose cube is gone; answers the job as it was.</summary>
    public JobInstance DropJobInstance(string id) => store.Write(view =>
    {
        var job = FindJobInstance(view, id);
        var before = JobInstances.Instance(job, view.Catalog, view.Now);
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
    public string? GetJobStepOutput(string jobId, string stepId) => store.Read(view =>
    {
        var job = view.Find(StripJobId(jobId)) is { } found && Kylin4Plans.Steps(found.JobName) is not null ? found : throw Kylin4Error.Plain(Kylin4Error.NullPointer, null);
        for (var i = 0; i < job.Steps.Count; i++)
        {
            if (JobInstances.StepId(job.Id, i) == stepId)
            {
                return job.Steps[i].State switch
                {
                    ExecutableState.READY when job.Steps[i].StartTime == 0 => null,
                    ExecutableState.RUNNING => "Wait a moment ... ",
                    ExecutableState.ERROR => job.Steps[i].FailedStack ?? job.Steps[i].FailedMessage ?? KylinMock.Jobs.StepOutput.For(job, i),
                    _ => KylinMock.Jobs.StepOutput.For(job, i) ?? "no output",
                };
            }
        }

        throw Kylin4Error.Plain(Kylin4Error.IllegalArgument, "there is no related output for job id:" + stepId);
    });

    // ExecutableManager strips '.' and '/' from ids (EM:179).
    private static string StripJobId(string id) => id.Replace(".", string.Empty, StringComparison.Ordinal).Replace("/", string.Empty, StringComparison.Ordinal);

    private static Job FindJobInstance(JobStore.StoreView view, string id) =>
        view.Find(StripJobId(id)) is { } job && Kylin4Plans.Steps(job.JobName) is not null ? job : throw Kylin4Error.Wrapped(Kylin4Error.BadRequest, V1CannotFind + id);

    // An action, then getJobInstance of the job after it (JC:227-309).
    private JobInstance ActOnJobInstance(string id, Action<JobStore.StoreView, Job> act) => store.Write(view =>
    {
        var job = FindJobInstance(view, id);
        act(view, job);
        return JobInstances.Instance(job, view.Catalog, view.Now);
    });

    // JobSearchMode (JS:1075-1089): CUBING_ONLY, ALL, the sampling modes; CHECKPOINT_ONLY finds none here.
    private static bool InSearchMode(JobType type, string mode) => mode switch
    {
        "ALL" => true,
        "TABLE_SAMPLING" or "CARDINALITY_ONLY" => type == JobType.TABLE_SAMPLING,
        "CHECKPOINT_ONLY" => false,
        _ => Kylin4Plans.IsCubing(type),
    };

    // JobTimeFilterEnum (JS:193-220) on the server zone's calendar: 0 today, 1 a day, 2 a week, 3 a month, 4 a year, 5 all.
    private long TimeFilterStart(int code, long now)
    {
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(now), TimeZone);
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
