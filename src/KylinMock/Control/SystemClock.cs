namespace KylinMock.Control;

/// <summary>
/// The system clock shifted by an offset that the control API can move: the standalone mock's
/// <c>--clock system</c> (time flows, and can still be set forward or advanced).
/// </summary>
public sealed class SystemClock : TimeProvider
{
    private long offsetTicks;

    /// <summary>A flowing clock that reads <paramref name="start"/> now.</summary>
    public SystemClock(DateTimeOffset start)
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
