namespace KylinMock.Clocks;

/// <summary>
/// A clock that stands still until it is set or advanced: the standalone mock's <c>--clock manual</c>,
/// moved over HTTP by the control API. Thread-safe; it never goes backwards unless set, and never leaves
/// <see cref="ClockRange"/> (a move that would is refused and leaves the clock where it was).
/// </summary>
public sealed class ManualClock : TimeProvider, IMovableClock
{
    private long nowTicks;

    /// <summary>A clock standing at <paramref name="start"/> (inside <see cref="ClockRange"/>).</summary>
    public ManualClock(DateTimeOffset start)
    {
        nowTicks = ClockRange.Check(start, nameof(start)).UtcTicks;
    }

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref nowTicks), TimeSpan.Zero);

    /// <summary>Moves the clock forward by <paramref name="delta"/> (not negative, and not past <see cref="ClockRange.Latest"/>).</summary>
    public void Advance(TimeSpan delta)
    {
        while (true)
        {
            var before = Interlocked.Read(ref nowTicks);
            var after = ClockRange.After(new DateTimeOffset(before, TimeSpan.Zero), delta).UtcTicks;
            if (Interlocked.CompareExchange(ref nowTicks, after, before) == before)
            {
                return;
            }
        }
    }

    /// <summary>Sets the clock to <paramref name="now"/> (inside <see cref="ClockRange"/>).</summary>
    public void SetUtcNow(DateTimeOffset now) => Interlocked.Exchange(ref nowTicks, ClockRange.Check(now, nameof(now)).UtcTicks);
}
