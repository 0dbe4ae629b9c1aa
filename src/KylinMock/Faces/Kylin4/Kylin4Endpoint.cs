using KylinMock.Control;
using KylinMock.Http;

namespace KylinMock.Kylin4;

/// <summary>
/// The pipeline in front of every <c>/kylin/api</c> path of a Kylin 4 server, in Kylin 4's order (contract §1):
/// armed faults, Spring Security (Basic or the session cookie: a wrong password is Tomcat's 401 page, no credentials
/// on a protected path a 302 to the login page), then Spring MVC (no handler 404, wrong method 405, an Accept
/// without JSON 406, all as HTML pages), then the operation. Failures become answers in <see cref="Kylin4ErrorAnswer"/>;
/// every answer is journaled as on the Kylin 5 face.
/// </summary>
internal sealed class Kylin4Endpoint(ServerContext server)
{
    /// <summary>Answers a Kylin request; <paramref name="match"/> holds the Kylin 4 lines whose path matched (none for a 404).</summary>
    public async Task<KylinAnswer> Answer(KylinRequest request, Microsoft.AspNetCore.Http.HttpContext context, RouteMatch match)
    {
        var fault = match.Lines.Count == 0 ? null : server.Backend.FaultFor(request.Method, request.Path);
        if (fault is { Kind: FaultKind.Delay })
        {
            await Task.Delay(fault.DelayMs, context.RequestAborted);
        }

        var answer = fault?.Kind switch
        {
            FaultKind.Error => Kylin4ErrorAnswer.From(new InjectedFault(fault), request),
            FaultKind.Malformed => Faulted.Malformed(),
            FaultKind.Drop => Faulted.Drop(context),
            _ => Pipeline(request, match),
        };
        if (match.Lines.Count > 0)
        {
            KylinEndpoint.Journal(server, request, answer, context.RequestAborted.IsCancellationRequested, match.OperationOf(request.Method));
        }

        return answer;
    }

    private KylinAnswer Pipeline(KylinRequest request, RouteMatch match)
    {
        string? session = null;
        KylinAnswer answer;
        try
        {
            // Only /api/* reaches the DispatcherServlet (web.xml:99-107); anything else is Tomcat's 404.
            if (!request.Path.StartsWith("/kylin/api/", StringComparison.Ordinal))
            {
                throw new Kylin4Page(404, "Not Found");
            }

            var (user, started, refused) = Authenticate(request);
            session = started;
            var anonymous = match.Lines.Count > 0 && match.Lines[0].Anonymous;
            if (refused)
            {
                throw new Kylin4Page(401, "Unauthorized");
            }

            if (user is null && !anonymous)
            {
                return Kylin4ErrorAnswer.LoginRedirect(request);
            }

            answer = Dispatch(request, match, user);
        }
        catch (Exception e)
        {
            answer = Kylin4ErrorAnswer.From(e, request);
        }

        return session is null ? answer : SessionLogin.WithCookie(answer, session);
    }

    private static KylinAnswer Dispatch(KylinRequest request, RouteMatch match, Security.UserAccount? user)
    {
        if (match.Lines.Count == 0)
        {
            throw new Kylin4Page(404, "Not Found");
        }

        var method = request.Method.ToUpperInvariant();
        if (method == "OPTIONS")
        {
            return SpringHeaders.Options(match.Allow.Split(", "));
        }

        if (match.Find(request.Method, Produces.V1) is not { } served)
        {
            throw new Kylin4Page(405, "Method Not Allowed") { Allow = match.Allow };
        }

        if (!AcceptsJson(request.Header("Accept")))
        {
            throw new Kylin4Page(406, "Not Acceptable");
        }

        var answer = served.Route.Operation.Handle(request, new RequestContext(Errors.Language.En, MediaTypes.Json, user, served.Line.Values));
        return method == "HEAD" ? answer with { Body = [] } : answer;
    }

    // Every v1 mapping produces application/json: a JSON type or a wildcard in the Accept takes it (contract §1.3).
    private static bool AcceptsJson(string? accept)
    {
        if (string.IsNullOrWhiteSpace(accept))
        {
            return true;
        }

        foreach (var part in accept.Split(','))
        {
            var type = part.Split(';')[0].Trim().ToLowerInvariant();
            if (type is "*/*" or "*" or "application/*" or MediaTypes.Json)
            {
                return true;
            }
        }

        return false;
    }

    // Spring Security: Basic credentials authenticate (a wrong one is refused even on permitAll paths), else the session cookie.
    private (Security.UserAccount? User, string? NewSession, bool Refused) Authenticate(KylinRequest request)
    {
        try
        {
            var (user, session) = SessionLogin.Authenticate(server, request);
            return (user, session, false);
        }
        catch (Errors.KylinException)
        {
            return (null, null, true);
        }
    }
}
