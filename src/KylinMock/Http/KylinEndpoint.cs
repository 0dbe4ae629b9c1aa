using KylinMock.Control;
using KylinMock.Errors;
using KylinMock.Security;
using WireMock;
using WireMock.ResponseProviders;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;

namespace KylinMock.Http;

/// <summary>
/// The pipeline in front of every Kylin path, in Kylin's order: the security filter (Basic auth,
/// indented 401/400 bodies), the V2ApiFilter, Spring's method and Accept checks (405, 406), then the
/// operation. Every failure becomes Kylin's envelope here; nothing escapes to WireMock.
/// </summary>
internal sealed class KylinEndpoint(ServerContext server, IReadOnlyDictionary<string, IKylinOperation> operations, bool anonymousAllowed = false)
    : IResponseProvider
{
    /// <inheritdoc />
    public async Task<(IResponseMessage Message, IMapping? Mapping)> ProvideResponseAsync(
        IMapping mapping, Microsoft.AspNetCore.Http.HttpContext context, IRequestMessage requestMessage, WireMockServerSettings settings)
    {
        context.Items[SafetyNet.AnsweredKey] = true;
        var method = requestMessage.Method ?? "GET";
        var path = requestMessage.AbsolutePath ?? requestMessage.Path ?? "/";
        var fault = server.Faults.Match(method, path);
        if (fault is { Kind: FaultKind.Delay })
        {
            await Task.Delay(fault.DelayMs, context.RequestAborted);
        }

        var answer = fault?.Kind switch
        {
            FaultKind.Error => Faulted.Error(fault, server, requestMessage),
            FaultKind.Malformed => Faulted.Malformed(),
            FaultKind.Drop => Faulted.Drop(context),
            _ => Answer(requestMessage, context),
        };
        Journal(requestMessage, context, answer);
        return (ToMessage(answer), null);
    }

    private void Journal(IRequestMessage message, Microsoft.AspNetCore.Http.HttpContext context, KylinAnswer answer)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in message.Headers ?? new Dictionary<string, WireMockList<string>>())
        {
            var value = string.Join(", ", values);
            headers[name] = name.Equals("Authorization", StringComparison.OrdinalIgnoreCase) ? Redact(value) : value;
        }

        var body = message.BodyAsBytes is { Length: > 0 } bytes ? System.Text.Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, RequestJournal.MaxBodyChars * 4)) : null;
        var query = SafetyNet.RawQuery(context);
        server.Journal.Record(server.Clock.GetUtcNow(), message.Method ?? "GET", message.AbsolutePath ?? "/", query.TrimStart('?'), headers, body,
            context.RequestAborted.IsCancellationRequested ? 0 : answer.Status);
    }

    // Credentials never reach the journal: only the scheme is kept.
    private static string Redact(string authorization)
    {
        var space = authorization.IndexOf(' ', StringComparison.Ordinal);
        return (space < 0 ? authorization : authorization[..space]) + " [redacted]";
    }

    /// <summary>Answers one request; never throws.</summary>
    public KylinAnswer Answer(IRequestMessage message, Microsoft.AspNetCore.Http.HttpContext? context)
    {
        KylinRequest? request = null;
        var language = Language.En;
        try
        {
            request = KylinRequest.From(message, context, server.Port);
            language = Languages.From(request.Header("Accept-Language"), server.ChineseMessages);
            var answer = Pipeline(request, language);

            // HEAD answers as GET does, without the body (Spring MVC maps HEAD to the GET handler).
            return request.Method.Equals("HEAD", StringComparison.OrdinalIgnoreCase) ? answer with { Body = [] } : answer;
        }
        catch (Exception e)
        {
            var envelope = ErrorEnvelope.From(e, language, request?.RequestUrl ?? message.Url ?? string.Empty);
            return new KylinAnswer(envelope.HttpStatus, MediaTypes.Json, EnvelopeJson.Error(envelope, indented: false));
        }
    }

    /// <summary>Turns an answer into WireMock's response message.</summary>
    public static ResponseMessage ToMessage(KylinAnswer answer)
    {
        var message = new ResponseMessage
        {
            StatusCode = answer.Status,
            BodyData = new BodyData { BodyAsBytes = answer.Body, DetectedBodyType = BodyType.Bytes },
        };
        if (answer.ContentType.Length > 0)
        {
            message.AddHeader("Content-Type", SpringHeaders.WithCharset(answer.ContentType));
        }

        SpringHeaders.AddSecurityHeaders(message);
        foreach (var (name, value) in answer.Headers)
        {
            message.AddHeader(name, value);
        }

        return message;
    }

    private KylinAnswer Pipeline(KylinRequest request, Language language)
    {
        UserAccount? user;
        string? session = null;
        try
        {
            (user, session) = SessionLogin.Authenticate(server, request);
            if (user is null && !anonymousAllowed)
            {
                throw new KylinException(ErrorCode.UserUnauthorized).WithStatus(401);
            }
        }
        catch (KylinException e)
        {
            // NUnauthorisedEntryPoint: indented JSON, the full URL with its query.
            var envelope = ErrorEnvelope.From(e, language, request.FullRequestUrl);
            return new KylinAnswer(envelope.HttpStatus, MediaTypes.Json, EnvelopeJson.Error(envelope, indented: true));
        }

        var answer = Authenticated(request, language, user);
        return session is null ? answer : SessionLogin.WithCookie(answer, session);
    }

    private KylinAnswer Authenticated(KylinRequest request, Language language, UserAccount? user)
    {
        var (outcome, contentType) = ContentNegotiation.Negotiate(request.Header("Accept"));
        if (outcome == ContentNegotiation.Outcome.V2)
        {
            var envelope = ErrorEnvelope.From(
                KylinException.WithRaw(ErrorCode.UnknownErrorCode, request.Path + " API of version v2 is no longer supported"),
                language,
                request.RequestUrl) with { HttpStatus = 404 };
            return new KylinAnswer(404, MediaTypes.Json, EnvelopeJson.Error(envelope, indented: false));
        }

        var method = request.Method.ToUpperInvariant();
        if (method == "OPTIONS")
        {
            return SpringHeaders.Options(operations.Keys);
        }

        if (!operations.TryGetValue(method == "HEAD" ? "GET" : method, out var operation))
        {
            return SpringErrorJson.Answer(405, "Method Not Allowed", request.Path, server.NowMs) with
            {
                Headers = new Dictionary<string, string> { ["Allow"] = string.Join(", ", operations.Keys) },
            };
        }

        if (outcome == ContentNegotiation.Outcome.NotAcceptable)
        {
            return SpringErrorJson.Answer(406, "Not Acceptable", request.Path, server.NowMs);
        }

        try
        {
            return operation.Handle(request, new RequestContext(language, contentType, user));
        }
        catch (Exception e)
        {
            var envelope = ErrorEnvelope.From(e, language, request.RequestUrl);
            return new KylinAnswer(envelope.HttpStatus, contentType, EnvelopeJson.Error(envelope, indented: false));
        }
    }
}
