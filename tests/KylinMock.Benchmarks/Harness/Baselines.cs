using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace KylinMock.Benchmarks.Harness;

/// <summary>A canned answer: method, path, status, content type and the exact body bytes.</summary>
internal sealed record CannedAnswer(string Method, string Path, int Status, string ContentType, byte[] Body);

/// <summary>
/// The baseline a team would replace KylinMock with: a static WireMock.Net stub on its own server,
/// answering fixed bytes. It gets the same request-log and body-parsing settings as KylinMock's
/// server, so the comparison is of the work per request, not of logging policy.
/// </summary>
internal sealed class StaticStub : IDisposable
{
    private readonly WireMockServer server;

    private StaticStub(WireMockServer server) => this.server = server;

    public string Url => server.Urls[0];

    /// <summary>Starts a tuned stub (no request log, no body parsing) answering <paramref name="answers"/>.</summary>
    public static StaticStub Start(params CannedAnswer[] answers) => Start(Tuned(), answers);

    /// <summary>Starts a stub with WireMock's default settings (a bare <c>WireMockServer.Start()</c>).</summary>
    public static StaticStub StartBare(params CannedAnswer[] answers) => Start(new WireMockServerSettings { Port = 0 }, answers);

    private static StaticStub Start(WireMockServerSettings settings, CannedAnswer[] answers)
    {
        var server = WireMockServer.Start(settings);
        foreach (var answer in answers)
        {
            server.Given(Request.Create().WithPath(answer.Path).UsingMethod(answer.Method))
                .RespondWith(Response.Create().WithStatusCode(answer.Status).WithHeader("Content-Type", answer.ContentType).WithBody(answer.Body));
        }

        return new StaticStub(server);
    }

    private static WireMockServerSettings Tuned() => new()
    {
        Urls = ["http://127.0.0.1:0"],
        StartAdminInterface = false,
        ReadStaticMappings = false,
        MaxRequestLogCount = 0,
        DisableJsonBodyParsing = true,
        DisableRequestBodyDecompressing = true,
        DisableDeserializeFormUrlEncoded = true,
        AllowBodyForAllHttpMethods = true,
        Logger = new WireMockNullLogger(),
    };

    public void Dispose()
    {
        server.Stop();
        server.Dispose();
    }
}

/// <summary>The floor: bare Kestrel (ASP.NET Core's slim builder) answering the same bytes, no WireMock.</summary>
internal sealed class BareKestrel : IAsyncDisposable
{
    private readonly WebApplication app;

    private BareKestrel(WebApplication app, string url)
    {
        this.app = app;
        Url = url;
    }

    public string Url { get; }

    public static async Task<BareKestrel> Start(params CannedAnswer[] answers)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var byRoute = answers.ToDictionary(a => (a.Method, a.Path));
        app.Run(context =>
        {
            if (!byRoute.TryGetValue((context.Request.Method, context.Request.Path.Value ?? "/"), out var answer))
            {
                context.Response.StatusCode = 404;
                return Task.CompletedTask;
            }

            context.Response.StatusCode = answer.Status;
            context.Response.ContentType = answer.ContentType;
            context.Response.ContentLength = answer.Body.Length;
            return context.Response.Body.WriteAsync(answer.Body).AsTask();
        });
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BareKestrel(app, address);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }
}

/// <summary>A clock that starts at <paramref name="start"/> and moves in real time (a standalone mock's system clock, shifted).</summary>
internal sealed class MovingClock(DateTimeOffset start) : TimeProvider
{
    private readonly long origin = global::System.Diagnostics.Stopwatch.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => start + global::System.Diagnostics.Stopwatch.GetElapsedTime(origin);
}

/// <summary>A clock that stands still, so an estate's answers stay byte-identical for the whole run.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>A clock one millisecond further on at every reading: no two list requests see the same instant, so none is answered from the list cache.</summary>
internal sealed class SteppingClock(DateTimeOffset start) : TimeProvider
{
    private long ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Add(ref ticks, TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
}
