using Microsoft.Extensions.Time.Testing;

namespace KylinMock.Clocks;

/// <summary>An embedding test's <see cref="FakeTimeProvider"/>, moved through its own <c>Advance</c> and <c>SetUtcNow</c>.</summary>
internal sealed class FakeClockMover(FakeTimeProvider clock) : IMovableClock
{
    public void Advance(TimeSpan delta) => clock.Advance(delta);

    public void SetUtcNow(DateTimeOffset now) => clock.SetUtcNow(now);
}
