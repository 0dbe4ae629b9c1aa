using KylinMock.Control;
using KylinMock.Errors;
using KylinMock.Security;

namespace KylinMock.Http;

/// <summary>
/// The pipeline in front of every Kylin path, in Kylin's order: armed faults, the
/// V2ApiFilter, the security filter (Basic auth), Spring's method and Accept checks (405, 406), then the operation.
/// Every failure is thrown and becomes an answer in <see cref="ErrorAnswer"/>; every answer is journaled.
/// </summary>
internal sealed class KylinEndpoint(ServerContext server)
{
    /// <summary>Answers a request whose path some Kylin lines matched; the method and the Accept header pick the route.</summary>
    public async Task<KylinAnswer> Answer(KylinRequest request, Microsoft.AspNetCore.Http.HttpContext context, RouteMatch match)
    {
        var fault = server.Backend.FaultFor(request.Method, request.Path);
        if (fault is { Kind: FaultKind.Delay })
        {
            await Task.Delay(fault.DelayMs, context.RequestAborted);
        }

        var answer = fault?.Kind switch
        {
            FaultKind.Error => ErrorAnswer.From(new InjectedFault(fault), request),
            FaultKind.Malformed => Faulted.Malformed(),
            FaultKind.Drop => Faulted.Drop(context),
            _ => Pipeline(request, match, secured: true),
        };
        var v2 = ContentNegotiation.Negotiate(request.Header("Accept")).Outcome == ContentNegotiation.Outcome.V2;
        Journal(server, request, answer, context.RequestAborted.IsCancellationRequested, (v2 ? match.Find(request.Method, Produces.V2)?.Route.Name : null) ?? match.OperationOf(request.Method));
        return SpringHeaders.Apply(answer);
    }

    /// <summary>A path no route matched: Spring Boot's 404, behind the security filter for <c>/kylin/api/</c> paths (and the V2ApiFilter before it).</summary>
    public KylinAnswer NotFound(KylinRequest request)
    {
        var answer = SpringHeaders.Apply(Pipeline(request, new RouteMatch([]), secured: request.Path.StartsWith("/kylin/api/", StringComparison.Ordinal)));

        // A call to a Kylin path Kylin does not serve is what a verification most needs to see.
        if (request.Path.StartsWith("/kylin/", StringComparison.Ordinal))
        {
            Journal(server, request, answer, aborted: false, "NotFound");
        }

        return answer;
    }

    private KylinAnswer Pipeline(KylinRequest request, RouteMatch match, bool secured)
    {
        var contentType = MediaTypes.Json;
        string? session = null;
        KylinAnswer answer;
        try
        {
            var (outcome, choices) = ContentNegotiation.Negotiate(request.Header("Accept"));
            var (chosen, type) = Choose(match, request.Method, choices);

            // Spring Security's filters (the logout) answer before Spring MVC negotiates; the V2ApiFilter runs before them.
            if (outcome != ContentNegotiation.Outcome.V2 && match.Find(request.Method, Produces.Filter) is { } filter)
            {
                (chosen, type) = (filter, MediaTypes.Json);
            }

            // Kylin's V2ApiFilter (@Order(-400), before Spring Security): the v2 Accept passes only where a v2 mapping
            // matches path and method; anything else is refused, credentials or not.
            if (outcome == ContentNegotiation.Outcome.V2 && chosen is null)
            {
                throw new V2ApiRejection(server.NowMs);
            }

            if (!secured)
            {
                throw new SpringError(404, "Not Found", server.NowMs);
            }

            var (user, started) = Authenticate(request, chosen?.Line.Anonymous ?? match.Lines.FirstOrDefault()?.Anonymous ?? false);
            session = started;
            if (match.Lines.Count == 0)
            {
                throw new SpringError(404, "Not Found", server.NowMs);
            }

            var method = request.Method.ToUpperInvariant();
            if (method == "OPTIONS")
            {
                // Spring MVC 5.3 answers OPTIONS on a mapped path itself: 200 with Allow, after authentication.
                answer = SpringHeaders.Options(match.Allow.Split(", "));
            }
            else if (chosen is not { } served)
            {
                // Spring's partial matches: no line with the method is a 405; a line with the method producing
                // nothing the Accept takes is a 406.
                throw match.HasMethod(request.Method)
                    ? new SpringError(406, "Not Acceptable", server.NowMs)
                    : new SpringError(405, "Method Not Allowed", server.NowMs) { Allow = match.Allow };
            }

            else
            {
                contentType = type!;
                answer = served.Route.Operation.Handle(request, new RequestContext(request.Language, contentType, user, served.Line.Values));

                // HEAD answers as GET does, without the body (Spring MVC maps HEAD to the GET handler).
                answer = method == "HEAD" ? answer with { Body = [] } : answer;
            }
        }
        catch (Exception e)
        {
            answer = ErrorAnswer.From(e, request, contentType);
        }

        return session is null ? answer : SessionLogin.WithCookie(answer, session);
    }

    // The first choice of the Accept header that some line serves with the request's method.
    private static ((KylinRoute Route, RouteMatch.Line Line)? Chosen, string? ContentType) Choose(
        RouteMatch match, string method, IReadOnlyList<ContentNegotiation.Choice> choices)
    {
        foreach (var choice in choices)
        {
            if (match.Find(method, choice.Produces) is { } found)
            {
                return (found, choice.ContentType);
            }
        }

        return (null, null);
    }

    // NUnauthorisedEntryPoint answers for the security filter, before Spring sees the request; a Basic login
    // starts a session (SessionLogin), and a session's cookie alone authenticates.
    private (UserAccount? User, string? NewSession) Authenticate(KylinRequest request, bool anonymous)
    {
        try
        {
            var (user, session) = SessionLogin.Authenticate(server, request);
            return user is null && !anonymous ? throw new KylinException(ErrorCode.UserUnauthorized).WithStatus(401) : (user, session);
        }
        catch (KylinException e)
        {
            throw new SecurityFilterRejection(e);
        }
    }

    /// <summary>Records the request, its status (0 when the client went away first) and the Kylin operation its route names.</summary>
    internal static void Journal(ServerContext server, KylinRequest request, KylinAnswer answer, bool aborted, string? operation)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in request.Headers)
        {
            headers[name] = string.Join(", ", values);
        }

        var body = request.Body is { Length: > 0 } bytes ? System.Text.Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, RequestJournal.MaxBodyChars * 4)) : null;
        server.Backend.Record(request.Method, request.Path, request.RawQuery, headers, body, aborted ? 0 : answer.Status, operation);
    }
}
