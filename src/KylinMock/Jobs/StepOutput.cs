using System.Globalization;
using System.Text;

namespace KylinMock.Jobs;

/// <summary>
/// A step's log as Kylin's step output shows it: a few plausible Spark/Kylin lines drawn from a
/// seed derived from the step id, the step's own times, and the failure stack of a failed step.
/// </summary>
internal static class StepOutput
{
    private static readonly string[] Lines =
    [
        "INFO SparkContext: Running Spark version 3.3.0-kylin-4.6.9.0",
        "INFO ResourceDetectBeforeCubingJob: Detected source size {0} MB",
        "INFO SegmentBuildJob: Building layout {0} of segment",
        "INFO DFBuildJob: Persisted {0} rows",
        "INFO BlockManagerInfo: Added broadcast_{0}_piece0 in memory",
        "INFO TaskSetManager: Finished task {0}.0 in stage 3.0",
        "INFO MetadataMerger: Updated metadata of {0} layouts",
    ];

    /// <summary>What Kylin answers for a step without output (<c>NExecutableManager.getJobOutputFromHDFS</c>).</summary>
    public const string NotFound = "job output not found, please check kylin.log";

    /// <summary>The output of step <paramref name="stepId"/> of <paramref name="job"/> in <paramref name="project"/>, or <see cref="NotFound"/> (an unknown job, another project's job, a step that has not run).</summary>
    public static string Of(Job? job, string project, string stepId)
    {
        if (job is null || !string.Equals(job.Project, project, StringComparison.OrdinalIgnoreCase))
        {
            return NotFound;
        }

        for (var i = 0; i < job.Steps.Count; i++)
        {
            if (job.Steps[i].Id == stepId)
            {
                return For(job, i) ?? NotFound;
            }
        }

        return NotFound;
    }

    /// <summary>The output text of step <paramref name="index"/> of <paramref name="job"/>; null before the step starts.</summary>
    public static string? For(Job job, int index)
    {
        var step = job.Steps[index];
        if (step.StartTime == 0)
        {
            return null;
        }

        var random = new Bogus.Randomizer(StableHash.Of(step.Id));
        var text = new StringBuilder();
        text.Append(Stamp(step.StartTime)).Append(" INFO ").Append(step.Name).Append(": step ").Append(step.Id).Append(" started\n");
        var count = random.Number(3, 6);
        for (var i = 0; i < count; i++)
        {
            text.Append(Stamp(step.StartTime + (i * 1000))).Append(' ')
                .Append(string.Format(CultureInfo.InvariantCulture, random.ArrayElement(Lines), random.Number(1, 5000))).Append('\n');
        }

        if (step.State == ExecutableState.ERROR)
        {
            text.Append(Stamp(step.EndTime)).Append(" ERROR ").Append(step.Name).Append(": ").Append(step.FailedMessage).Append('\n')
                .Append(step.FailedStack).Append('\n');
        }
        else if (step.EndTime > 0)
        {
            text.Append(Stamp(step.EndTime)).Append(" INFO ").Append(step.Name).Append(": step ").Append(step.Id).Append(" finished with ").Append(step.State).Append('\n');
        }

        return text.ToString();
    }

    private static string Stamp(long ms) =>
        DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-dd HH:mm:ss,fff", CultureInfo.InvariantCulture);
}
