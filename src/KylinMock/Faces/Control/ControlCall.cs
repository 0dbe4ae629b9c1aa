using System.Numerics;
using System.Text;
using KylinMock.Http;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace KylinMock.Control;

/// <summary>A control-API call as its handler sees it: the values its route captured, the query and the body.</summary>
/// <param name="Path">The path values the route captured (for example <c>id</c> of <c>/__kylinmock/jobs/{id}</c>), decoded.</param>
/// <param name="Query">A query parameter's value (repeated values joined with commas), or null when it was not sent.</param>
/// <param name="BodyBytes">The body as sent, or null.</param>
internal sealed record ControlCall(IReadOnlyDictionary<string, string> Path, Func<string, string?> Query, byte[]? BodyBytes)
{
    /// <summary>The raw body text.</summary>
    public string BodyText => BodyBytes is { Length: > 0 } bytes ? Encoding.UTF8.GetString(bytes) : string.Empty;

    /// <summary>
    /// The body as a JSON object; an empty body is an empty object; anything else is a 400. Strings stay
    /// strings (no date parsing: a date-like id or name is kept as sent, whatever the host's zone), and an
    /// integer no long holds is a 400 naming its field.
    /// </summary>
    public JObject Body() =>
        string.IsNullOrWhiteSpace(BodyText) ? [] : (JObject)Read(static value => _ = value as JObject ?? throw new ControlException(400, "the body must be a JSON object"));

    /// <summary>The body as any JSON value (an object or an array), read as <see cref="Body"/> reads it; an empty body is a 400.</summary>
    public JToken Value() => Read(static _ => { });

    private JToken Read(Action<JToken> check)
    {
        var text = BodyText;
        try
        {
            // Newtonsoft's default depth (64) for the control plane.
            var (body, moreFollows) = JsonBody.Read(text, maxDepth: 64, check, refuseTrailing: true);
            if (moreFollows)
            {
                throw new ControlException(400, "the body is not JSON: more text after the object");
            }

            RefuseHugeIntegers(body);
            return body;
        }
        catch (JsonException e)
        {
            throw new ControlException(400, "the body is not JSON: " + e.Message);
        }
    }

    private static void RefuseHugeIntegers(JToken token)
    {
        if (token is JValue { Value: BigInteger } huge)
        {
            throw new ControlException(400, $"\"{huge.Path}\": {huge} is out of range (at most {long.MaxValue})");
        }

        foreach (var child in token.Children())
        {
            RefuseHugeIntegers(child);
        }
    }
}
