using System.Globalization;
using KylinMock.Jobs;
using KylinMock.Models;

namespace KylinMock.Kylin4;

/// <summary>How Kylin 4 shows a job and a segment (JobService.getJobInstance, CubeSegment's name): pure functions the backend calls under its lock.</summary>
internal static class JobInstances
{
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
    public static string? CubeName(Job job) => job.JobName.SubjectKind() == SubjectKind.Model ? job.SubjectAlias : null;

    // <z yyyy-MM-dd HH:mm:ss> in the JVM zone, UTC here (NSparkCubingJob.java:67-80).
    private static string Submitted(long ms) =>
        "UTC " + DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    // Kylin 4's step ids: <jobId>-NN (DefaultChainedExecutable:200).
    public static string StepId(string jobId, int index) => jobId + "-" + index.ToString("00", CultureInfo.InvariantCulture);
}
