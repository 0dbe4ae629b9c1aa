using System.Globalization;
using System.Text;
using System.Text.Json;
using KylinMock.Errors;

namespace KylinMock.Http;

/// <summary>
/// The one <c>@RequestBody</c> binder, as Spring's MappingJackson2HttpMessageConverter reads a body: the media type first
/// (JSON or <c>application/*+json</c>; anything else, or a body without a Content-Type, is HttpMediaTypeNotSupportedException),
/// then Jackson's strict JSON (no comments, single quotes, unquoted names or trailing commas; a UTF-8 BOM skipped) in one
/// streaming pass over the bytes: the declared fields are bound as Jackson binds their Java types, every other value is skipped
/// without being materialized, and whatever follows the first JSON value is never read. Memory is the fields read, whatever
/// the body. Faces turn a <see cref="BodyRefusal"/> into their own error (<see cref="RequestBody"/>, <c>Kylin4Binding</c>).
/// </summary>
internal static class RequestBodyReader
{
    /// <summary>Binds <paramref name="body"/> (sent with <paramref name="contentType"/>) to <paramref name="shape"/>.</summary>
    public static BoundBody Read(byte[]? body, string? contentType, BodyShape shape)
    {
        // AbstractMessageConverterMethodArgumentResolver: no Content-Type is application/octet-stream, which only an empty body escapes.
        if (!IsJson(contentType) && (contentType is not null || body is { Length: > 0 }))
        {
            throw new BodyRefusal(BodyRefusalKind.MediaType, $"Content type '{contentType ?? "application/octet-stream"}' not supported");
        }

        if (body is null || body.Length == 0)
        {
            throw Missing(shape);
        }

        // Jackson's ByteSourceJsonBootstrapper skips a UTF-8 byte order mark.
        var json = body.AsSpan(body is [0xEF, 0xBB, 0xBF, ..] ? 3 : 0);
        if (!System.Text.Unicode.Utf8.IsValid(json))
        {
            throw new BodyRefusal(BodyRefusalKind.Syntax, "Invalid UTF-8 start byte" + Where(1, 1));
        }

        var r = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 1000 });
        try
        {
            try
            {
                return Bind(json, ref r, shape);
            }
            catch (Exception e) when (e is BodyRefusal or KylinException)
            {
                // A bad JSON text is reported before a bad shape: the rest of the first value is read first.
                Drain(ref r);
                throw;
            }
        }
        catch (JsonException e)
        {
            var (line, column) = ((int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1);
            var message = e.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            message = (cut < 0 ? message : message[..cut]).TrimEnd('.', ' ');
            if (r.BytesConsumed >= json.Length || message.Contains("end of the JSON", StringComparison.OrdinalIgnoreCase)
                || message.Contains("incomplete", StringComparison.OrdinalIgnoreCase) || message.Contains("end of data", StringComparison.OrdinalIgnoreCase))
            {
                // Jackson's JsonEOFException is not exactly a JsonParseException, so Kylin calls it UNKNOWN.
                throw new BodyRefusal(BodyRefusalKind.Mapping, "Unexpected end-of-input: expected close marker for Object" + Where(line, column));
            }

            throw new BodyRefusal(BodyRefusalKind.Syntax, message + Where(line, column));
        }
    }

    /// <summary>Whether Spring's Jackson converter reads this Content-Type: <c>application/json</c> or <c>application/*+json</c>.</summary>
    public static bool IsJson(string? contentType)
    {
        var media = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        return media is not null && (media == "application/json" || (media.StartsWith("application/", StringComparison.Ordinal) && media.EndsWith("+json", StringComparison.Ordinal)));
    }

    private static BodyRefusal Missing(BodyShape shape) => new(BodyRefusalKind.Missing, "Required request body is missing: " + shape.Method);

    private static BoundBody Bind(ReadOnlySpan<byte> json, ref Utf8JsonReader r, BodyShape shape)
    {
        if (!r.Read())
        {
            throw Mismatch("No content to map due to end-of-input", json, ref r, shape, null);
        }

        var target = shape.Target;
        return r.TokenType switch
        {
            JsonTokenType.StartObject => ReadObject(json, ref r, shape),
            JsonTokenType.Null => throw Missing(shape),
            JsonTokenType.StartArray => throw Mismatch($"Cannot deserialize value of type `{target}` from Array value (token `JsonToken.START_ARRAY`)", json, ref r, shape, null),
            JsonTokenType.String => throw Mismatch($"Cannot construct instance of `{target}` (although at least one Creator exists): no String-argument constructor/factory method to deserialize from String value ('{Text(ref r)}')", json, ref r, shape, null),
            JsonTokenType.Number => throw Mismatch($"Cannot construct instance of `{target}` (although at least one Creator exists): no {(IsFloat(ref r) ? "double/Double" : "int/Int")}-argument constructor/factory method to deserialize from Number value ({Raw(ref r)})", json, ref r, shape, null),
            _ => throw Mismatch($"Cannot construct instance of `{target}` (although at least one Creator exists): no boolean/Boolean-argument constructor/factory method to deserialize from boolean value ({Raw(ref r)})", json, ref r, shape, null),
        };
    }

    private static BoundBody ReadObject(ReadOnlySpan<byte> json, ref Utf8JsonReader r, BodyShape shape)
    {
        var bound = new BoundBody();
        while (Next(ref r) == JsonTokenType.PropertyName)
        {
            var field = shape.Field(Text(ref r));
            Next(ref r);
            if (field is null)
            {
                // An unknown property: skipped token by token, never materialized.
                r.Skip();
                continue;
            }

            var value = Value(json, ref r, shape, field);
            field.Check?.Invoke(value);
            bound.Set(field.Name, value);
        }

        return bound;
    }

    private static object? Value(ReadOnlySpan<byte> json, ref Utf8JsonReader r, BodyShape shape, BodyField field) => field.Kind switch
    {
        BodyKind.String => Scalar(json, ref r, shape, field),
        BodyKind.Int => (int)Whole(json, ref r, shape, field, int.MinValue, int.MaxValue),
        BodyKind.Long => Whole(json, ref r, shape, field, long.MinValue, long.MaxValue),
        BodyKind.KylinInt => KylinInt(ref r),
        BodyKind.Bool or BodyKind.Boolean => Truth(json, ref r, shape, field),
        BodyKind.Strings => List(json, ref r, shape, field),
        BodyKind.StringTable => Table(json, ref r, shape, field),
        BodyKind.Longs => Wholes(json, ref r, shape, field),
        _ => r.TokenType == JsonTokenType.Null ? null : Compact(ref r),
    };

    // Jackson's StringDeserializer: numbers and booleans become their text; objects and arrays are refused.
    private static string? Scalar(ReadOnlySpan<byte> json, ref Utf8JsonReader r, BodyShape shape, BodyField field) => r.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String => Text(ref r),
        JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False => Raw(ref r),
        _ => throw Refused("java.lang.String", json, ref r, shape, field),
    };

    // Jackson's int and long deserializers: null is 0, a fraction is cut, a numeric string read, an empty one 0.
    private static long Whole(ReadOnlySpan<byte> json, ref Utf8JsonReader r, BodyShape shape, BodyField field, long min, long max)
    {
        switch (r.TokenType)
        {
            case JsonTokenType.Null:
                return 0;
            case JsonTokenType.Number:
                var digits = Raw(ref r);
                if (decimal.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && decimal.Truncate(number) >= min && decimal.Truncate(number) <= max)
                {
                    return (long)decimal.Truncate(number);
                }

                throw Mismatch($"Numeric value ({digits}) out of range of {field.Type} ({min} - {max})", json, ref r, shape, field);
            case JsonTokenType.String:
                var text = Text(ref r).Trim();
                if (text.Length == 0)
                {
                    return 0;
                }

                return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
                    ? value
                    : throw Mismatch($"Cannot deserialize value of type `{field.Type}` from String \"{text}\": not a valid `{field.Type}` value", json, ref r, shape, field);
            default:
                throw Refused(field.Type, json, ref r, shape, field);
        }
    }

    // ArgsTypeJsonDeserializer.IntegerJsonDeserializer: the token's text, empty or "null" is 0, else Integer.parseInt or KE-010043209.
    private static int KylinInt(ref Utf8JsonReader r)
    {
        var text = r.TokenType switch
        {
            JsonTokenType.Null => "null",
            JsonTokenType.String => Text(ref r),
            JsonTokenType.StartObject => "{",
            JsonTokenType.StartArray => "[",
            _ => Raw(ref r),
        };
        if (text.Length == 0 || text == "null")
        {
            return 0;
        }

        var digits = text.StartsWith('-') || text.StartsWith('+') ? text[1..] : text;
        return digits.Length > 0 && digits.All(char.IsAsciiDigit) && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new KylinException(ErrorCode.ArgsTypeCheck, text, "Integer");
    }

    // Jackson's boolean deserializer: true/false, their strings in three cases, an integer (0 is false); null is false or null.
    private static bool? Truth(ReadOnlySpan<byte> json, ref Utf8JsonReader r, BodyShape shape, BodyField field)
    {
        switch (r.TokenType)
        {
            case JsonTokenType.Null:
                return field.Kind == BodyKind.Bool ? false : null;
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.Number when !IsFloat(ref r):
                return Raw(ref r).TrimStart('-').Trim('0').Length > 0;
            case JsonTokenType.String:
                var text = Text(ref r).Trim();
                return text switch
                {
                    "true" or "True" or "TRUE" => true,
                    "false" or "False" or "FALSE" => false,
                    "" => field.Kind == BodyKind.Bool ? false : null,
                    _ => throw Mismatch($"Cannot deserialize value of type `{field.Type}` from String \"{text}\": only \"true\" or \"false\" recognized", json, ref r, shape, field),
                };
            default:
                throw Refused(field.Type, json, ref r, shape, field);
        }
    }

    private static List<string>? List(ReadOnlySpan<byte> json, ref Utf8JsonReader r, BodyShape shape, BodyField field)
    {
        switch (r.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.StartArray:
                var values = new List<string>();
                while (Next(ref r) != JsonTokenType.EndArray)
                {
                    values.Add(Scalar(json, ref r, shape, field) ?? string.Empty);
                }

                return values;
            default:
                throw Refused(field.Type, json, ref r, shape, field);
        }
    }

    // Jackson's List<Long>: each item as a Long (null stays null and is dropped here, a numeric string read, a fraction cut).
    private static List<long>? Wholes(ReadOnlySpan<byte> json, ref Utf8JsonReader r, BodyShape shape, BodyField field)
    {
        switch (r.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.StartArray:
                var values = new List<long>();
                var item = field with { Kind = BodyKind.Long, JavaType = "java.lang.Long" };
                while (Next(ref r) != JsonTokenType.EndArray)
                {
                    if (r.TokenType != JsonTokenType.Null)
                    {
                        values.Add(Whole(json, ref r, shape, item, long.MinValue, long.MaxValue));
                    }
                }

                return values;
            default:
                throw Refused(field.Type, json, ref r, shape, field);
        }
    }

    private static List<IReadOnlyList<string>>? Table(ReadOnlySpan<byte> json, ref Utf8JsonReader r, BodyShape shape, BodyField field)
    {
        if (r.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (r.TokenType != JsonTokenType.StartArray)
        {
            throw Refused(field.Type, json, ref r, shape, field);
        }

        var rows = new List<IReadOnlyList<string>>();
        var row = field with { Kind = BodyKind.Strings, JavaType = "java.lang.String[]" };
        while (Next(ref r) != JsonTokenType.EndArray)
        {
            rows.Add(List(json, ref r, shape, row) ?? []);
        }

        return rows;
    }

    // An Object field (tag): the value as compact JSON text, non-ASCII kept as sent.
    private static string Compact(ref Utf8JsonReader r)
    {
        using var value = JsonDocument.ParseValue(ref r);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            value.RootElement.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
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

    // Within the first value an end of input is the reader's own "incomplete" JsonException.
    private static JsonTokenType Next(ref Utf8JsonReader r)
    {
        r.Read();
        return r.TokenType;
    }

    private static string Text(ref Utf8JsonReader r)
    {
        try
        {
            return r.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate: this reader's GetString refuses it; Jackson reads it as U+FFFD.
            return JsonEscapes.Unescape(r.ValueSpan);
        }
    }

    // A number's or boolean's text as sent (Jackson's getText).
    private static string Raw(ref Utf8JsonReader r) => Encoding.UTF8.GetString(r.ValueSpan);

    private static bool IsFloat(ref Utf8JsonReader r) => r.ValueSpan.IndexOfAny((byte)'.', (byte)'e', (byte)'E') >= 0;

    // Jackson's MismatchedInputException for a token its deserializer does not take.
    private static BodyRefusal Refused(string type, ReadOnlySpan<byte> json, ref Utf8JsonReader r, BodyShape shape, BodyField field)
    {
        var kind = r.TokenType switch
        {
            JsonTokenType.StartObject => "Object value (token `JsonToken.START_OBJECT`)",
            JsonTokenType.StartArray => "Array value (token `JsonToken.START_ARRAY`)",
            JsonTokenType.String => "String value (token `JsonToken.VALUE_STRING`)",
            JsonTokenType.Number when IsFloat(ref r) => "Floating-point value (token `JsonToken.VALUE_NUMBER_FLOAT`)",
            JsonTokenType.Number => "Integer value (token `JsonToken.VALUE_NUMBER_INT`)",
            JsonTokenType.True => "Boolean value (token `JsonToken.VALUE_TRUE`)",
            _ => "Boolean value (token `JsonToken.VALUE_FALSE`)",
        };
        return Mismatch($"Cannot deserialize value of type `{type}` from {kind}", json, ref r, shape, field);
    }

    private static BodyRefusal Mismatch(string message, ReadOnlySpan<byte> json, ref Utf8JsonReader r, BodyShape shape, BodyField? field)
    {
        var (line, column) = Position(json, (int)r.BytesConsumed);
        var chain = field is null ? string.Empty : $" (through reference chain: {shape.Target}[\"{field.Name}\"])";
        return new BodyRefusal(BodyRefusalKind.Mapping, message + Where(line, column) + chain);
    }

    private static string Where(int line, int column) => $"\n at [Source: (PushbackInputStream); line: {line}, column: {column}]";

    // The line and column just after the current token (1-based, columns in UTF-16 characters), only on an error.
    private static (int Line, int Column) Position(ReadOnlySpan<byte> json, int end)
    {
        int line = 1, column = 0;
        for (var i = 0; i < end; i++)
        {
            var b = json[i];
            if (b == '\n' || (b == '\r' && (i + 1 >= json.Length || json[i + 1] != '\n')))
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
