using KylinMock.Control;

namespace KylinMock.Http;

/// <summary>
/// The mock's own control plane under <c>/__kylinmock/</c> (never a Kylin path): the <c>X-KylinMock-Token</c>
/// check when a token is set (open routes such as health skip it), then the control handler's
/// <c>(status, body)</c>. Failures become <c>{"error": ...}</c> in <see cref="ErrorAnswer"/>.
/// </summary>
internal sealed class ControlEndpoint(ServerContext server)
{
    private const string TokenHeader = "X-KylinMock-Token";

    /// <summary>
    /// Answers a control request; <paramref name="route"/> is null when no control route has its path and
    /// method (<paramref name="allow"/> then names the methods of the path that matched, or is null).
    /// </summary>
    public KylinAnswer Answer(KylinRequest request, ControlRoute? route, bool open, string? allow, IReadOnlyDictionary<string, string> values)
    {
        try
        {
            Guard(request, open);
            if (route is null)
            {
                throw allow is null
                    ? new ControlException(404, $"no control operation {request.Method.ToUpperInvariant()} {request.Path}")
                    : new ControlNotAllowed(request.Method.ToUpperInvariant(), request.Path, allow);
            }

            return route.Handler(new ControlCall(values, name => SpringBinding.String(request, name), request.Body));
        }
        catch (Exception e)
        {
            return ErrorAnswer.From(e, request);
        }
    }

    /// <summary>Answers <paramref name="run"/> behind the token check, its failures as <c>{"error"}</c>.</summary>
    public KylinAnswer Guarded(KylinRequest request, Func<KylinAnswer> run)
    {
        try
        {
            Guard(request, open: false);
            return run();
        }
        catch (Exception e)
        {
            return ErrorAnswer.From(e, request);
        }
    }

    private void Guard(KylinRequest request, bool open)
    {
        if (!open && server.ControlToken is { } token && request.Header(TokenHeader) != token)
        {
            throw new ControlException(401, $"the control API needs the header {TokenHeader}");
        }
    }
}
