using Bogus;
using KylinMock.Jobs;

namespace KylinMock.Fixtures;

/// <summary>The status a generated job is meant to show at the reference time.</summary>
internal enum Outcome
{
    /// <summary>All steps ran (SUCCEED).</summary>
    Finished,

    /// <summary>A step failed (ERROR).</summary>
    Error,

    /// <summary>Mid-run at the reference time.</summary>
    Running,

    /// <summary>Created within its pick-up delay (READY).</summary>
    Pending,

    /// <summary>Paused by a user (PAUSED).</summary>
    Stopped,

    /// <summary>Discarded by a user.</summary>
    Discarded,

    /// <summary>Discarded by Kylin itself (SUICIDAL).</summary>
    Suicidal,
}

/// <summary>
/// A job's life up to the reference time: its plan, how long before the reference it was created,
/// and when (ms after creation) a user paused it and discarded it, or -1.
/// </summary>
/// <param name="Outcome">The status it reaches.</param>
/// <param name="Plan">The plan its automatic life follows, now and after the reference time.</param>
/// <param name="Age">Reference time minus creation time, ms.</param>
/// <param name="PauseAt">When a user paused it, ms after creation, or -1.</param>
/// <param name="EndAt">When it was discarded (or went SUICIDAL), ms after creation, or -1.</param>
internal readonly record struct LifeScript(Outcome Outcome, JobPlan Plan, long Age, long PauseAt, long EndAt);

/// <summary>
/// Shapes a job's status by simulation, never by hand: it chooses a plan and the instants of user
/// actions so that the real state machine (<see cref="JobLife"/>, <see cref="StateMoves"/>) lands the
/// job in the wanted status, with timing fields that are consistent by construction.
/// </summary>
internal static class JobLifeScript
{
    // Per mille, in Outcome order: most jobs have finished, a visible minority failed or were stopped.
    private static readonly int[] OutcomeWeights = [550, 120, 80, 70, 80, 90, 10];

    /// <summary>Draws the life of a job of <paramref name="shape"/> whose age would be <paramref name="drawnAge"/>.</summary>
    /// <param name="random">The randomizer.</param>
    /// <param name="shape">The job's shape.</param>
    /// <param name="plans">The plan pool.</param>
    /// <param name="drawnAge">The age drawn for the job.</param>
    /// <param name="outcome">The status to reach, or null to draw one.</param>
    public static LifeScript Draw(Randomizer random, JobShape shape, PlanPool plans, long drawnAge, Outcome? outcome = null)
    {
        return DrawFor(random, shape, plans, drawnAge, outcome ?? PickOutcome(random));
    }

    private static LifeScript DrawFor(Randomizer random, JobShape shape, PlanPool plans, long drawnAge, Outcome outcome)
    {

        // A discard comes while the job waits or runs (5 in 10), after it failed (3) or after a pause (2).
        var variant = outcome is Outcome.Discarded or Outcome.Suicidal ? random.Number(0, 9) : 0;
        var afterError = variant is >= 5 and <= 7;
        var afterPause = variant >= 8;

        // A job that is still alive may fail later; one that finished never failed.
        var failing = outcome switch
        {
            Outcome.Error => true,
            Outcome.Finished => false,
            _ => afterError || random.Number(0, 4) == 0,
        };
        var plan = plans.Pick(shape, failing);

        // The job ends on its own (SUCCEED or ERROR) this long after creation.
        var live = LiveSpan(plan, shape.StepNames.Length);
        switch (outcome)
        {
            case Outcome.Finished or Outcome.Error:
                return new LifeScript(outcome, plan, AtLeast(random, drawnAge, live), -1, -1);
            case Outcome.Running:
                var picked = plan.PickupDelayMs;
                return new LifeScript(outcome, plan, picked + random.Number(0, (int)(live - 1 - picked)), -1, -1);
            case Outcome.Pending:
                return new LifeScript(outcome, plan, random.Number(0, (int)plan.PickupDelayMs - 1), -1, -1);
            case Outcome.Stopped:
                var pausedAt = random.Number(0, (int)live - 1);
                return new LifeScript(outcome, plan, AtLeast(random, drawnAge, pausedAt), pausedAt, -1);
        }

        long pauseAt = afterPause ? random.Number(0, (int)live - 1) : -1;
        var endAt = afterError ? live + Gap(random)
            : afterPause ? pauseAt + Gap(random)
            : random.Number(0, (int)live - 1);
        return new LifeScript(outcome, plan, AtLeast(random, drawnAge, endAt), pauseAt, endAt);
    }

    /// <summary>Plays the script on a job just created READY, then catches it up to <paramref name="referenceMs"/>.</summary>
    public static void Play(Job job, LifeScript script, long referenceMs)
    {
        if (script.PauseAt >= 0)
        {
            var at = job.CreateTime + script.PauseAt;
            JobLife.CatchUp(job, at);
            Pause(job, at);
        }

        if (script.EndAt >= 0)
        {
            var at = job.CreateTime + script.EndAt;
            JobLife.CatchUp(job, at);
            Discard(job, script.Outcome == Outcome.Suicidal ? ExecutableState.SUICIDAL : ExecutableState.DISCARDED, at);
        }

        JobLife.CatchUp(job, referenceMs);
    }

    /// <summary>Whether the outcome is a final state (nothing more happens to the job).</summary>
    public static bool IsFinal(Outcome outcome) => outcome is Outcome.Finished or Outcome.Discarded or Outcome.Suicidal;

    // PAUSE: the job and its running step (if it was running) go PAUSED.
    private static void Pause(Job job, long at)
    {
        var running = RunningStep(job);
        StateMoves.MoveJob(job, ExecutableState.PAUSED, at);
        if (running is not null)
        {
            StateMoves.MoveStep(job, running, ExecutableState.PAUSED, at);
        }
    }

    // DISCARD: every step not yet succeeded is discarded, then the job.
    private static void Discard(Job job, ExecutableState end, long at)
    {
        foreach (var step in job.Steps)
        {
            if (step.State != ExecutableState.SUCCEED)
            {
                StateMoves.MoveStep(job, step, ExecutableState.DISCARDED, at);
            }
        }

        StateMoves.MoveJob(job, end, at);
    }

    private static JobStep? RunningStep(Job job)
    {
        foreach (var step in job.Steps)
        {
            if (step.State == ExecutableState.RUNNING)
            {
                return step;
            }
        }

        return null;
    }

    private static Outcome PickOutcome(Randomizer random)
    {
        var draw = random.Number(0, 999);
        for (var i = 0; i < OutcomeWeights.Length; i++)
        {
            if (draw < OutcomeWeights[i])
            {
                return (Outcome)i;
            }

            draw -= OutcomeWeights[i];
        }

        return Outcome.Finished;
    }

    private static long LiveSpan(JobPlan plan, int stepCount)
    {
        var last = plan.FailAtStep ?? stepCount - 1;
        var span = plan.PickupDelayMs;
        for (var i = 0; i <= last; i++)
        {
            span += plan.StepDuration(i);
        }

        return span;
    }

    // The drawn age, unless the job needs longer to get where its script takes it.
    private static long AtLeast(Randomizer random, long drawnAge, long lastEvent) =>
        drawnAge > lastEvent ? drawnAge : lastEvent + (random.Number(1, 3_600) * 1000L);

    // A user acts a minute to two days after the job stopped or failed.
    private static long Gap(Randomizer random) => random.Number(60, 2 * 86_400) * 1000L;
}
