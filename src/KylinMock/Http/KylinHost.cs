using Microsoft.AspNetCore.Hosting.Server;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace KylinMock.Http;

/// <summary>The WireMock host of one server: Kestrel on the port, <see cref="SafetyNet"/> in front, one mapping to <see cref="KylinRoutes"/>.</summary>
internal sealed class KylinHost
{
    private readonly WireMockServer wireMock;
    private readonly Func<IServiceProvider?> services;

    private KylinHost(WireMockServer wireMock, Func<IServiceProvider?> services)
    {
        this.wireMock = wireMock;
        this.services = services;
    }

    /// <summary>The port it listens on.</summary>
    public int Port => wireMock.Ports[0];

    /// <summary>Starts listening on <paramref name="host"/> and the options' port; the context learns the bound port.</summary>
    public static KylinHost Start(string host, KylinMockOptions options, ServerContext context)
    {
        IServiceProvider? services = null;
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
            PreWireMockMiddlewareInit = app =>
            {
                services = ((Microsoft.AspNetCore.Builder.IApplicationBuilder)app).ApplicationServices;
                SafetyNet.Install(app, () => context.Port, options.MaxRequestBodyBytes);
            },
        });
        context.Port = wireMock.Ports[0];
        wireMock.Given(Request.Create().UsingAnyMethod()).RespondWith(KylinRoutes.Build(context));
        return new KylinHost(wireMock, () => services);
    }

    /// <summary>
    /// Stops listening: requests in flight get <paramref name="grace"/> to finish, then their connections
    /// are aborted; then WireMock's Stop and Dispose (Dispose alone does not wait for the server).
    /// </summary>
    public void Stop(TimeSpan grace)
    {
        // Kestrel's own wait for open connections is the host's 30 s; stopping it first with a
        // shorter token bounds it (its StopAsync is idempotent, so WireMock's later call returns at once).
        if (services()?.GetService(typeof(IServer)) is IServer kestrel)
        {
            using var timeout = new CancellationTokenSource(grace);
            kestrel.StopAsync(timeout.Token).GetAwaiter().GetResult();
        }

        wireMock.Stop();
        wireMock.Dispose();
    }
}
