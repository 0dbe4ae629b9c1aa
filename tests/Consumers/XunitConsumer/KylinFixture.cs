using KylinMock;
using Microsoft.Extensions.Time.Testing;

/// <summary>One mock for the whole test class (xUnit's class fixture): started once, disposed after the last test.</summary>
public sealed class KylinFixture : IDisposable
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.Parse("2026-03-15T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    public KylinMockServer Kylin { get; }

    public KylinFixture()
    {
        Kylin = KylinMockServer.Start(new KylinMockOptions { Clock = Clock, JobCount = 20 });
    }

    public void Dispose() => Kylin.Dispose();
}
