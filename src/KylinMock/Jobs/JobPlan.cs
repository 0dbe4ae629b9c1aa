namespace KylinMock.Jobs;

/// <summary>
/// How a job lives on the mock's clock: when the scheduler picks it up, how long each step runs,
/// and whether (and where) it fails. A scripted outcome is a plan.
/// </summary>
public sealed record JobPlan
{
    /// <summary>
    /// The longest a pick-up delay or a step may take: 100 years of 365 days. Every plan keeps to it, so
    /// no sum of a clock reading and a plan can overflow.
    /// </summary>
    public const long MaxDurationMs = 100L * 365 * 24 * 60 * 60 * 1000;

    private readonly long pickupDelayMs = 5_000;
    private readonly IReadOnlyList<long> stepDurationsMs = [];

    /// <summary>Milliseconds from entering READY (creation, RESUME, RESTART) to being picked up (0 to <see cref="MaxDurationMs"/>).</summary>
    public long PickupDelayMs { get => pickupDelayMs; init => pickupDelayMs = Bounded(value, nameof(PickupDelayMs)); }

    /// <summary>Milliseconds each step runs, one per step (each 0 to <see cref="MaxDurationMs"/>); missing entries run 60 s.</summary>
    public IReadOnlyList<long> StepDurationsMs
    {
        get => stepDurationsMs;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            foreach (var ms in value)
            {
                Bounded(ms, nameof(StepDurationsMs));
            }

            stepDurationsMs = value;
        }
    }

    /// <summary>The index of the step that fails, or null when the job never fails.</summary>
    public int? FailAtStep { get; init; }

    /// <summary>How many runs fail at <see cref="FailAtStep"/>: 1 = fails once and succeeds after RESUME; <see cref="int.MaxValue"/> = fails every time.</summary>
    public int FailingRuns { get; init; } = 1;

    /// <summary>The failure message a failed step reports.</summary>
    public string? FailureMessage { get; init; }

    /// <summary>A plan that succeeds: picked up after <paramref name="pickupDelayMs"/>, each step running as given.</summary>
    public static JobPlan Succeeds(long pickupDelayMs, params long[] stepDurationsMs) =>
        new() { PickupDelayMs = pickupDelayMs, StepDurationsMs = stepDurationsMs };

    /// <summary>This plan, failing at step <paramref name="stepIndex"/> for the first <paramref name="runs"/> runs.</summary>
    public JobPlan FailingAt(int stepIndex, int runs = 1, string? message = null) =>
        this with { FailAtStep = stepIndex, FailingRuns = runs, FailureMessage = message ?? FailureMessage };

    /// <summary>Refuses a plan whose <see cref="FailAtStep"/> names no step of a job with <paramref name="steps"/> steps (it could never fail).</summary>
    internal JobPlan CheckFitsSteps(int steps)
    {
        if (FailAtStep is { } step && (step < 0 || step >= steps))
        {
            throw new ArgumentException($"fail_at_step {step} names no step of a job with {steps} steps (0 to {steps - 1}).");
        }

        return this;
    }

    /// <summary>The planned running time of step <paramref name="index"/>.</summary>
    public long StepDuration(int index) => index < StepDurationsMs.Count ? StepDurationsMs[index] : 60_000;

    /// <summary>Whether run number <paramref name="run"/> (1-based) fails at step <paramref name="index"/>.</summary>
    public bool Fails(int index, int run) => FailAtStep == index && run <= FailingRuns;

    private static long Bounded(long ms, string name)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ms, name);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ms, MaxDurationMs, name);
        return ms;
    }

    /// <summary>Two plans are equal when every field is, step durations item by item.</summary>
    public bool Equals(JobPlan? other) =>
        other is not null && PickupDelayMs == other.PickupDelayMs && FailAtStep == other.FailAtStep && FailingRuns == other.FailingRuns
        && FailureMessage == other.FailureMessage && ListEquality.Equal(StepDurationsMs, other.StepDurationsMs);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(PickupDelayMs);
        hash.Add(FailAtStep);
        hash.Add(FailingRuns);
        hash.Add(FailureMessage);
        ListEquality.Add(ref hash, StepDurationsMs);
        return hash.ToHashCode();
    }
}
