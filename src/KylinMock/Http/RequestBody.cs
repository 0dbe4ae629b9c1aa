using System.Text;
using KylinMock.Errors;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace KylinMock.Http;

/// <summary>
/// A <c>@RequestBody</c> JSON object as Jackson binds it for the model endpoints: a missing body is
/// Spring's "Required request body is missing" (500), one that is not a JSON object KE-000030001.
/// </summary>
internal static class RequestBody
{
    /// <summary>The body as an object; <paramref name="method"/> names the controller method in the missing-body text.</summary>
    public static JObject Object(KylinRequest request, string method)
    {
        if (request.Body is not { Length: > 0 } body)
        {
            throw KylinException.WithRaw(ErrorCode.UnknownErrorCode, "Required request body is missing: " + method);
        }

        try
        {
            using var reader = new JsonTextReader(new StringReader(new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body)))
            {
                DateParseHandling = DateParseHandling.None,
                MaxDepth = 1000,
            };
            var token = JToken.ReadFrom(reader);
            return token as JObject ?? throw KylinException.WithRaw(ErrorCode.FailedParseJson, $"Cannot deserialize value from {token.Type} value");
        }
        catch (Exception e) when (e is JsonException or DecoderFallbackException)
        {
            throw KylinException.WithRaw(ErrorCode.FailedParseJson, e.Message);
        }
    }

    /// <summary>A string field (a number or boolean as its text, as Jackson coerces it), or null.</summary>
    public static string? String(JObject body, string name) => body[name] switch
    {
        null or { Type: JTokenType.Null } => null,
        JValue value => Convert.ToString(value.Value, System.Globalization.CultureInfo.InvariantCulture),
        var other => throw KylinException.WithRaw(ErrorCode.FailedParseJson, $"Cannot deserialize value of type `java.lang.String` from {other.Type} value"),
    };
}
