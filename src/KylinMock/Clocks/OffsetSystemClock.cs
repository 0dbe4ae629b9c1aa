namespace KylinMock.Clocks;

/// <summary>
/// The system clock started at an offset: it reads <c>start</c> when made and flows with the system
/// clock from there; the control API can still set it forward or advance it (the standalone mock's
/// <c>--clock system</c>). It never reads less than it read before unless set (a system clock stepped
/// back waits for itself), and a move that would leave <see cref="ClockRange"/> is refused before it moves.
/// </summary>
internal sealed class OffsetSystemClock : TimeProvider, IMovableClock
{
    private static readonly long MaxTicks = DateTimeOffset.MaxValue.UtcTicks;
    private readonly Lock gate = new();
    private long offsetTicks;
    private long lastTicks;

    /// <summary>A flowing clock that reads <paramref name="start"/> (inside <see cref="ClockRange"/>) now.</summary>
    public OffsetSystemClock(DateTimeOffset start)
    {
        SetUtcNow(start);
    }

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            // Clamped, never thrown: a clock left a year past ClockRange.Latest still reads.
            var ticks = Math.Min(System.GetUtcNow().UtcTicks + offsetTicks, MaxTicks);
            lastTicks = Math.Max(lastTicks, ticks);
            return new DateTimeOffset(lastTicks, TimeSpan.Zero);
        }
    }

    /// <summary>Moves the clock forward by <paramref name="delta"/> (not negative, and not past <see cref="ClockRange.Latest"/>).</summary>
    public void Advance(TimeSpan delta)
    {
        lock (gate)
        {
            var now = GetUtcNow();
            var after = ClockRange.After(now, delta);
            offsetTicks += delta.Ticks;
            lastTicks = after.UtcTicks;
        }
    }

    /// <summary>Makes the clock read <paramref name="now"/> (inside <see cref="ClockRange"/>) at this instant.</summary>
    public void SetUtcNow(DateTimeOffset now)
    {
        ClockRange.Check(now, nameof(now));
        lock (gate)
        {
            offsetTicks = now.UtcTicks - System.GetUtcNow().UtcTicks;
            lastTicks = now.UtcTicks;
        }
    }
}
