using System.Globalization;
using System.Xml;
using KylinMock.Clocks;
using KylinMock.Http;
using Newtonsoft.Json.Linq;

namespace KylinMock.Control;

/// <summary><c>GET|PUT /__kylinmock/clock</c> and <c>POST /__kylinmock/clock/advance</c>; jobs catch up on the next read.</summary>
internal static class ControlClock
{
    /// <summary><c>PUT /__kylinmock/clock</c> with <c>{"now": ...}</c>: sets the clock forward.</summary>
    public static KylinAnswer Set(ServerContext server, ControlCall call)
    {
        var now = ParseInstant(call.Body()["now"]);
        Movable(server).SetClock(now);
        return Now(server);
    }

    /// <summary><c>POST /__kylinmock/clock/advance</c> with <c>{"ms": n}</c> or <c>{"duration": "PT5M"}</c>.</summary>
    public static KylinAnswer Advance(ServerContext server, ControlCall call)
    {
        var delta = ParseDelta(call.Body());
        Movable(server).AdvanceClock(delta);
        return Now(server);
    }

    /// <summary><c>GET /__kylinmock/clock</c>: now, as epoch milliseconds and ISO-8601, and whether it can move.</summary>
    public static KylinAnswer Now(ServerContext server)
    {
        var now = server.Clock.GetUtcNow();
        return KylinAnswer.Json(200, new JObject
        {
            ["now"] = now.ToUnixTimeMilliseconds(),
            ["iso"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["movable"] = server.Backend.ClockMovable,
        });
    }

    private static Backend.KylinBackend Movable(ServerContext server) =>
        server.Backend.ClockMovable ? server.Backend : throw new ControlException(409, "this clock belongs to the embedding test and cannot be moved over HTTP");

    /// <summary>An instant as epoch milliseconds or ISO-8601 text; text without a zone is UTC, the same on every machine.</summary>
    public static DateTimeOffset ParseInstant(JToken? value)
    {
        var instant = value?.Type switch
        {
            JTokenType.Integer when (long)value >= ClockRange.Earliest.ToUnixTimeMilliseconds() && (long)value <= ClockRange.Latest.ToUnixTimeMilliseconds()
                => DateTimeOffset.FromUnixTimeMilliseconds((long)value),
            JTokenType.Integer => throw OutOfRange(),
            JTokenType.String when DateTimeOffset.TryParse((string?)value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t) => t,
            _ => throw new ControlException(400, "\"now\" must be epoch milliseconds or an ISO-8601 instant"),
        };
        return ClockRange.Contains(instant) ? instant : throw OutOfRange();
    }

    private static ControlException OutOfRange() => new(
        400,
        $"\"now\" is outside the clock's range, {ClockRange.Earliest.ToUnixTimeMilliseconds()} to {ClockRange.Latest.ToUnixTimeMilliseconds()} ms ({ClockRange.Earliest:O} to {ClockRange.Latest:O})");

    private static TimeSpan ParseDelta(JObject body)
    {
        // The longest move that can stay in the clock's range; longer is refused before any arithmetic.
        var longest = ClockRange.Latest - ClockRange.Earliest;
        if (body["ms"] is { Type: JTokenType.Integer } ms && (long)ms >= 0)
        {
            return (long)ms <= (long)longest.TotalMilliseconds
                ? TimeSpan.FromMilliseconds((long)ms)
                : throw new ControlException(400, $"\"ms\" must be at most {(long)longest.TotalMilliseconds} (the clock's whole range)");
        }

        if (body["duration"] is { Type: JTokenType.String } text)
        {
            TimeSpan delta;
            try
            {
                delta = XmlConvert.ToTimeSpan((string)text!);
            }
            catch (FormatException)
            {
                throw new ControlException(400, "\"duration\" must be an ISO-8601 duration such as PT5M");
            }
            catch (OverflowException)
            {
                throw new ControlException(400, $"\"duration\" must be at most {XmlConvert.ToString(longest)} (the clock's whole range)");
            }

            return delta >= TimeSpan.Zero ? delta : throw new ControlException(400, "\"duration\" must not be negative");
        }

        throw new ControlException(400, "give {\"ms\": n} (not negative) or {\"duration\": \"PT5M\"}");
    }
}
