using KylinMock.Control;

namespace KylinMock.Http;

/// <summary>
/// The mock's own control plane under <c>/__kylinmock/</c> (never a Kylin path): the <c>X-KylinMock-Token</c>
/// check when a token is set (open routes such as health skip it), then the control handler's
/// <c>(status, body)</c> as JSON. Failures become <c>{"error": ...}</c> in <see cref="ErrorAnswer"/>.
/// </summary>
internal sealed class ControlEndpoint(ServerContext server)
{
    private const string TokenHeader = "X-KylinMock-Token";

    /// <summary>Answers a control request; <paramref name="route"/> is null when no control route has its path and method.</summary>
    public KylinAnswer Answer(KylinRequest request, ControlRoute? route, bool open, IReadOnlyDictionary<string, string> values)
    {
        try
        {
            if (!open && server.ControlToken is { } token && request.Header(TokenHeader) != token)
            {
                throw new ControlException(401, $"the control API needs the header {TokenHeader}");
            }

            if (route is null)
            {
                throw new ControlException(404, $"no control operation {request.Method.ToUpperInvariant()} {request.Path}");
            }

            var answer = route.Handler(new ControlCall(values, name => SpringBinding.String(request, name), request.Body));
            return new KylinAnswer(answer.Status, MediaTypes.Json, answer.Body) { Streamed = answer.Streamed };
        }
        catch (Exception e)
        {
            return ErrorAnswer.From(e, request);
        }
    }
}
