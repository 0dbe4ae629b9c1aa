namespace KylinMock.Benchmarks.Harness;

/// <summary>The instant every benchmark estate is generated at and its fixed clock shows.</summary>
internal static class Reference
{
    public static readonly DateTimeOffset Now = new(2026, 3, 15, 12, 0, 0, TimeSpan.Zero);
}
