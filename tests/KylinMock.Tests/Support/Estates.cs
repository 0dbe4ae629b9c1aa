using Microsoft.Extensions.Time.Testing;

namespace KylinMock.Tests.Support;

/// <summary>Shared test inputs: the fixed "now" and the hand-written estate captured in Kylin's shape.</summary>
internal static class Estates
{
    /// <summary>2026-03-15T12:00:00Z, the instant the hand-written capture was taken.</summary>
    public static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(1773576000000);

    public static string CapturedList => Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "captured-list.json");

    public static string Id(int n) => $"a1b2c3d4-0000-4000-8000-{n:000000000000}";

    /// <summary>A server over the hand-written capture, its clock standing at <see cref="Now"/>.</summary>
    public static KylinMockServer StartCaptured(out FakeTimeProvider clock, KylinMockOptions? options = null)
    {
        clock = new FakeTimeProvider(Now);
        return KylinMockServer.Start((options ?? new KylinMockOptions()) with { Clock = clock, FixturePath = CapturedList });
    }
}
