namespace KylinMock.Benchmarks.Harness;

/// <summary>One side of a comparison: what was measured, in which unit, and its repetitions.</summary>
internal sealed record Measurement(string Label, string Unit, Summary Figures);

/// <summary>A target on a figure: the ratio (or the subject's own median) must be at most or at least a bound.</summary>
internal sealed record Target(string Text, string On, bool AtLeast, double Bound)
{
    public bool Holds(double value) => AtLeast ? value >= Bound : value <= Bound;

    public static Target RatioAtLeast(double bound) => new($"ratio >= {bound}", "ratio", true, bound);

    public static Target RatioAtMost(double bound) => new($"ratio <= {bound}", "ratio", false, bound);

    public static Target MedianAtMost(double bound, string unit) => new($"median <= {bound:0.###} {unit}", "median", false, bound);

    public static Target MedianAtLeast(double bound, string unit) => new($"median >= {bound:0.###} {unit}", "median", true, bound);

    public static Target MaxAtMost(double bound, string unit) => new($"max <= {bound:0.###} {unit}", "max", false, bound);
}

/// <summary>
/// One row of the results: a subject, optionally its baseline measured in the same process and run
/// (alternated), the per-repetition ratio subject / baseline, and the target it is held to.
/// </summary>
internal sealed record ScenarioRow(string Name, string Title, Measurement Subject, Measurement? Baseline, Summary? Ratio, Target? Target)
{
    public Dictionary<string, object> Extra { get; init; } = [];

    public string? Note { get; init; }

    public bool? Pass => Target switch
    {
        null => null,
        { On: "ratio" } t => Ratio is { } r && t.Holds(r.Median),
        { On: "max" } t => t.Holds(Subject.Figures.Max),
        { } t => t.Holds(Subject.Figures.Median),
    };
}
