using KylinMock.Clocks;
using Microsoft.Extensions.Time.Testing;

namespace KylinMock.Tests.Clocks;

/// <summary>How the control plane moves a server's clock: forwards only, inside Java's date range, back to the start on reset.</summary>
public sealed class ClockControlTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 15, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public void Advance_MovesTheMocksOwnClock_AndRestartReturnsToTheStart()
    {
        var clock = new ManualClock(Start);
        var control = new ClockControl(clock);
        control.Advance(TimeSpan.FromMinutes(5));
        var moved = control.Now;
        control.Restart();
        Assert.Multiple(() =>
        {
            Assert.That(moved, Is.EqualTo(Start.AddMinutes(5)));
            Assert.That(control.Now, Is.EqualTo(Start));
            Assert.That((control.CanMove, control.IsOwn), Is.EqualTo((true, true)));
        });
    }

    [Test]
    public void Set_Backwards_IsRefused_AndTheClockStaysPut()
    {
        var control = new ClockControl(new ManualClock(Start));
        Assert.Throws<ArgumentOutOfRangeException>(() => control.Set(Start.AddSeconds(-1)));
        Assert.That(control.Now, Is.EqualTo(Start));
    }

    [Test]
    public void Advance_PastTheLatestInstant_IsRefusedBeforeTheClockMoves()
    {
        var control = new ClockControl(new ManualClock(Start));
        Assert.Throws<ArgumentOutOfRangeException>(() => control.Advance(ClockRange.Latest - Start + TimeSpan.FromDays(1)));
        Assert.That(control.Now, Is.EqualTo(Start));
    }

    [Test]
    public void FakeTimeProvider_IsMovable_ButNotTheMocksOwn()
    {
        // A test's FakeTimeProvider moves through its public SetUtcNow/Advance; reset leaves it to the test.
        var fake = new FakeTimeProvider(Start);
        var control = new ClockControl(fake);
        control.Advance(TimeSpan.FromHours(1));
        Assert.Multiple(() =>
        {
            Assert.That(fake.GetUtcNow(), Is.EqualTo(Start.AddHours(1)));
            Assert.That((control.CanMove, control.IsOwn), Is.EqualTo((true, false)));
        });
    }

    [Test]
    public void SystemClock_CannotBeMovedOverHttp()
    {
        var control = new ClockControl(TimeProvider.System);
        Assert.Multiple(() =>
        {
            Assert.That(control.CanMove, Is.False);
            Assert.Throws<InvalidOperationException>(() => control.Advance(TimeSpan.FromSeconds(1)));
        });
    }
}
