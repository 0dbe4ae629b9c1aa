using System.Globalization;
using System.Xml;
using KylinMock.Clocks;
using Newtonsoft.Json.Linq;

namespace KylinMock.Http;

/// <summary><c>GET|PUT /__kylinmock/clock</c> and <c>POST /__kylinmock/clock/advance</c>; jobs catch up on the next read.</summary>
internal static class ControlClock
{
    public static KylinAnswer Handle(ServerContext server, ControlRequest request)
    {
        switch (request.Method, request.Segments.Length > 1 ? request.Segments[1] : null)
        {
            case ("GET", null):
                return Now(server);
            case ("PUT", null):
                Movable(server).Set(ParseInstant(request.Body()["now"]));
                return Now(server);
            case ("POST", "advance"):
                Movable(server).Advance(ParseDelta(request.Body()));
                return Now(server);
            default:
                throw new ControlException(404, $"no control operation {request.Method} {request.Http.Path}");
        }
    }

    public static KylinAnswer Now(ServerContext server)
    {
        var now = server.Clock.GetUtcNow();
        return ControlEndpoint.Json(200, new JObject
        {
            ["now"] = now.ToUnixTimeMilliseconds(),
            ["iso"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["movable"] = server.ClockControl.CanMove,
        });
    }

    private static ClockControl Movable(ServerContext server) =>
        server.ClockControl.CanMove ? server.ClockControl : throw new ControlException(409, "this clock belongs to the embedding test and cannot be moved over HTTP");

    /// <summary>An instant as epoch milliseconds or ISO-8601 text.</summary>
    public static DateTimeOffset ParseInstant(JToken? value) => value?.Type switch
    {
        JTokenType.Integer => DateTimeOffset.FromUnixTimeMilliseconds((long)value),
        JTokenType.String when DateTimeOffset.TryParse((string?)value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) => t,
        JTokenType.Date => new DateTimeOffset(((DateTime)value).ToUniversalTime()),
        _ => throw new ControlException(400, "\"now\" must be epoch milliseconds or an ISO-8601 instant"),
    };

    private static TimeSpan ParseDelta(JObject body)
    {
        if (body["ms"] is { Type: JTokenType.Integer } ms && (long)ms >= 0)
        {
            return TimeSpan.FromMilliseconds((long)ms);
        }

        if (body["duration"] is { Type: JTokenType.String } text)
        {
            try
            {
                var delta = XmlConvert.ToTimeSpan((string)text!);
                return delta >= TimeSpan.Zero ? delta : throw new ControlException(400, "\"duration\" must not be negative");
            }
            catch (FormatException)
            {
                throw new ControlException(400, "\"duration\" must be an ISO-8601 duration such as PT5M");
            }
        }

        throw new ControlException(400, "give {\"ms\": n} (not negative) or {\"duration\": \"PT5M\"}");
    }
}
