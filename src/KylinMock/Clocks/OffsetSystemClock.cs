namespace KylinMock.Clocks;

/// <summary>
/// The system clock started at an offset: it reads <c>start</c> when made and flows with the system
/// clock from there; the control API can still set it forward or advance it (the standalone mock's
/// <c>--clock system</c>).
/// </summary>
public sealed class OffsetSystemClock : TimeProvider, IMovableClock
{
    private long offsetTicks;

    /// <summary>A flowing clock that reads <paramref name="start"/> now.</summary>
    public OffsetSystemClock(DateTimeOffset start)
    {
        offsetTicks = (start - System.GetUtcNow()).Ticks;
    }

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref offsetTicks));

    /// <summary>Moves the clock forward by <paramref name="delta"/>.</summary>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        Interlocked.Add(ref offsetTicks, delta.Ticks);
    }

    /// <summary>Makes the clock read <paramref name="now"/> at this instant.</summary>
    public void SetUtcNow(DateTimeOffset now) => Interlocked.Exchange(ref offsetTicks, (now - System.GetUtcNow()).Ticks);
}
