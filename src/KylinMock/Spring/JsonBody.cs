using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace KylinMock.Http;

/// <summary>
/// The control plane's JSON reader (every control body is read through <c>ControlCall.Body</c>, which uses it; Kylin's
/// <c>@RequestBody</c> endpoints use <see cref="RequestBodyReader"/>): the first JSON value of the text, strings kept as
/// sent (no date parsing: a date-like id or name stays what it was, whatever the host's zone).
/// </summary>
internal static class JsonBody
{
    /// <summary>
    /// The first JSON value of <paramref name="text"/>, checked by <paramref name="check"/>; with
    /// <paramref name="refuseTrailing"/>, then whether anything but comments follows it (read only after the check, so
    /// a wrong shape is reported before trailing text); without it, what follows is never read (Jackson's way). A text
    /// that is not JSON, or nested deeper than <paramref name="maxDepth"/>, is a <see cref="JsonException"/>.
    /// </summary>
    public static (JToken Value, bool MoreFollows) Read(string text, int maxDepth, Action<JToken> check, bool refuseTrailing)
    {
        using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None, MaxDepth = maxDepth };
        var value = JToken.ReadFrom(reader);
        check(value);
        while (refuseTrailing && reader.Read())
        {
            if (reader.TokenType != JsonToken.Comment)
            {
                return (value, true);
            }
        }

        return (value, false);
    }
}
