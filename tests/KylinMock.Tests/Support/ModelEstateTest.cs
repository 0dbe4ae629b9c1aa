namespace KylinMock.Tests.Support;

/// <summary>A test over a fresh <see cref="ModelEstates"/> server per test (the build endpoints change the estate).</summary>
public abstract class ModelEstateTest
{
    /// <summary>The server, on a FakeTimeProvider standing at <see cref="Estates.Now"/>.</summary>
    protected KylinMockServer Kylin { get; private set; } = null!;

    /// <summary>A client of <see cref="Kylin"/>.</summary>
    internal KylinHttp Http { get; private set; } = null!;

    [SetUp]
    public void StartServer()
    {
        Kylin = ModelEstates.Start();
        Http = new KylinHttp(Kylin.Url);
    }

    [TearDown]
    public void StopServer()
    {
        Http.Dispose();
        Kylin.Dispose();
    }
}
