namespace KylinMock.Control;

/// <summary>What a fault does to a Kylin endpoint's answer.</summary>
public enum FaultKind
{
    /// <summary>Answer as usual, after <see cref="FaultRule.DelayMs"/>.</summary>
    Delay,

    /// <summary>Answer with Kylin's error envelope for <see cref="FaultRule.ErrorCode"/> and <see cref="FaultRule.HttpStatus"/>.</summary>
    Error,

    /// <summary>Close the connection without an answer.</summary>
    Drop,

    /// <summary>Answer 200 with a truncated, unparseable JSON body.</summary>
    Malformed,
}

/// <summary>
/// A fault injected into Kylin endpoints: which requests it hits (method, path), what it does, and
/// how often (always, the next <see cref="Times"/> calls, or with a seeded <see cref="Probability"/>).
/// </summary>
public sealed record FaultRule
{
    /// <summary>The id the server gives the rule (to delete it).</summary>
    public string Id { get; init; } = string.Empty;

    /// <summary>What the fault does.</summary>
    public FaultKind Kind { get; init; }

    /// <summary>Only this HTTP method, when set.</summary>
    public string? Method { get; init; }

    /// <summary>Only paths starting with this (for example <c>/kylin/api/jobs/status</c>); every Kylin path when null.</summary>
    public string? PathPrefix { get; init; }

    /// <summary>For <see cref="FaultKind.Delay"/>: milliseconds of delay (real time, not the mock's clock).</summary>
    public int DelayMs { get; init; }

    /// <summary>For <see cref="FaultKind.Error"/>: the KE code, for example <c>KE-010032219</c>.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>For <see cref="FaultKind.Error"/>: the message after the code.</summary>
    public string? Message { get; init; }

    /// <summary>For <see cref="FaultKind.Error"/>: the HTTP status (500 by default, as Kylin answers coded errors).</summary>
    public int HttpStatus { get; init; } = 500;

    /// <summary>Hits only the next N matching calls, then retires; every matching call when null.</summary>
    public int? Times { get; init; }

    /// <summary>Hits a matching call with this probability (0..1), drawn from <see cref="Seed"/>.</summary>
    public double Probability { get; init; } = 1.0;

    /// <summary>The seed of the probability draws, so a run repeats.</summary>
    public int Seed { get; init; }

    /// <summary>Throws when the rule cannot work.</summary>
    public void Validate()
    {
        if (!Enum.IsDefined(Kind))
        {
            throw new ArgumentException($"kind must be one of {string.Join(", ", Enum.GetNames<FaultKind>())}.");
        }

        if (Probability is < 0 or > 1 || double.IsNaN(Probability))
        {
            throw new ArgumentException("probability must be between 0 and 1.");
        }

        if (Times is < 1)
        {
            throw new ArgumentException("times must be at least 1.");
        }

        if (DelayMs is < 0 or > 600_000)
        {
            throw new ArgumentException("delay_ms must be between 0 and 600000.");
        }

        if (HttpStatus is < 100 or > 599)
        {
            throw new ArgumentException("http_status must be between 100 and 599.");
        }

        if (Kind == FaultKind.Error && string.IsNullOrWhiteSpace(ErrorCode))
        {
            throw new ArgumentException("an error fault needs error_code.");
        }
    }
}
