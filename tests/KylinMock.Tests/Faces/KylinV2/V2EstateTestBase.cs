using KylinMock.Tests.Support;

namespace KylinMock.Tests.Faces.KylinV2;

/// <summary>A started server over <see cref="ModelEstates"/> and v2 GETs against it, for the v2 estate tests.</summary>
public abstract class V2EstateTestBase
{
    /// <summary>The v2 Accept (V2ApiFilter).</summary>
    protected const string V2 = "application/vnd.apache.kylin-v2+json";

    private KylinMockServer kylin = null!;

    private protected KylinHttp Http { get; private set; } = null!;

    [OneTimeSetUp]
    public void Start()
    {
        kylin = ModelEstates.Start();
        Http = new KylinHttp(kylin.Url);
    }

    [OneTimeTearDown]
    public void Stop()
    {
        Http.Dispose();
        kylin.Dispose();
    }

    private protected KylinHttp.Answer Get(string path, string? authorization = KylinHttp.AdminBasic) => Http.Get(path, authorization, accept: V2);

    private protected static string Msg(KylinHttp.Answer answer) => (string)answer.Json["msg"]!;
}
