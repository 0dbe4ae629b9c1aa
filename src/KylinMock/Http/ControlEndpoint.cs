using System.Text;
using KylinMock.Control;
using KylinMock.Jobs;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using WireMock;
using WireMock.ResponseProviders;
using WireMock.Settings;

namespace KylinMock.Http;

/// <summary>
/// The mock's own control plane under <c>/__kylinmock/</c> (never a Kylin path): JSON in and out,
/// <c>{"error": ...}</c> on failure, and the <c>X-KylinMock-Token</c> header when a token is set
/// (health stays open for readiness checks). One route table, moto-style.
/// </summary>
internal sealed class ControlEndpoint(ServerContext server) : IResponseProvider
{
    public const string Prefix = "/__kylinmock";

    private const string TokenHeader = "X-KylinMock-Token";

    /// <inheritdoc />
    public Task<(IResponseMessage Message, IMapping? Mapping)> ProvideResponseAsync(
        IMapping mapping, Microsoft.AspNetCore.Http.HttpContext context, IRequestMessage requestMessage, WireMockServerSettings settings)
    {
        context.Items[SafetyNet.AnsweredKey] = true;
        KylinAnswer answer;
        try
        {
            var request = KylinRequest.From(requestMessage, context, server.Port);
            var segments = request.Path[Prefix.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries);
            answer = Route(new ControlRequest(request.Method.ToUpperInvariant(), segments, request));
        }
        catch (ControlException e)
        {
            answer = Json(e.Status, new JObject { ["error"] = e.Message });
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or KeyNotFoundException or Fixtures.FixtureException)
        {
            answer = Json(e is KeyNotFoundException ? 404 : 400, new JObject { ["error"] = e.Message });
        }
        catch (Exception e)
        {
            answer = Json(500, new JObject { ["error"] = "unexpected: " + e.Message });
        }

        return Task.FromResult<(IResponseMessage, IMapping?)>((KylinEndpoint.ToMessage(answer), null));
    }

    public static KylinAnswer Json(int status, JToken body) =>
        new(status, MediaTypes.Json, Encoding.UTF8.GetBytes(body.ToString(Formatting.None)));

    private KylinAnswer Route(ControlRequest request)
    {
        var route = request.Segments.Length == 0 ? string.Empty : request.Segments[0];
        if (route != "health" && server.ControlToken is { } token && request.Http.Header(TokenHeader) != token)
        {
            throw new ControlException(401, $"the control API needs the header {TokenHeader}");
        }

        return (route, request.Method, request.Segments.Length) switch
        {
            ("health", "GET", 1) => Json(200, new JObject { ["status"] = "UP", ["jobs"] = server.Store.Count, ["now"] = server.NowMs }),
            ("reset", "POST", 1) => Reset(),
            ("clock", _, _) => ControlClock.Handle(server, request),
            ("jobs", _, _) => ControlJobs.Handle(server, request),
            ("models", _, _) => ControlModels.Handle(server, request),
            ("faults", _, _) => ControlFaults.Handle(server, request),
            ("journal", _, _) => ControlJournal.Handle(server, request),
            _ => throw new ControlException(404, $"no control operation {request.Method} {request.Http.Path}"),
        };
    }

    private KylinAnswer Reset()
    {
        ControlPlane.Reset(server, restartClock: true);
        return Json(200, new JObject { ["reset"] = true, ["jobs"] = server.Store.Count, ["now"] = server.NowMs });
    }
}
