namespace KylinMock.Clocks;

/// <summary>A clock the control API may set and advance (the mock's own clocks, or a FakeTimeProvider through its public methods).</summary>
internal interface IMovableClock
{
    /// <summary>Moves the clock forward by a non-negative delta.</summary>
    void Advance(TimeSpan delta);

    /// <summary>Makes the clock read <paramref name="now"/>.</summary>
    void SetUtcNow(DateTimeOffset now);
}
