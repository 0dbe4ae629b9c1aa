using KylinMock.Control;
using KylinMock.Errors;
using KylinMock.Security;

namespace KylinMock.Http;

/// <summary>
/// The pipeline in front of every Kylin path, in Kylin's order: armed faults, the security filter
/// (Basic auth), the V2ApiFilter, Spring's method and Accept checks (405, 406), then the operation.
/// Every failure is thrown and becomes an answer in <see cref="ErrorAnswer"/>; every answer is journaled.
/// </summary>
internal sealed class KylinEndpoint(ServerContext server)
{
    /// <summary>Answers a request whose path a Kylin route matched; <paramref name="route"/> is null when none has its method.</summary>
    public async Task<KylinAnswer> Answer(
        KylinRequest request, Microsoft.AspNetCore.Http.HttpContext context, KylinRoute? route, bool anonymous, string allow, IReadOnlyDictionary<string, string> values)
    {
        var fault = server.Faults.Match(request.Method, request.Path);
        if (fault is { Kind: FaultKind.Delay })
        {
            await Task.Delay(fault.DelayMs, context.RequestAborted);
        }

        var answer = fault?.Kind switch
        {
            FaultKind.Error => ErrorAnswer.From(new InjectedFault(fault), request),
            FaultKind.Malformed => Faulted.Malformed(),
            FaultKind.Drop => Faulted.Drop(context),
            _ => Pipeline(request, route, anonymous, allow, values),
        };
        Journal(request, answer, context.RequestAborted.IsCancellationRequested);
        return SpringHeaders.Apply(answer);
    }

    /// <summary>A path no route matched: Spring Boot's 404, behind the security filter for <c>/kylin/api/</c> paths.</summary>
    public KylinAnswer NotFound(KylinRequest request) => SpringHeaders.Apply(
        request.Path.StartsWith("/kylin/api/", StringComparison.Ordinal)
            ? Pipeline(request, null, anonymous: false, allow: null, values: null)
            : ErrorAnswer.From(new SpringError(404, "Not Found", server.NowMs), request));

    private KylinAnswer Pipeline(KylinRequest request, KylinRoute? route, bool anonymous, string? allow, IReadOnlyDictionary<string, string>? values)
    {
        var contentType = MediaTypes.Json;
        string? session = null;
        KylinAnswer answer;
        try
        {
            var (user, started) = Authenticate(request, anonymous);
            session = started;
            var (outcome, negotiated) = ContentNegotiation.Negotiate(request.Header("Accept"));
            if (outcome == ContentNegotiation.Outcome.V2)
            {
                // Kylin's V2ApiFilter. A v2 route would be chosen here, by the Accept header, once there is one.
                throw KylinException.WithRaw(ErrorCode.UnknownErrorCode, request.Path + " API of version v2 is no longer supported").WithStatus(404);
            }

            if (allow is null)
            {
                throw new SpringError(404, "Not Found", server.NowMs);
            }

            var method = request.Method.ToUpperInvariant();
            if (method == "OPTIONS")
            {
                answer = SpringHeaders.Options(allow.Split(", "));
            }
            else if (route is null)
            {
                throw new SpringError(405, "Method Not Allowed", server.NowMs) { Allow = allow };
            }
            else if (outcome == ContentNegotiation.Outcome.NotAcceptable)
            {
                throw new SpringError(406, "Not Acceptable", server.NowMs);
            }
            else
            {
                contentType = negotiated;
                answer = route.Operation.Handle(request, new RequestContext(request.Language, contentType, user, values!));

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

    private void Journal(KylinRequest request, KylinAnswer answer, bool aborted)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in request.Headers)
        {
            headers[name] = string.Join(", ", values);
        }

        var body = request.Body is { Length: > 0 } bytes ? System.Text.Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, RequestJournal.MaxBodyChars * 4)) : null;
        server.Journal.Record(server.Clock.GetUtcNow(), request.Method, request.Path, request.RawQuery, headers, body, aborted ? 0 : answer.Status);
    }
}
