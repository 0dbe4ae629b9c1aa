using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace KylinMock.Http;

/// <summary>The WireMock host of one server: Kestrel on the port, <see cref="SafetyNet"/> in front, one mapping to <see cref="KylinRoutes"/>.</summary>
internal sealed class KylinHost
{
    private readonly WireMockServer wireMock;

    private KylinHost(WireMockServer wireMock)
    {
        this.wireMock = wireMock;
    }

    /// <summary>The port it listens on.</summary>
    public int Port => wireMock.Ports[0];

    /// <summary>Starts listening on <paramref name="host"/> and the options' port; the context learns the bound port.</summary>
    public static KylinHost Start(string host, KylinMockOptions options, ServerContext context)
    {
        var wireMock = WireMockServer.Start(new WireMockServerSettings
        {
            Urls = [$"http://{host}:{options.Port}"],
            StartAdminInterface = false,
            ReadStaticMappings = false,
            MaxRequestLogCount = 0,
            DoNotSaveDynamicResponseInLogEntry = true,
            DisableJsonBodyParsing = true,
            DisableRequestBodyDecompressing = true,
            DisableDeserializeFormUrlEncoded = true,
            AllowBodyForAllHttpMethods = true,
            Logger = new WireMockNullLogger(),
            PreWireMockMiddlewareInit = app => SafetyNet.Install(app, () => context.Port, options.MaxRequestBodyBytes),
        });
        context.Port = wireMock.Ports[0];
        wireMock.Given(Request.Create().UsingAnyMethod()).RespondWith(KylinRoutes.Build(context));
        return new KylinHost(wireMock);
    }

    /// <summary>Stops listening (WireMock's Stop, then Dispose: Dispose alone does not wait for the server).</summary>
    public void Stop()
    {
        wireMock.Stop();
        wireMock.Dispose();
    }
}
