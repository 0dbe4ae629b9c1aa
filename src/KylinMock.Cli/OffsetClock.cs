namespace KylinMock.Cli;

/// <summary>The system clock shifted by a fixed offset: <c>--clock system --now X</c> starts at X and flows.</summary>
internal sealed class OffsetClock(TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
}
