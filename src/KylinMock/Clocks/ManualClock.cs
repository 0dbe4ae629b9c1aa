namespace KylinMock.Clocks;

/// <summary>
/// A clock that stands still until it is set or advanced: the standalone mock's <c>--clock manual</c>,
/// moved over HTTP by the control API. Thread-safe; it never goes backwards unless set.
/// </summary>
public sealed class ManualClock : TimeProvider, IMovableClock
{
    private long nowTicks;

    /// <summary>A clock standing at <paramref name="start"/>.</summary>
    public ManualClock(DateTimeOffset start)
    {
        nowTicks = start.UtcTicks;
    }

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref nowTicks), TimeSpan.Zero);

    /// <summary>Moves the clock forward by <paramref name="delta"/> (not negative).</summary>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        Interlocked.Add(ref nowTicks, delta.Ticks);
    }

    /// <summary>Sets the clock to <paramref name="now"/>.</summary>
    public void SetUtcNow(DateTimeOffset now) => Interlocked.Exchange(ref nowTicks, now.UtcTicks);
}
