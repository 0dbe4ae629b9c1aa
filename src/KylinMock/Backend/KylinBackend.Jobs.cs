using System.Globalization;
using KylinMock.Errors;
using KylinMock.Jobs;
using KylinMock.Query;

namespace KylinMock.Backend;

/// <summary>A page of the job list, or the kept answer for this store version and instant.</summary>
/// <param name="Page">Copies of the page's jobs and the total, or null when <paramref name="Cached"/> holds the answer.</param>
/// <param name="Now">The instant the list was taken at, epoch ms.</param>
/// <param name="Version">The store's version it was taken at.</param>
/// <param name="Cached">The answer kept for this version and instant, or null.</param>
internal sealed record JobList(JobPage? Page, long Now, long Version, byte[]? Cached);

/// <summary>A job copied out of the lock with the instant it was read at.</summary>
/// <param name="Job">A copy of the job, caught up with the clock.</param>
/// <param name="Now">The instant, epoch ms.</param>
internal sealed record JobAt(Job Job, long Now);

/// <summary>The backend's job operations (Kylin's <c>JobController</c>, <c>JobControllerV2</c> and <c>JobService</c>).</summary>
internal sealed partial class KylinBackend
{
    /// <summary>JobService.listJobs: the page of <paramref name="filter"/>; see <see cref="ListJobs(JobStore, TimeZoneInfo, JobFilter, ListAnswerCache?, int, string)"/>.</summary>
    public JobList ListJobs(JobFilter filter, ListAnswerCache? cache, int maxPageSize, string pageSizeName) =>
        ListJobs(store, TimeZone, filter, cache, maxPageSize, pageSizeName);

    /// <summary>
    /// The list over <paramref name="store"/>: under the lock only the query and a copy of the page (the JSON is
    /// written outside it). With a cache, the answer kept for the store's version and the clock's millisecond is
    /// handed back instead. A page holding more than <paramref name="maxPageSize"/> jobs is refused (the mock's
    /// own ceiling, naming the <paramref name="pageSizeName"/> parameter).
    /// </summary>
    internal static JobList ListJobs(JobStore store, TimeZoneInfo zone, JobFilter filter, ListAnswerCache? cache, int maxPageSize, string pageSizeName) =>
        store.Read(view =>
        {
            if (cache?.Find(view.Version, view.Now, filter) is { } hit)
            {
                return new JobList(null, view.Now, view.Version, hit);
            }

            var found = JobQuery.Execute(view, filter, zone);
            if (found.Jobs.Count > maxPageSize)
            {
                throw PageSizeCeiling(maxPageSize, found.Jobs.Count, pageSizeName);
            }

            var copies = new Job[found.Jobs.Count];
            for (var i = 0; i < copies.Length; i++)
            {
                copies[i] = found.Jobs[i].Clone();
            }

            return new JobList(new JobPage(copies, found.TotalSize), view.Now, view.Version, null);
        });

    /// <summary>JobService.batchUpdateJobStatus: the batch in Kylin's order; the first failing job stops it and earlier updates stay.</summary>
    public void UpdateJobStatus(JobUpdateRequest update) => store.Write(view =>
    {
        JobStatusUpdate.Run(view, update);
        return 0;
    });

    /// <summary>JobService.getJobDetail: checkProjectName, then the job within that project (KE-010032219).</summary>
    public JobAt GetJobDetail(string project, string jobId) =>
        store.Read(view => new JobAt(ProjectChecks.FindInProject(view, project, jobId).Clone(), view.Now));

    /// <summary>
    /// JobService.getJobOutput / getAllJobOutput: only the project is checked; an unknown job or a step without
    /// output gives Kylin's "not found" text.
    /// </summary>
    public string GetJobOutput(string project, string jobId, string stepId) =>
        store.Read(view => StepOutput.Of(view.Find(jobId), ProjectChecks.FindProject(view, project).Name, stepId));

    /// <summary>JobControllerV2.getJobOutput: the project is the one holding the job (none: checkProjectName's KE-010001002).</summary>
    public string GetJobOutputInAnyProject(string jobId, string stepId) => store.Read(view =>
    {
        var job = view.Find(jobId) ?? throw KylinException.WithDetail(ErrorCode.EmptyProjectName, MessageKey.EmptyProjectName);
        return StepOutput.Of(job, job.Project, stepId);
    });

    /// <summary>JobService.dropJob: final-state jobs only.</summary>
    public void DropJobs(string? project, IReadOnlyList<string>? jobIds, IReadOnlyList<string>? statuses) => store.Write(view =>
    {
        JobDeletion.Run(view, project, jobIds, statuses);
        return 0;
    });

    /// <summary>JobService.getJobStats over the project's jobs.</summary>
    public JobStats JobStats(string project, long start, long end) =>
        store.Read(view => JobStatistics.Stats(ProjectJobs(view, project, out _), TimeZone, start, end));

    /// <summary>JobService.getJobCount / getJobDurationPerByte over the project's jobs, by <paramref name="dimension"/>.</summary>
    public IReadOnlyList<KeyValuePair<string, double>> JobStatsBy(string project, long start, long end, string dimension, bool perByte) =>
        store.Read(view =>
        {
            var jobs = ProjectJobs(view, project, out var found);
            return JobStatistics.By(jobs, found, TimeZone, start, end, dimension, perByte);
        });

    /// <summary>JobService.getJobInstance: a copy of the job by id in whichever project holds it (KE-010032219 when none does).</summary>
    public JobAt GetJob(string jobId) => store.Read(view => new JobAt(ProjectChecks.FindInAnyProject(view, jobId).Clone(), view.Now));

    /// <summary>JobService.manageJob(RESUME) by id in any project: Kylin's state machine, a copy of the resumed job.</summary>
    public JobAt ResumeJob(string jobId) => store.Write(view =>
    {
        var job = ProjectChecks.FindInAnyProject(view, jobId);
        view.Change(job, JobAction.RESUME);
        return new JobAt(job.Clone(), view.Now);
    });

    // The project's jobs, after checkProjectName.
    private static List<Job> ProjectJobs(JobStore.StoreView view, string project, out Project found)
    {
        found = ProjectChecks.FindProject(view, project);
        var jobs = new List<Job>();
        foreach (var job in view.Jobs)
        {
            if (string.Equals(job.Project, found.Name, StringComparison.OrdinalIgnoreCase))
            {
                jobs.Add(job);
            }
        }

        return jobs;
    }

    // Kylin has no ceiling: this is the mock's own refusal, in the envelope Kylin uses for a bad parameter.
    private static KylinException PageSizeCeiling(int maxPageSize, int pageJobs, string pageSizeName) =>
        KylinException.WithRaw(
            ErrorCode.InvalidParameter,
            string.Create(CultureInfo.InvariantCulture, $"The page would hold {pageJobs} jobs, more than KylinMock's page-size ceiling of {maxPageSize}. Please ask for a smaller {pageSizeName}."))
        .WithStatus(400);
}
