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
            // Jackson reads the first value and ignores what follows it.
            var token = JsonBody.Read(new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body), maxDepth: 1000, check: static _ => { }, refuseTrailing: false).Value;
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

    /// <summary>A boolean field (Jackson takes true/false and their strings), or <paramref name="fallback"/> when absent.</summary>
    public static bool Bool(JObject body, string name, bool fallback) => body[name] switch
    {
        null or { Type: JTokenType.Null } => fallback,
        { Type: JTokenType.Boolean } value => (bool)value,
        JValue { Type: JTokenType.String } value when bool.TryParse((string?)value, out var parsed) => parsed,
        var other => throw KylinException.WithRaw(ErrorCode.FailedParseJson, $"Cannot deserialize value of type `boolean` from {other.Type} value"),
    };

    /// <summary>An int field (a numeric string coerced, as Jackson does), or <paramref name="fallback"/> when absent.</summary>
    public static int Int(JObject body, string name, int fallback) => body[name] switch
    {
        null or { Type: JTokenType.Null } => fallback,
        { Type: JTokenType.Integer } value when (long)value is >= int.MinValue and <= int.MaxValue => (int)value,
        JValue { Type: JTokenType.String } value when int.TryParse((string?)value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var parsed) => parsed,
        var other => throw KylinException.WithRaw(ErrorCode.FailedParseJson, $"Cannot deserialize value of type `int` from {other.Type} value"),
    };

    /// <summary>A long field (a numeric string coerced, as Jackson does), or <paramref name="fallback"/> when absent.</summary>
    public static long Long(JObject body, string name, long fallback) => body[name] switch
    {
        null or { Type: JTokenType.Null } => fallback,
        { Type: JTokenType.Integer } value when value.ToObject<System.Numerics.BigInteger>() >= long.MinValue && value.ToObject<System.Numerics.BigInteger>() <= long.MaxValue => (long)value,
        JValue { Type: JTokenType.String } value when long.TryParse((string?)value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var parsed) => parsed,
        var other => throw KylinException.WithRaw(ErrorCode.FailedParseJson, $"Cannot deserialize value of type `long` from {other.Type} value"),
    };

    /// <summary>A string array field (a single string is one item, as Jackson's ACCEPT_SINGLE_VALUE_AS_ARRAY is off: refused), or null.</summary>
    public static IReadOnlyList<string>? Strings(JObject body, string name) => body[name] switch
    {
        null or { Type: JTokenType.Null } => null,
        JArray items when items.All(i => i is JValue) => items.Select(i => Convert.ToString(((JValue)i).Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty).ToArray(),
        var other => throw KylinException.WithRaw(ErrorCode.FailedParseJson, $"Cannot deserialize value of type `java.lang.String[]` from {other.Type} value"),
    };

    /// <summary>A <c>List&lt;Long&gt;</c> field (<c>batch_index_ids</c>): numbers or numeric strings, as Jackson coerces them; null when absent.</summary>
    public static IReadOnlyList<long>? Longs(JObject body, string name) => body[name] switch
    {
        null or { Type: JTokenType.Null } => null,
        JArray items => items.Select((_, i) => Long(new JObject { [name] = items[i] }, name, 0)).ToArray(),
        var other => throw KylinException.WithRaw(ErrorCode.FailedParseJson, $"Cannot deserialize value of type `java.util.ArrayList<java.lang.Long>` from {other.Type} value"),
    };

    /// <summary>A <c>String[][]</c> field (<c>sub_partition_values</c>): an array of string arrays; anything else is Jackson's refusal. Null when absent.</summary>
    public static IReadOnlyList<IReadOnlyList<string>>? StringTable(JObject body, string name) => body[name] switch
    {
        null or { Type: JTokenType.Null } => null,
        JArray rows when rows.All(r => r is JArray or JValue { Type: JTokenType.Null }) =>
            rows.Select(r => r is JArray row ? Strings(new JObject { [name] = row }, name) ?? [] : []).ToArray(),
        var other => throw KylinException.WithRaw(ErrorCode.FailedParseJson, $"Cannot deserialize value of type `java.lang.String[][]` from {other.Type} value"),
    };

    /// <summary>A field of any JSON kind as raw JSON (an <c>Object</c> property such as <c>tag</c>), or null.</summary>
    public static string? Raw(JObject body, string name) => body[name] switch
    {
        null or { Type: JTokenType.Null } => null,
        var token => token.ToString(Formatting.None),
    };
}
