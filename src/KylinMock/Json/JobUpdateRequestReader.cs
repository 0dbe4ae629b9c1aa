using System.Globalization;
using System.Text;
using KylinMock.Errors;
using KylinMock.Jobs;
using Newtonsoft.Json;

namespace KylinMock.Json;

/// <summary>
/// Reads a <c>PUT /kylin/api/jobs/status</c> body as Spring and Jackson would: unknown fields
/// ignored, scalars coerced to strings, trailing content ignored. A body that is not JSON is
/// KE-000030001 (Failed Parse Json); JSON of the wrong shape is KE-000000001 with Jackson's words.
/// </summary>
internal static class JobUpdateRequestReader
{
    private const string Target = "org.apache.kylin.rest.request.JobUpdateRequest";

    private const string MissingBody =
        "Required request body is missing: public org.apache.kylin.rest.response.EnvelopeResponse<java.lang.String> org.apache.kylin.rest.controller.JobController.updateJobStatus(" + Target + ") throws java.io.IOException";

    public static JobUpdateRequest Read(byte[]? body, string? contentType)
    {
        if (!IsJson(contentType) && (contentType is not null || body is { Length: > 0 }))
        {
            throw KylinException.WithRaw(ErrorCode.UnknownErrorCode, $"Content type '{contentType ?? "application/octet-stream"}' not supported");
        }

        if (body is null || body.Length == 0)
        {
            throw KylinException.WithRaw(ErrorCode.UnknownErrorCode, MissingBody);
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body);
        }
        catch (DecoderFallbackException)
        {
            throw ParseError("Invalid UTF-8 start byte", 1, 1);
        }

        Validate(body);
        using var r = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal, MaxDepth = 1000 };
        try
        {
            if (!r.Read())
            {
                throw Shape("No content to map due to end-of-input", r, null);
            }

            return r.TokenType switch
            {
                JsonToken.StartObject => ReadObject(r),
                JsonToken.Null => throw KylinException.WithRaw(ErrorCode.UnknownErrorCode, MissingBody),
                JsonToken.StartArray => throw Shape($"Cannot deserialize value of type `{Target}` from Array value (token `JsonToken.START_ARRAY`)", r, null),
                JsonToken.String => throw Shape($"Cannot construct instance of `{Target}` (although at least one Creator exists): no String-argument constructor/factory method to deserialize from String value ('{r.Value}')", r, null),
                _ => throw Shape($"Cannot construct instance of `{Target}` (although at least one Creator exists): no scalar-argument constructor/factory method to deserialize from {r.TokenType} value ({Convert.ToString(r.Value, CultureInfo.InvariantCulture)})", r, null),
            };
        }
        catch (JsonReaderException e) when (e.Message.StartsWith("Unexpected end", StringComparison.Ordinal))
        {
            // Jackson's JsonEOFException is not exactly a JsonParseException, so Kylin calls it UNKNOWN.
            throw Shape("Unexpected end-of-input: expected close marker for Object", new Position(e.LineNumber, e.LinePosition), null);
        }
        catch (JsonReaderException e)
        {
            throw ParseError(ParserText(e.Message), e.LineNumber, e.LinePosition);
        }
    }

    // Newtonsoft is lenient (unquoted names, comments, single quotes); Jackson is not. The first JSON value
    // is checked strictly; like Jackson, whatever follows it is ignored.
    private static void Validate(byte[] body)
    {
        var reader = new System.Text.Json.Utf8JsonReader(body, new System.Text.Json.JsonReaderOptions { MaxDepth = 1000 });
        try
        {
            if (reader.Read())
            {
                reader.Skip();
            }
        }
        catch (System.Text.Json.JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0) + 1;
            var column = (int)(e.BytePositionInLine ?? 0) + 1;
            var message = e.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            message = (cut < 0 ? message : message[..cut]).TrimEnd('.', ' ');
            if (reader.BytesConsumed >= body.Length || message.Contains("end of the JSON", StringComparison.OrdinalIgnoreCase)
                || message.Contains("incomplete", StringComparison.OrdinalIgnoreCase) || message.Contains("end of data", StringComparison.OrdinalIgnoreCase))
            {
                throw Shape("Unexpected end-of-input: expected close marker for Object", new Position(line, column), null);
            }

            throw ParseError(message, line, column);
        }
    }

    private static JobUpdateRequest ReadObject(JsonTextReader r)
    {
        string? action = null;
        string? project = null;
        IReadOnlyList<string>? jobIds = [];
        IReadOnlyList<string>? statuses = null;
        while (Next(r) == JsonToken.PropertyName)
        {
            var name = (string)r.Value!;
            Next(r);
            switch (name)
            {
                case "action": action = Scalar(r, name); break;
                case "project": project = Scalar(r, name); break;
                case "job_ids": jobIds = List(r, name); break;
                case "statuses": statuses = List(r, name); break;
                default: r.Skip(); break;
            }
        }

        return new JobUpdateRequest(action, project, jobIds, statuses);
    }

    // Jackson's StringDeserializer: numbers and booleans become their text; objects and arrays are refused.
    private static string? Scalar(JsonTextReader r, string field) => r.TokenType switch
    {
        JsonToken.Null => null,
        JsonToken.String => (string)r.Value!,
        JsonToken.Integer or JsonToken.Float => Convert.ToString(r.Value, CultureInfo.InvariantCulture),
        JsonToken.Boolean => (bool)r.Value! ? "true" : "false",
        JsonToken.StartObject => throw Shape("Cannot deserialize value of type `java.lang.String` from Object value (token `JsonToken.START_OBJECT`)", r, field),
        _ => throw Shape("Cannot deserialize value of type `java.lang.String` from Array value (token `JsonToken.START_ARRAY`)", r, field),
    };

    private static List<string>? List(JsonTextReader r, string field)
    {
        switch (r.TokenType)
        {
            case JsonToken.Null:
                return null;
            case JsonToken.StartArray:
                var values = new List<string>();
                while (Next(r) != JsonToken.EndArray)
                {
                    values.Add(Scalar(r, field)!);
                }

                return values;
            default:
                var kind = r.TokenType switch
                {
                    JsonToken.String => "String value (token `JsonToken.VALUE_STRING`)",
                    JsonToken.Integer => "Integer value (token `JsonToken.VALUE_NUMBER_INT`)",
                    JsonToken.Float => "Floating-point value (token `JsonToken.VALUE_NUMBER_FLOAT`)",
                    JsonToken.Boolean => "Boolean value (token `JsonToken.VALUE_" + ((bool)r.Value! ? "TRUE" : "FALSE") + "`)",
                    _ => "Object value (token `JsonToken.START_OBJECT`)",
                };
                throw Shape($"Cannot deserialize value of type `java.util.ArrayList<java.lang.String>` from {kind}", r, field);
        }
    }

    private static JsonToken Next(JsonTextReader r)
    {
        if (!r.Read())
        {
            throw new JsonReaderException("Unexpected end of input.", r.Path, r.LineNumber, r.LinePosition, null);
        }

        return r.TokenType;
    }

    private static bool IsJson(string? contentType)
    {
        var media = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        return media is not null && (media == "application/json" || (media.StartsWith("application/", StringComparison.Ordinal) && media.EndsWith("+json", StringComparison.Ordinal)));
    }

    private static KylinException Shape(string message, IJsonLineInfo at, string? field)
    {
        var chain = field is null ? string.Empty : $" (through reference chain: {Target}[\"{field}\"])";
        return KylinException.WithRaw(ErrorCode.UnknownErrorCode, $"{message}\n at [Source: (PushbackInputStream); line: {at.LineNumber}, column: {at.LinePosition}]{chain}");
    }

    private static KylinException ParseError(string message, int line, int column) =>
        KylinException.WithRaw(ErrorCode.FailedParseJson, $"{message}\n at [Source: (PushbackInputStream); line: {line}, column: {column}]");

    // Newtonsoft's own position suffix is replaced by Jackson's.
    private static string ParserText(string message)
    {
        var cut = message.IndexOf(" Path '", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(", line ", StringComparison.Ordinal);
        }

        return (cut < 0 ? message : message[..cut]).TrimEnd('.', ' ');
    }

    private sealed record Position(int LineNumber, int LinePosition) : IJsonLineInfo
    {
        public bool HasLineInfo() => true;
    }
}
