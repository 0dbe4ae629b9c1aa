using System.Globalization;

namespace KylinMock.Jobs;

/// <summary>The job's <c>step_ratio</c> over its steps' stages (<c>ExecutableResponse.calculateStepRatio</c>).</summary>
internal static partial class JobStages
{
    /// <summary>
    /// Kylin's job <c>step_ratio</c> (<c>ExecutableResponse.calculateStepRatio</c>): a step with stages counts its done
    /// stages averaged over segments (the index fraction only with one segment) and adds its stages less one to the count;
    /// other steps count when SUCCEED. Forced to 0.99 at 1 unless the job is SUCCEED.
    /// </summary>
    public static float StepRatio(Job job, long now)
    {
        var steps = job.Steps;
        if (steps.Count == 0)
        {
            return 0f;
        }

        if (job.capturedStepRatio is { } captured && job.capturedAt == job.LastModified)
        {
            return captured;
        }

        var done = 0d;
        var extra = 0;
        for (var i = 0; i < steps.Count; i++)
        {
            var stages = StagesOf(steps[i].Name);
            if (stages is null)
            {
                done += steps[i].State == ExecutableState.SUCCEED ? 1 : 0;
                continue;
            }

            extra = stages.Length - 1;
            done += DoneStages(job, i, stages, now);
        }

        var ratio = (float)(done / (steps.Count + extra));
        return ratio >= 1f && job.State != ExecutableState.SUCCEED ? 0.99f : ratio;
    }

    /// <summary>
    /// Keeps the step ratio a job was captured with (a job without the mock's plan): its stage progress depends on a plan
    /// the capture does not hold, so the list shows the captured ratio until the job next changes.
    /// </summary>
    internal static void KeepCapturedRatio(Job job, float? stepRatio)
    {
        job.capturedStepRatio = stepRatio;
        job.capturedAt = job.LastModified;
    }

    /// <summary>How many of the job's first steps had succeeded for the list to show <paramref name="stepRatio"/> (the inverse of <see cref="StepRatio"/> over whole steps).</summary>
    public static int SucceededSteps(IReadOnlyList<string> stepNames, float stepRatio)
    {
        var total = 0;
        foreach (var name in stepNames)
        {
            total += Math.Max(1, Count(name));
        }

        var units = stepRatio * total;
        var succeeded = 0;
        var counted = 0;
        foreach (var name in stepNames)
        {
            counted += Math.Max(1, Count(name));
            if (counted > units + 1e-3)
            {
                break;
            }

            succeeded++;
        }

        return succeeded;
    }

    private static double DoneStages(Job job, int index, Stage[] stages, long now)
    {
        var step = job.Steps[index];

        if (step.State == ExecutableState.SUCCEED)
        {
            return stages.Length;
        }

        if (step.StartTime == 0)
        {
            return 0;
        }

        var details = Of(job, index, now)!;
        var segments = details.Segments;
        if (segments is null)
        {
            return Done(details.SubStages, true);
        }

        var sum = 0d;
        foreach (var segment in segments)
        {
            sum += Done(segment.Stages, segments.Count == 1);
        }

        return sum / segments.Count;
    }

    private static double Done(IReadOnlyList<JobStage> stages, bool withIndexFraction)
    {
        var done = 0d;
        foreach (var stage in stages)
        {
            if (stage.Status is JobStatus.FINISHED or JobStatus.SKIP or JobStatus.WARNING)
            {
                done++;
            }
            else if (withIndexFraction && stage.IndexSuccessInfo is { } reported && stage.IndexCount > 0)
            {
                done += double.Parse(reported, CultureInfo.InvariantCulture) / stage.IndexCount;
            }
        }

        return done;
    }
}
