using KylinMock.Answers;
using KylinMock.Control;
using KylinMock.Errors;
using Newtonsoft.Json.Linq;

namespace KylinMock.Http;

/// <summary>
/// The one place where a failure becomes an answer: Kylin's error envelope in the request's language
/// (indented with the full URL when the security filter refused; the fault's own code for an injected
/// error), Spring Boot's error body for what never reaches a controller, or the control plane's
/// <c>{"error": ...}</c>. Endpoints, faults, the 404 and the safety net all throw or hand their failure here.
/// </summary>
internal static class ErrorAnswer
{
    /// <summary>The answer to <paramref name="exception"/> raised by <paramref name="request"/>; <paramref name="contentType"/> is the negotiated type once the operation runs.</summary>
    public static KylinAnswer From(Exception exception, KylinRequest request, string contentType = MediaTypes.Json)
    {
        // Every control-path failure is the control plane's {"error"}, the safety net's too (a body over the limit, unreadable or too slow).
        if (request.IsControl)
        {
            return Control(exception);
        }

        switch (exception)
        {
            case SpringError spring:
                var answer = SpringErrorJson.Answer(spring.Status, spring.Error, request.Path, spring.NowMs);
                return spring.Allow is null ? answer : answer with { Headers = new Dictionary<string, string> { ["Allow"] = spring.Allow } };
            case V2ApiRejection v2:
                return SpringErrorJson.FilterFailure(request.Path, v2.NowMs);
            case SecurityFilterRejection rejected:
                return Envelope(ErrorEnvelope.From(rejected.Error, request.Language, request.FullRequestUrl), MediaTypes.Json, indented: true);
            case InjectedFault { Fault: var fault }:
                var msg = fault.ErrorCode + ": " + (fault.Message ?? "Fault injected by KylinMock.");
                return Envelope(new ErrorEnvelope(msg, msg, msg, request.ServerUrl, string.Empty, fault.ErrorCode, fault.HttpStatus), MediaTypes.V4, indented: false);
            default:
                return Envelope(ErrorEnvelope.From(exception, request.Language, request.RequestUrl), contentType, indented: false);
        }
    }

    /// <summary>A Kylin operation's failure as the dashboard's view shows it: Kylin's message and code in the control plane's shape.</summary>
    public static KylinAnswer Observed(Exception exception, KylinRequest request)
    {
        var envelope = ErrorEnvelope.From(exception, Language.En, request.RequestUrl);
        var status = envelope.HttpStatus == 200 ? 500 : envelope.HttpStatus;
        return KylinAnswer.Json(status, new JObject { ["error"] = envelope.Msg, ["code"] = envelope.ErrorCode });
    }

    private static KylinAnswer Envelope(ErrorEnvelope envelope, string contentType, bool indented) =>
        new(envelope.HttpStatus, contentType, EnvelopeJson.Error(envelope, indented));

    private static KylinAnswer Control(Exception exception)
    {
        var (status, message) = exception switch
        {
            ControlException e => (e.Status, e.Message),
            KylinException e => (e.HttpStatus, e.Raw ?? e.Message),
            KeyNotFoundException e => (404, e.Message),
            ArgumentException or InvalidOperationException or Fixtures.FixtureException => (400, exception.Message),

            // A body value its field cannot hold (an int field given 9999999999, a number as a list).
            OverflowException or FormatException or InvalidCastException => (400, "a value in the body is out of range or of the wrong type: " + exception.Message),
            _ => (500, "unexpected: " + exception.Message),
        };
        var headers = exception is ControlNotAllowed notAllowed ? new Dictionary<string, string> { ["Allow"] = notAllowed.Allow } : new Dictionary<string, string>();
        return KylinAnswer.Json(status, new JObject { ["error"] = message }) with { Headers = headers };
    }
}
