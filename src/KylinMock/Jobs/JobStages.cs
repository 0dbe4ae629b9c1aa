using System.Globalization;

namespace KylinMock.Jobs;

/// <summary>One stage of a step as Kylin's detail shows it (a <c>StageBase</c> output, <c>JobService.parseStageToExecutableStep</c>).</summary>
/// <param name="Id">The stage id, <c>&lt;stepId&gt;_NN</c>.</param>
/// <param name="Name">Kylin's stage name (<c>ExecutableConstants.STAGE_NAME_*</c>).</param>
/// <param name="SequenceId">The stage's index in its step.</param>
/// <param name="Status">The displayed status.</param>
/// <param name="StartTime">Start, epoch ms; 0 before it starts.</param>
/// <param name="EndTime">End, epoch ms; 0 while it runs or before it starts.</param>
/// <param name="Duration">Running time, ms.</param>
/// <param name="CreateTime">Creation time, epoch ms.</param>
/// <param name="IndexCount">The step's layout count (0 for sampling and snapshot stages).</param>
/// <param name="SuccessIndexCount">Layouts built: all once FINISHED, else the reported <c>indexSuccessCount</c>.</param>
/// <param name="IndexSuccessInfo">The reported <c>indexSuccessCount</c> (the stage output's info), or null.</param>
internal sealed record JobStage(
    string Id, string Name, int SequenceId, JobStatus Status, long StartTime, long EndTime, long Duration, long CreateTime,
    long IndexCount, long SuccessIndexCount, string? IndexSuccessInfo);

/// <summary>One segment's copy of a step's stages (<c>ExecutableStepResponse.SubStages</c>, <c>JobService.setSegmentSubStageParams</c>).</summary>
/// <param name="SegmentId">The segment id.</param>
/// <param name="Stages">The segment's stages, in order.</param>
/// <param name="Duration">Sum of the stages' durations.</param>
/// <param name="WaitTime">First stage start minus step start.</param>
/// <param name="StepRatio">Done stages (plus the index fraction) over stages.</param>
/// <param name="Range">The segment's name and range, or null when the segment is unknown.</param>
/// <param name="ExecStartTime">Earliest start of a stage that is not PENDING.</param>
/// <param name="ExecEndTime">Latest stage end; 0 while the segment still runs.</param>
internal sealed record SegmentStages(
    string SegmentId, IReadOnlyList<JobStage> Stages, long Duration, long WaitTime, float StepRatio, SegmentRange? Range,
    long ExecStartTime, long ExecEndTime);

/// <summary>A segment's name and range (<c>NDataSegment.getName</c>, <c>getSegRange</c>).</summary>
/// <param name="Name">For example <c>20240101000000_20240102000000</c>.</param>
/// <param name="Start">Range start, epoch ms.</param>
/// <param name="End">Range end, epoch ms.</param>
internal sealed record SegmentRange(string Name, long Start, long End);

/// <summary>A step's stages: the merged <c>sub_stages</c> and, for build and merge steps, the per-segment copies.</summary>
/// <param name="SubStages">The step-level stages, merged over segments (<c>JobService.setStage</c>).</param>
/// <param name="Segments">Per segment, or null for sampling and snapshot steps (their stages are keyed by the step id).</param>
internal sealed record StepStages(IReadOnlyList<JobStage> SubStages, IReadOnlyList<SegmentStages>? Segments);

/// <summary>
/// The stages of Kylin's Spark steps (<c>NSparkExecutable</c> stages, <c>ExecutableConstants.STAGE_NAME_*</c>), derived
/// from the step's state and times at an instant: the step's running time is laid over the stages in order, so they move
/// with the clock as the step does; a step that succeeded has every stage done, a failed one its current stage ERROR.
/// </summary>
internal static partial class JobStages
{
    /// <summary>Build indexes by layer reports <c>indexSuccessCount</c> at most every 10 s (<c>BuildLayer.scala</c>).</summary>
    private const long ReportEveryMs = 10_000;

    // (name, weight of the running time, runs per segment, skipped): "Build or refresh snapshot" and "Materialize
    // fact table view" end SKIP (manual snapshot mode, a fact table that is no view); the shared first two run once.
    private static readonly Stage[] Build =
    [
        new("Waiting for yarn resources", 1, false, false), new("Build or refresh snapshot", 0, false, true),
        new("Materialize fact table view", 0, true, true), new("Generate global dictionary", 2, true, false),
        new("Generate flat table", 3, true, false), new("Get flat table statistics", 1, true, false),
        new("Build indexes by layer", 8, true, false), new("Update flat table statistics", 1, true, false),
    ];

    private static readonly Stage[] Merge =
    [
        new("Waiting for yarn resources", 1, false, false), new("Merge flat table", 2, true, false),
        new("Merge indexes", 6, true, false), new("Merge flat table statistics", 1, true, false),
    ];

    private static readonly Stage[] Sampling = [new("Waiting for yarn resources", 1, false, false), new("Sample Table Data", 5, false, false)];

    private static readonly Stage[] Snapshot = [new("Waiting for yarn resources", 1, false, false), new("Build Snapshot", 5, false, false)];

    private const string LayerStage = "Build indexes by layer";

    /// <summary>How many stages a step of this name has (0: none).</summary>
    public static int Count(string stepName) => StagesOf(stepName)?.Length ?? 0;

    /// <summary>Whether the step's stages run per segment (build and merge steps).</summary>
    public static bool PerSegment(string stepName) => stepName is "Load Data To Index" or "Merge Segment Data";

    /// <summary>The stages of step <paramref name="index"/> at <paramref name="now"/>, or null for a step without stages.</summary>
    public static StepStages? Of(Job job, int index, long now)
    {
        var step = job.Steps[index];
        var stages = StagesOf(step.Name);
        if (stages is null)
        {
            return null;
        }

        // Stage outputs are kept per segment; a job without target segments keeps them under the step id, like sampling.
        var perSegment = PerSegment(step.Name) && job.TargetSegments.Count > 0;
        var segmentIds = perSegment ? job.TargetSegments : [step.Id];
        var timeline = Lay(job, index, stages, now);
        var copies = new List<SegmentStages>(segmentIds.Count);
        for (var s = 0; s < segmentIds.Count; s++)
        {
            var list = new JobStage[stages.Length];
            for (var k = 0; k < stages.Length; k++)
            {
                list[k] = timeline[Slot(stages, k, s)];
            }

            copies.Add(Segment(job, step, segmentIds[s], s, segmentIds.Count, list, now));
        }

        return new StepStages(MergeBySegment(copies), perSegment ? copies : null);
    }

    private static Stage[]? StagesOf(string stepName) => stepName switch
    {
        "Load Data To Index" => Build,
        "Merge Segment Data" => Merge,
        "Table Sampling" => Sampling,
        "Build Snapshot" => Snapshot,
        _ => null,
    };

    // Timeline slot of stage k for segment s: shared stages first (once), then each segment's own stages in turn.
    private static int Slot(Stage[] stages, int k, int s)
    {
        var shared = SharedCount(stages);
        return k < shared ? k : shared + (s * (stages.Length - shared)) + (k - shared);
    }

    private static int SharedCount(Stage[] stages)
    {
        var shared = 0;
        while (shared < stages.Length && !stages[shared].PerSegment)
        {
            shared++;
        }

        return shared;
    }

    // The cumulative weight at the end of the last segment's heaviest stage.
    private static long MainStageEnd((Stage Stage, int K)[] slots)
    {
        var heaviest = 0;
        for (var i = 1; i < slots.Length; i++)
        {
            if (slots[i].Stage.Weight >= slots[heaviest].Stage.Weight)
            {
                heaviest = i;
            }
        }

        long end = 0;
        for (var i = 0; i <= heaviest; i++)
        {
            end += slots[i].Stage.Weight;
        }

        return end;
    }

    /// <summary>
    /// How long the step's current run lasts by plan: the whole planned time, or, after RESUME kept some stages done,
    /// the share of the stages still to run (the finished ones do not run again).
    /// </summary>
    public static long RunLength(Job job, int index)
    {
        var step = job.Steps[index];
        var planned = job.Plan.StepDuration(index);
        if (step.keptStages is null || StagesOf(step.Name) is not { } stages)
        {
            return planned;
        }

        var slots = Slots(job, step, stages);
        var (live, weights) = KeptStages.LiveWeight(step.keptStages, slots.Select(x => x.Stage.Weight).ToArray());
        return weights == 0 ? planned : planned * live / weights;
    }

    /// <summary>The stages of step <paramref name="index"/> as RESUME leaves them (<c>NExecutableManager.resumeJob</c>).</summary>
    internal static JobStage[]? Resumed(Job job, int index, long now)
    {
        var step = job.Steps[index];
        if (StagesOf(step.Name) is not { } stages || step.StartTime == 0)
        {
            return step.keptStages;
        }

        return KeptStages.AtResume(Lay(job, index, stages, now));
    }

    private static int SegmentCount(Job job, JobStep step) => PerSegment(step.Name) && job.TargetSegments.Count > 0 ? job.TargetSegments.Count : 1;

    private static (Stage Stage, int K)[] Slots(Job job, JobStep step, Stage[] stages)
    {
        var segments = SegmentCount(job, step);
        var shared = SharedCount(stages);
        var slots = new (Stage Stage, int K)[shared + (segments * (stages.Length - shared))];
        for (var i = 0; i < slots.Length; i++)
        {
            var k = i < shared ? i : shared + ((i - shared) % (stages.Length - shared));
            slots[i] = (stages[k], k);
        }

        return slots;
    }

    // Lays the step's running time over every slot of the timeline and reads each slot's state at now. After a RESUME the
    // stages kept done stay as they were and only the others are laid over the current run.
    private static JobStage[] Lay(Job job, int index, Stage[] stages, long now)
    {
        var step = job.Steps[index];
        var all = Slots(job, step, stages);
        var kept = step.keptStages is { } k0 && k0.Length == all.Length ? k0 : null;

        // The slots still to run (every slot, and no copying, without a RESUME: the list path reads this per job).
        int[]? live = null;
        var slots = all;
        var result = new JobStage[all.Length];
        if (kept is not null)
        {
            live = Enumerable.Range(0, all.Length).Where(i => !KeptStages.IsDone(kept[i])).ToArray();
            slots = live.Select(i => all[i]).ToArray();
            Array.Copy(kept, result, all.Length);
        }

        if (slots.Length == 0 || (kept is not null && (step.State == ExecutableState.READY || step.LastRunningStartTime < step.keptAt)))
        {
            return result;
        }

        var weights = 0;
        foreach (var slot in slots)
        {
            weights += slot.Stage.Weight;
        }

        weights = Math.Max(1, weights);

        // The step's running time so far (this run only, after a RESUME), and the whole planned run it is part of.
        var running = step.State == ExecutableState.RUNNING;
        var ran = kept is null ? JobTiming.StepDuration(step, now) : (running || step.EndTime == 0 ? now : step.EndTime) - step.LastRunningStartTime;
        var length = RunLength(job, index);
        // A failed step failed in its main stage (the heaviest): its run ends where that stage ends.
        var planned = step.State switch
        {
            ExecutableState.RUNNING => Math.Max(length, ran + 1),
            ExecutableState.ERROR => ((ran * weights) + MainStageEnd(slots) - 1) / Math.Max(1, MainStageEnd(slots)),
            ExecutableState.PAUSED or ExecutableState.DISCARDED or ExecutableState.SUICIDAL => Math.Max(length, ran),
            _ => ran,
        };
        var runStart = (running || step.EndTime == 0 ? now : step.EndTime) - ran;
        var cumulative = 0L;
        for (var j = 0; j < slots.Length; j++)
        {
            var (stage, k) = slots[j];
            var from = runStart + (planned * cumulative / weights);
            cumulative += stage.Weight;
            var to = runStart + (planned * cumulative / weights);
            var id = step.Id + "_" + k.ToString("00", CultureInfo.InvariantCulture);
            var layouts = stages == Sampling || stages == Snapshot ? 0 : step.IndexCount;
            var read = Read(step, stage, id, k, layouts, from, to, runStart + ran, now);
            if (live is null)
            {
                result[j] = read;
            }
            else
            {
                result[live[j]] = KeptStages.Continue(kept![live[j]], read);
            }
        }

        return result;
    }

    private static JobStage Read(JobStep step, Stage stage, string id, int k, long layouts, long from, long to, long reached, long now)
    {
        JobStage Make(JobStatus status, long start, long end, long duration, long success, string? info) =>
            new(id, stage.Name, k, status, start, end, duration, step.CreateTime, layouts, success, info);

        var done = stage.Skipped ? JobStatus.SKIP : JobStatus.FINISHED;
        if (step.State == ExecutableState.SUCCEED)
        {
            return Make(done, from, to, to - from, done == JobStatus.FINISHED ? layouts : 0, null);
        }

        var running = step.State == ExecutableState.RUNNING;
        var started = step.StartTime != 0 && step.State != ExecutableState.READY;

        // A skipped stage takes no time: done once the run has reached it. A running step is in the stage it reached
        // (from <= reached < to); a stopped one in the stage it had entered (from < reached <= to).
        bool isDone, isPending;
        if (stage.Weight == 0)
        {
            (isDone, isPending) = (from <= reached, from > reached);
        }
        else if (running)
        {
            (isDone, isPending) = (to <= reached, from > reached);
        }
        else
        {
            (isDone, isPending) = (to < reached, from >= reached);
        }

        if (!started || isPending)
        {
            return Make(JobStatus.PENDING, 0, 0, 0, 0, null);
        }

        if (isDone)
        {
            return Make(done, from, to, to - from, done == JobStatus.FINISHED ? layouts : 0, null);
        }

        // The stage in progress when the step stopped (or now).
        var info = stage.Name == LayerStage && layouts > 0 ? Reported(layouts, from, to, reached).ToString(CultureInfo.InvariantCulture) : null;
        var success = info is null ? 0 : long.Parse(info, CultureInfo.InvariantCulture);
        return step.State switch
        {
            ExecutableState.RUNNING => Make(JobStatus.RUNNING, from, 0, now - from, success, info),
            ExecutableState.ERROR => Make(JobStatus.ERROR, from, reached, reached - from, success, info),
            ExecutableState.PAUSED => Make(JobStatus.STOPPED, from, reached, reached - from, success, info),
            _ => Make(JobStatus.DISCARDED, from, reached, reached - from, success, info),
        };
    }

    // The layouts the layer stage has reported, every 10 s of its run.
    private static long Reported(long layouts, long from, long to, long reached)
    {
        var length = Math.Max(1, to - from);
        var reportedAt = (reached - from) / ReportEveryMs * ReportEveryMs;
        return Math.Min(layouts, layouts * reportedAt / length);
    }

    private static SegmentStages Segment(Job job, JobStep step, string segmentId, int s, int segments, JobStage[] stages, long now)
    {
        long duration = 0;
        long execStart = long.MaxValue;
        long execEnd = 0;
        var runningOrPending = false;
        foreach (var stage in stages)
        {
            duration += stage.Duration;
            if (stage.Status != JobStatus.PENDING)
            {
                execStart = Math.Min(execStart, stage.StartTime);
            }

            execEnd = Math.Max(execEnd, stage.EndTime);
            runningOrPending |= stage.Status == JobStatus.RUNNING || (step.State == ExecutableState.RUNNING && stage.Status == JobStatus.PENDING);
        }

        var firstStart = stages[0].StartTime;
        if (step.StartTime != 0 && firstStart == 0)
        {
            firstStart = now;
        }

        var wait = job.State == ExecutableState.PAUSED ? 0 : firstStart - step.StartTime;
        var ratio = (float)(Done(stages, true) / stages.Length);
        return new SegmentStages(segmentId, stages, duration, wait, ratio, RangeOf(job, s, segments),
            execStart == long.MaxValue ? 0 : execStart, runningOrPending ? 0 : execEnd);
    }

    // The job's data range, split evenly over its target segments (the mock keeps no segment estate of its own).
    private static SegmentRange? RangeOf(Job job, int s, int segments)
    {
        if (job.DataRangeEnd == long.MaxValue || job.DataRangeEnd <= job.DataRangeStart)
        {
            return null;
        }

        var width = (job.DataRangeEnd - job.DataRangeStart) / segments;
        var start = job.DataRangeStart + (s * width);
        var end = s == segments - 1 ? job.DataRangeEnd : start + width;
        return new SegmentRange(Name(start) + "_" + Name(end), start, end);
    }

    private static string Name(long ms) => Models.JavaDates.Compact(ms, TimeZoneInfo.Utc);

    // JobService.setStage: one fresh object per stage id; failures stick, two done states give FINISHED, any other mix RUNNING.
    private static JobStage[] MergeBySegment(List<SegmentStages> copies)
    {
        var first = copies[0].Stages;
        var merged = new JobStage[first.Count];
        for (var k = 0; k < first.Count; k++)
        {
            var m = first[k] with { CreateTime = 0, IndexSuccessInfo = null };
            for (var s = 1; s < copies.Count; s++)
            {
                var other = copies[s].Stages[k];
                m = m with
                {
                    Status = MergeStatus(m.Status, other.Status),
                    StartTime = other.StartTime != 0 ? Math.Min(other.StartTime, m.StartTime) : m.StartTime,
                    EndTime = Math.Max(other.EndTime, m.EndTime),
                    IndexCount = m.IndexCount + other.IndexCount,
                    SuccessIndexCount = m.SuccessIndexCount + other.SuccessIndexCount,
                };
            }

            merged[k] = m;
        }

        return merged;
    }

    private static JobStatus MergeStatus(JobStatus old, JobStatus next)
    {
        if (old == next || old is JobStatus.ERROR or JobStatus.STOPPED or JobStatus.DISCARDED)
        {
            return old;
        }

        if (next is JobStatus.ERROR or JobStatus.STOPPED or JobStatus.DISCARDED)
        {
            return next;
        }

        return old is JobStatus.FINISHED or JobStatus.SKIP or JobStatus.WARNING && next is JobStatus.FINISHED or JobStatus.SKIP or JobStatus.WARNING
            ? JobStatus.FINISHED
            : JobStatus.RUNNING;
    }

    private sealed record Stage(string Name, int Weight, bool PerSegment, bool Skipped);
}
