using System.Globalization;
using System.Text.Json;
using KylinMock.Errors;
using KylinMock.Jobs;

namespace KylinMock.Http;

/// <summary>
/// Reads a <c>PUT /kylin/api/jobs/status</c> body as Spring and Jackson would, in one strict pass
/// (System.Text.Json's reader is as strict as Jackson: no comments, no single quotes): unknown fields
/// ignored, scalars coerced to strings, whatever follows the first JSON value ignored. A body that is
/// not JSON is KE-000030001 (Failed Parse Json); JSON of the wrong shape is KE-000000001 with Jackson's words.
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

        if (!System.Text.Unicode.Utf8.IsValid(body))
        {
            throw ParseError("Invalid UTF-8 start byte", 1, 1);
        }

        var r = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 1000 });
        try
        {
            try
            {
                return Bind(body, ref r);
            }
            catch (KylinException)
            {
                // A bad JSON text is reported before a bad shape: the rest of the first value is read first.
                Drain(ref r);
                throw;
            }
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0) + 1;
            var column = (int)(e.BytePositionInLine ?? 0) + 1;
            var message = e.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            message = (cut < 0 ? message : message[..cut]).TrimEnd('.', ' ');
            if (r.BytesConsumed >= body.Length || message.Contains("end of the JSON", StringComparison.OrdinalIgnoreCase)
                || message.Contains("incomplete", StringComparison.OrdinalIgnoreCase) || message.Contains("end of data", StringComparison.OrdinalIgnoreCase))
            {
                // Jackson's JsonEOFException is not exactly a JsonParseException, so Kylin calls it UNKNOWN.
                throw Shape("Unexpected end-of-input: expected close marker for Object", line, column, null);
            }

            throw ParseError(message, line, column);
        }
    }

    private static JobUpdateRequest Bind(byte[] body, ref Utf8JsonReader r)
    {
        if (!r.Read())
        {
            throw Shape("No content to map due to end-of-input", body, ref r, null);
        }

        return r.TokenType switch
        {
            JsonTokenType.StartObject => ReadObject(body, ref r),
            JsonTokenType.Null => throw KylinException.WithRaw(ErrorCode.UnknownErrorCode, MissingBody),
            JsonTokenType.StartArray => throw Shape($"Cannot deserialize value of type `{Target}` from Array value (token `JsonToken.START_ARRAY`)", body, ref r, null),
            JsonTokenType.String => throw Shape($"Cannot construct instance of `{Target}` (although at least one Creator exists): no String-argument constructor/factory method to deserialize from String value ('{Text(body, ref r)}')", body, ref r, null),
            _ => throw Shape($"Cannot construct instance of `{Target}` (although at least one Creator exists): no scalar-argument constructor/factory method to deserialize from {ScalarKind(ref r)} value ({ScalarText(body, ref r, topLevel: true)})", body, ref r, null),
        };
    }

    // Reads to the end of the first JSON value, so that a syntax error in it surfaces (as a JsonException).
    private static void Drain(ref Utf8JsonReader r)
    {
        if (r.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            r.Skip();
        }

        while (r.CurrentDepth > 0)
        {
            r.Read();
        }
    }

    private static JobUpdateRequest ReadObject(byte[] body, ref Utf8JsonReader r)
    {
        string? action = null;
        string? project = null;
        IReadOnlyList<string>? jobIds = [];
        IReadOnlyList<string>? statuses = null;
        while (Next(ref r) == JsonTokenType.PropertyName)
        {
            var name = Text(body, ref r);
            Next(ref r);
            switch (name)
            {
                case "action": action = Scalar(body, ref r, name); break;
                case "project": project = Scalar(body, ref r, name); break;
                case "job_ids": jobIds = List(body, ref r, name); break;
                case "statuses": statuses = List(body, ref r, name); break;
                default: r.Skip(); break;
            }
        }

        return new JobUpdateRequest(action, project, jobIds, statuses);
    }

    // Jackson's StringDeserializer: numbers and booleans become their text; objects and arrays are refused.
    private static string? Scalar(byte[] body, ref Utf8JsonReader r, string field) => r.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String => Text(body, ref r),
        JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False => ScalarText(body, ref r),
        JsonTokenType.StartObject => throw Shape("Cannot deserialize value of type `java.lang.String` from Object value (token `JsonToken.START_OBJECT`)", body, ref r, field),
        _ => throw Shape("Cannot deserialize value of type `java.lang.String` from Array value (token `JsonToken.START_ARRAY`)", body, ref r, field),
    };

    private static List<string>? List(byte[] body, ref Utf8JsonReader r, string field)
    {
        switch (r.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.StartArray:
                var values = new List<string>();
                while (Next(ref r) != JsonTokenType.EndArray)
                {
                    values.Add(Scalar(body, ref r, field)!);
                }

                return values;
            default:
                var kind = r.TokenType switch
                {
                    JsonTokenType.String => "String value (token `JsonToken.VALUE_STRING`)",
                    JsonTokenType.Number when !IsFloat(ref r) => "Integer value (token `JsonToken.VALUE_NUMBER_INT`)",
                    JsonTokenType.Number => "Floating-point value (token `JsonToken.VALUE_NUMBER_FLOAT`)",
                    JsonTokenType.True => "Boolean value (token `JsonToken.VALUE_TRUE`)",
                    JsonTokenType.False => "Boolean value (token `JsonToken.VALUE_FALSE`)",
                    _ => "Object value (token `JsonToken.START_OBJECT`)",
                };
                throw Shape($"Cannot deserialize value of type `java.util.ArrayList<java.lang.String>` from {kind}", body, ref r, field);
        }
    }

    // Within the first value an end of input is the reader's own "incomplete" JsonException.
    private static JsonTokenType Next(ref Utf8JsonReader r)
    {
        r.Read();
        return r.TokenType;
    }

    private static string Text(byte[] body, ref Utf8JsonReader r)
    {
        try
        {
            return r.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate: this reader's GetString refuses it; the binder always read it as U+FFFD.
            return Unescape(r.ValueSpan);
        }
    }

    private static string Unescape(ReadOnlySpan<byte> raw)
    {
        var text = new System.Text.StringBuilder(raw.Length);
        var plain = System.Text.Encoding.UTF8.GetString(raw);
        for (var i = 0; i < plain.Length; i++)
        {
            if (plain[i] != '\\')
            {
                text.Append(plain[i]);
                continue;
            }

            var c = plain[++i];
            text.Append(c switch
            {
                'n' => '\n',
                't' => '\t',
                'r' => '\r',
                'b' => '\b',
                'f' => '\f',
                'u' => (char)int.Parse(plain.AsSpan(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture),
                _ => c,
            });
            i += c == 'u' ? 4 : 0;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                text[i] = '\uFFFD';
            }
        }

        return text.ToString();
    }

    // Newtonsoft's and Jackson's split: a number with a fraction or an exponent is a float.
    private static bool IsFloat(ref Utf8JsonReader r) => r.ValueSpan.IndexOfAny((byte)'.', (byte)'e', (byte)'E') >= 0;

    private static string ScalarKind(ref Utf8JsonReader r) => r.TokenType switch
    {
        JsonTokenType.Number => IsFloat(ref r) ? "Float" : "Integer",
        _ => "Boolean",
    };

    // A number's or boolean's text as the old Newtonsoft binder gave it: an integer as a long (or its digits
    // when bigger), a fraction as a decimal, a top-level boolean as .NET prints it (True).
    private static string ScalarText(byte[] body, ref Utf8JsonReader r, bool topLevel = false)
    {
        switch (r.TokenType)
        {
            case JsonTokenType.True:
                return topLevel ? "True" : "true";
            case JsonTokenType.False:
                return topLevel ? "False" : "false";
        }

        var text = System.Text.Encoding.UTF8.GetString(r.ValueSpan);
        if (!IsFloat(ref r))
        {
            return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) ? whole.ToString(CultureInfo.InvariantCulture) : text;
        }

        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var fraction))
        {
            return fraction.ToString(CultureInfo.InvariantCulture);
        }

        var (line, column) = Position(body, ref r);
        throw ParseError($"Input string '{text}' is not a valid decimal", line, column);
    }

    private static bool IsJson(string? contentType)
    {
        var media = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        return media is not null && (media == "application/json" || (media.StartsWith("application/", StringComparison.Ordinal) && media.EndsWith("+json", StringComparison.Ordinal)));
    }

    private static KylinException Shape(string message, byte[] body, ref Utf8JsonReader r, string? field)
    {
        var (line, column) = Position(body, ref r);
        return Shape(message, line, column, field);
    }

    private static KylinException Shape(string message, int line, int column, string? field)
    {
        var chain = field is null ? string.Empty : $" (through reference chain: {Target}[\"{field}\"])";
        return KylinException.WithRaw(ErrorCode.UnknownErrorCode, $"{message}\n at [Source: (PushbackInputStream); line: {line}, column: {column}]{chain}");
    }

    private static KylinException ParseError(string message, int line, int column) =>
        KylinException.WithRaw(ErrorCode.FailedParseJson, $"{message}\n at [Source: (PushbackInputStream); line: {line}, column: {column}]");

    // The line and column just after the current token (1-based, columns in UTF-16 characters), only on an error.
    private static (int Line, int Column) Position(byte[] body, ref Utf8JsonReader r)
    {
        int line = 1, column = 0;
        var end = (int)r.BytesConsumed;
        for (var i = 0; i < end; i++)
        {
            var b = body[i];
            if (b == '\n' || (b == '\r' && (i + 1 >= body.Length || body[i + 1] != '\n')))
            {
                line++;
                column = 0;
            }
            else if (b != '\r' && (b & 0xC0) != 0x80)
            {
                column += b >= 0xF0 ? 2 : 1;
            }
        }

        return (line, column);
    }
}
