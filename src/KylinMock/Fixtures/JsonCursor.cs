using System.Globalization;
using System.Text;
using System.Text.Json;

namespace KylinMock.Fixtures;

/// <summary>
/// A forward-only reader over a UTF-8 JSON stream (System.Text.Json's <see cref="Utf8JsonReader"/>
/// refilled from a buffer), with the small typed reads of the fixture format. Every problem is
/// reported through a <see cref="JsonPlace"/> in the words of the fixture messages
/// (<c>field "x": expected an integer, found the string "y"</c>).
/// </summary>
// No member is readonly: Utf8JsonReader's members are not, so a readonly member would copy the reader on every call.
internal ref struct JsonCursor
{
    private const int LongestPooled = 1024; // StringPool.Scratch's length
    // Comments are not JSON (the format never had them); skipping them would put every token on the reader's slower path.
    private static readonly JsonReaderOptions Options = new() { AllowTrailingCommas = true, MaxDepth = 64 };

    private readonly Stream stream;
    private readonly StringPool pool;
    private byte[] buffer;
    private int length;
    private bool final;
    private bool started;
    private readonly char[] names = new char[256];
    private int nameLength;
    private string? longName;
    private Utf8JsonReader reader;

    public JsonCursor(Stream stream, StringPool pool)
    {
        this.stream = stream;
        this.pool = pool;
        buffer = new byte[1 << 16];
        Fill();
        if (buffer.AsSpan(0, length).StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            Shift(3);
        }

        reader = new Utf8JsonReader(buffer.AsSpan(0, length), final, new JsonReaderState(Options));
    }

    /// <summary>The current token.</summary>
    public JsonTokenType Token => reader.TokenType;

    /// <summary>
    /// Moves to the next token; the document ending here is "the file is empty" or "the JSON ends too
    /// early". Text that is not JSON throws the reader's <see cref="JsonException"/>: each object's
    /// reader turns it into its own message with <see cref="Invalid"/> (a try per object, not per token,
    /// keeps this call small enough to inline).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public void Next(in JsonPlace place)
    {
        if (!reader.Read())
        {
            More(place);
        }

        started = true;
    }

    /// <summary>The message for a <see cref="JsonException"/> thrown while reading at <paramref name="place"/>.</summary>
    public Exception Invalid(in JsonPlace place, JsonException e) =>
        final && OnlyWhiteSpaceLeft()
            ? place.Fail(started ? "the JSON ends too early" : "the file is empty")
            : place.Fail("not valid JSON: " + e.Message);

    // The buffer ran out inside a token or between tokens: refill until the next token is read.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void More(in JsonPlace place)
    {
        do
        {
            if (final)
            {
                throw place.Fail(started ? "the JSON ends too early" : "the file is empty");
            }

            var state = reader.CurrentState;
            Shift((int)reader.BytesConsumed);
            Fill();
            reader = new Utf8JsonReader(buffer.AsSpan(0, length), final, state);
        }
        while (!reader.Read());
    }

    /// <summary>After the document's value: anything but white space left is refused.</summary>
    public void End(in JsonPlace place)
    {
        bool more;
        try
        {
            more = TryRead(place);
        }
        catch (Exception)
        {
            more = true;
        }

        if (more)
        {
            throw place.Fail("unexpected content after the fixture's end");
        }
    }

    /// <summary>On an object's start (reading it first at the document's start); anything else fails.</summary>
    public void Object(in JsonPlace place)
    {
        if (!started)
        {
            Next(place);
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw place.Fail($"expected an object, found {Describe()}");
        }
    }

    /// <summary>The next property of the object, the cursor on its value (its name is <see cref="Name"/>); false at the object's end.</summary>
    public bool Property(in JsonPlace place)
    {
        Next(place);
        if (reader.TokenType != JsonTokenType.PropertyName)
        {
            nameLength = 0;
            return false;
        }

        if (ValueLength() <= names.Length)
        {
            nameLength = Copy(names);
        }
        else
        {
            longName = reader.GetString();
            nameLength = -1;
        }

        Next(place);
        return true;
    }

    /// <summary>
    /// The next property of the object as a member of <typeparamref name="TField"/> (-1 for a name it
    /// does not list), the cursor on its value; false at the object's end. <paramref name="next"/> is
    /// the name expected next (the one after the last found), checked first.
    /// </summary>
    public bool Property<TField>(in JsonPlace place, PropertyNames<TField> fields, ref int next, out TField field)
        where TField : struct, Enum
    {
        Next(place);
        if (reader.TokenType != JsonTokenType.PropertyName)
        {
            field = default;
            return false;
        }

        int index;
        if (!reader.ValueIsEscaped && next < fields.Count && reader.ValueSpan.SequenceEqual(fields.Utf8(next)))
        {
            index = next;
        }
        else
        {
            index = ValueLength() <= names.Length ? fields.Find(names.AsSpan(0, Copy(names))) : -1;
        }

        if (index >= 0)
        {
            next = index + 1;
        }

        field = System.Runtime.CompilerServices.Unsafe.As<int, TField>(ref index);
        Next(place);
        return true;
    }

    /// <summary>The name of the property <see cref="Property(in JsonPlace)"/> read last.</summary>
    public readonly ReadOnlySpan<char> Name => nameLength >= 0 ? names.AsSpan(0, nameLength) : longName;

    /// <summary>Text read earlier (a property name), as a string from the pool.</summary>
    public readonly string Pooled(ReadOnlySpan<char> text) => pool.Get(text);

    /// <summary>On an array's start: true to read its items, false for null (no items); anything else fails.</summary>
    public bool Array(in JsonPlace place, string field)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return false;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw place.Fail($"field \"{field}\": expected an array, found {Describe()}");
        }

        return true;
    }

    /// <summary>Moves to the next item of the array; false at its end.</summary>
    public bool Item(in JsonPlace place)
    {
        Next(place);
        return reader.TokenType != JsonTokenType.EndArray;
    }

    /// <summary>Skips the current value (with everything inside it).</summary>
    public void Skip(in JsonPlace place)
    {
        if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            return;
        }

        var depth = reader.CurrentDepth;
        do
        {
            Next(place);
        }
        while (reader.CurrentDepth > depth || reader.TokenType is not (JsonTokenType.EndObject or JsonTokenType.EndArray));
    }

    /// <summary>A string or null; equal strings come from the pool unless <paramref name="pooled"/> is false.</summary>
    public string? String(in JsonPlace place, string field, bool pooled = true)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                try
                {
                    if (!pooled || ValueLength() > LongestPooled)
                    {
                        return reader.GetString();
                    }

                    return pool.Get(pool.Scratch.AsSpan(0, Copy(pool.Scratch)));
                }
                catch (InvalidOperationException e)
                {
                    // Bytes that are not UTF-8 inside a string.
                    throw place.Fail("not valid JSON: " + e.Message);
                }

            default:
                throw place.Fail($"field \"{field}\": expected a string, found {Describe()}");
        }
    }

    public string RequiredString(in JsonPlace place, string field, bool pooled = true) =>
        String(place, field, pooled) ?? throw place.Fail($"field \"{field}\": must not be null");

    /// <summary>Whether the current string is exactly <paramref name="text"/> (compared without allocating).</summary>
    public bool StringEquals(scoped ReadOnlySpan<char> text) =>
        reader.TokenType == JsonTokenType.String && reader.ValueTextEquals(text);

    public long Long(in JsonPlace place, string field)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value))
        {
            return value;
        }

        if (reader.TokenType == JsonTokenType.Number && IsInteger())
        {
            throw place.Fail($"field \"{field}\": {Text()} is out of range");
        }

        throw place.Fail($"field \"{field}\": expected an integer, found {Describe()}");
    }

    public int Int(in JsonPlace place, string field)
    {
        var value = Long(place, field);
        return value is >= int.MinValue and <= int.MaxValue ? (int)value : throw place.Fail($"field \"{field}\": {value} is out of range");
    }

    public int? NullableInt(in JsonPlace place, string field) =>
        reader.TokenType == JsonTokenType.Null ? null : Int(place, field);

    public bool Bool(in JsonPlace place, string field) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw place.Fail($"field \"{field}\": expected true or false, found {Describe()}"),
    };

    /// <summary>A number as a float, whole or not (as Newtonsoft's Convert.ToSingle read it).</summary>
    public float Float(in JsonPlace place, string field)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw place.Fail($"field \"{field}\": expected a number");
        }

        return reader.TryGetInt64(out var whole) ? whole : (float)reader.GetDouble();
    }

    /// <summary>
    /// The current value as compact JSON text, as the fixture format passes <c>tag</c> through; null
    /// for null. Newtonsoft rewrites it, so its numbers and escapes read back exactly as they always did.
    /// </summary>
    public string? Raw(in JsonPlace place)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                var text = new StringBuilder();
                var depth = reader.CurrentDepth;
                AppendToken(text);
                do
                {
                    Next(place);
                    AppendToken(text);
                }
                while (reader.CurrentDepth > depth || reader.TokenType is not (JsonTokenType.EndObject or JsonTokenType.EndArray));
                return Normalized(text.ToString());
            default:
                var single = new StringBuilder();
                AppendToken(single);
                return Normalized(single.ToString());
        }
    }

    private static string Normalized(string json)
    {
        using var read = new Newtonsoft.Json.JsonTextReader(new StringReader(json)) { DateParseHandling = Newtonsoft.Json.DateParseHandling.None, FloatParseHandling = Newtonsoft.Json.FloatParseHandling.Double };
        read.Read();
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using var write = new Newtonsoft.Json.JsonTextWriter(text);
        write.WriteToken(read, writeChildren: true);
        write.Flush();
        return text.ToString();
    }

    // The token as JSON text (strings re-escaped), so a value spread over refills is put back together.
    private void AppendToken(StringBuilder text)
    {
        var previous = text.Length > 0 ? text[^1] : '\0';
        var separate = previous is not ('\0' or '[' or '{' or ':') && reader.TokenType is not (JsonTokenType.EndObject or JsonTokenType.EndArray);
        if (separate)
        {
            text.Append(',');
        }

        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject: text.Append('{'); break;
            case JsonTokenType.EndObject: text.Append('}'); break;
            case JsonTokenType.StartArray: text.Append('['); break;
            case JsonTokenType.EndArray: text.Append(']'); break;
            case JsonTokenType.PropertyName: text.Append(Newtonsoft.Json.JsonConvert.ToString(reader.GetString())).Append(':'); break;
            case JsonTokenType.String: text.Append(Newtonsoft.Json.JsonConvert.ToString(reader.GetString())); break;
            default: text.Append(Text()); break;
        }
    }

    // The current name or string into chars: plain ASCII widened directly, anything else decoded and unescaped.
    private int Copy(char[] destination)
    {
        if (!reader.ValueIsEscaped && System.Text.Ascii.ToUtf16(reader.ValueSpan, destination, out var written) == System.Buffers.OperationStatus.Done)
        {
            return written;
        }

        return reader.CopyString(destination);
    }

    // The cursor reads spans, never sequences.
    private int ValueLength() => reader.ValueSpan.Length;

    private string Text() => Encoding.UTF8.GetString(reader.ValueSpan);

    private bool IsInteger() => reader.ValueSpan.IndexOfAny("eE."u8) < 0;

    // As Newtonsoft's reader named what it found: "the string \"x\"", "integer 5", "float 1.5", "boolean true", "null", or the token.
    private string Describe() => reader.TokenType switch
    {
        JsonTokenType.String => $"the string \"{reader.GetString()}\"",
        JsonTokenType.Number when IsInteger() => "integer " + (reader.TryGetInt64(out var n) ? n.ToString(CultureInfo.InvariantCulture) : Text()),
        JsonTokenType.Number => "float " + reader.GetDouble().ToString(CultureInfo.InvariantCulture).ToLowerInvariant(),
        JsonTokenType.True => "boolean true",
        JsonTokenType.False => "boolean false",
        JsonTokenType.Null => "null",
        JsonTokenType.StartObject => "StartObject",
        JsonTokenType.StartArray => "StartArray",
        JsonTokenType.EndObject => "EndObject",
        JsonTokenType.EndArray => "EndArray",
        JsonTokenType.PropertyName => "PropertyName",
        _ => reader.TokenType.ToString(),
    };

    // One token, refilling the buffer as often as it takes; false when the document has ended.
    private bool TryRead(in JsonPlace place)
    {
        while (true)
        {
            try
            {
                if (reader.Read())
                {
                    return true;
                }
            }
            catch (JsonException e)
            {
                if (final && OnlyWhiteSpaceLeft())
                {
                    return false;
                }

                throw place.Fail("not valid JSON: " + e.Message);
            }

            if (final)
            {
                return false;
            }

            var state = reader.CurrentState;
            Shift((int)reader.BytesConsumed);
            Fill();
            reader = new Utf8JsonReader(buffer.AsSpan(0, length), final, state);
        }
    }

    private bool OnlyWhiteSpaceLeft() => buffer.AsSpan((int)reader.BytesConsumed, length - (int)reader.BytesConsumed).TrimStart(" \t\r\n"u8).IsEmpty;

    // Drops the consumed bytes from the front of the buffer.
    private void Shift(int consumed)
    {
        buffer.AsSpan(consumed, length - consumed).CopyTo(buffer);
        length -= consumed;
    }

    // Reads more of the stream after what the buffer holds, growing it when a token fills it.
    private void Fill()
    {
        if (length == buffer.Length)
        {
            System.Array.Resize(ref buffer, buffer.Length * 2);
        }

        while (length < buffer.Length)
        {
            var read = stream.Read(buffer, length, buffer.Length - length);
            if (read == 0)
            {
                final = true;
                return;
            }

            length += read;
        }
    }
}
