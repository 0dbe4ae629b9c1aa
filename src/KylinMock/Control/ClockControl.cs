using System.Reflection;

namespace KylinMock.Control;

/// <summary>
/// Moves the server's clock for the control API: a <see cref="ManualClock"/>, a <see cref="SystemClock"/>
/// or a <c>FakeTimeProvider</c> (through its public <c>SetUtcNow</c> and <c>Advance</c>). Any other
/// <see cref="TimeProvider"/> belongs to the caller and cannot be moved over HTTP.
/// </summary>
internal sealed class ClockControl
{
    private readonly TimeProvider clock;
    private readonly DateTimeOffset start;
    private readonly MethodInfo? setUtcNow;
    private readonly MethodInfo? advance;

    public ClockControl(TimeProvider clock)
    {
        this.clock = clock;
        start = clock.GetUtcNow();
        if (clock is not (ManualClock or SystemClock))
        {
            var type = clock.GetType();
            setUtcNow = type.GetMethod("SetUtcNow", [typeof(DateTimeOffset)]);
            advance = type.GetMethod("Advance", [typeof(TimeSpan)]);
        }
    }

    /// <summary>Whether the clock can be set and advanced.</summary>
    public bool CanMove => clock is ManualClock or SystemClock || (setUtcNow is not null && advance is not null);

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Sets the clock; it may not go backwards (jobs cannot un-happen).</summary>
    public void Set(DateTimeOffset now)
    {
        if (now < clock.GetUtcNow())
        {
            throw new ArgumentOutOfRangeException(nameof(now), "The clock cannot go backwards; use reset to return to the start.");
        }

        SetUnchecked(now);
    }

    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        switch (clock)
        {
            case ManualClock manual:
                manual.Advance(delta);
                break;
            case SystemClock system:
                system.Advance(delta);
                break;
            default:
                Require(advance).Invoke(clock, [delta]);
                break;
        }
    }

    /// <summary>Back to where the clock stood when the server started (used by reset only).</summary>
    public void Restart()
    {
        if (CanMove && clock.GetUtcNow() != start)
        {
            SetUnchecked(start);
        }
    }

    private void SetUnchecked(DateTimeOffset now)
    {
        switch (clock)
        {
            case ManualClock manual:
                manual.SetUtcNow(now);
                break;
            case SystemClock system:
                system.SetUtcNow(now);
                break;
            default:
                Require(setUtcNow).Invoke(clock, [now]);
                break;
        }
    }

    private static MethodInfo Require(MethodInfo? method) =>
        method ?? throw new InvalidOperationException("This clock belongs to the caller and cannot be moved over HTTP.");
}
