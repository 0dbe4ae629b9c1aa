using Microsoft.Extensions.Time.Testing;

namespace KylinMock.Clocks;

/// <summary>
/// Moves the server's clock for the control API: a <see cref="ManualClock"/>, an <see cref="OffsetSystemClock"/>
/// or a <see cref="FakeTimeProvider"/> (through its public <c>SetUtcNow</c> and <c>Advance</c>). Any other
/// <see cref="TimeProvider"/> belongs to the caller and cannot be moved over HTTP.
/// </summary>
internal sealed class ClockControl
{
    private readonly TimeProvider clock;
    private readonly DateTimeOffset start;
    private readonly IMovableClock? movable;

    public ClockControl(TimeProvider clock)
    {
        this.clock = clock;
        start = clock.GetUtcNow();
        movable = clock switch
        {
            IMovableClock own => own,
            FakeTimeProvider fake => new FakeClockMover(fake),
            _ => null,
        };
    }

    /// <summary>Whether the clock can be set and advanced.</summary>
    public bool CanMove => movable is not null;

    /// <summary>Whether the clock is the mock's own (so a control-API reset returns it to the start).</summary>
    public bool IsOwn => clock is IMovableClock;

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Sets the clock; it may not go backwards (jobs cannot un-happen) nor leave <see cref="ClockRange"/>, and a refused set leaves it where it was.</summary>
    public void Set(DateTimeOffset now)
    {
        var movable = Require();
        if (now < clock.GetUtcNow())
        {
            throw new ArgumentOutOfRangeException(nameof(now), "The clock cannot go backwards; use reset to return to the start.");
        }

        movable.SetUtcNow(ClockRange.Check(now, nameof(now)));
    }

    /// <summary>Advances the clock by <paramref name="delta"/>; a move past <see cref="ClockRange.Latest"/> is refused before the clock moves.</summary>
    public void Advance(TimeSpan delta)
    {
        var movable = Require();
        ClockRange.After(clock.GetUtcNow(), delta);
        movable.Advance(delta);
    }

    /// <summary>Back to where the clock stood when the server started (used by reset only).</summary>
    public void Restart()
    {
        if (movable is not null && clock.GetUtcNow() != start)
        {
            movable.SetUtcNow(start);
        }
    }

    private IMovableClock Require() =>
        movable ?? throw new InvalidOperationException("This clock belongs to the caller and cannot be moved over HTTP.");
}
