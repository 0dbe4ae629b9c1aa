using Newtonsoft.Json;

namespace KylinMock.Json;

/// <summary>
/// Small streaming readers over a <see cref="JsonReader"/> positioned on a property's value; every
/// type problem is reported through <c>fail</c> with the field's name.
/// </summary>
internal static class JsonRead
{
    /// <summary>Reads an object, calling <paramref name="property"/> with the reader on each property's value.</summary>
    public static void Object(JsonReader r, Func<string, Exception> fail, Action<string> property)
    {
        if (r.TokenType == JsonToken.None)
        {
            r.Read();
        }

        if (r.TokenType != JsonToken.StartObject)
        {
            throw fail($"expected an object, found {Describe(r)}");
        }

        while (Next(r, fail) == JsonToken.PropertyName)
        {
            var name = (string)r.Value!;
            Next(r, fail);
            property(name);
        }
    }

    /// <summary>Reads an array, calling <paramref name="item"/> with the reader on each element.</summary>
    public static void Array(JsonReader r, Func<string, Exception> fail, string field, Action<int> item)
    {
        if (r.TokenType == JsonToken.Null)
        {
            return;
        }

        if (r.TokenType != JsonToken.StartArray)
        {
            throw fail($"field \"{field}\": expected an array, found {Describe(r)}");
        }

        var index = 0;
        while (Next(r, fail) != JsonToken.EndArray)
        {
            item(index++);
        }
    }

    public static string? String(JsonReader r, Func<string, Exception> fail, string field) => r.TokenType switch
    {
        JsonToken.Null => null,
        JsonToken.String => (string)r.Value!,
        _ => throw fail($"field \"{field}\": expected a string, found {Describe(r)}"),
    };

    public static string RequiredString(JsonReader r, Func<string, Exception> fail, string field) =>
        String(r, fail, field) ?? throw fail($"field \"{field}\": must not be null");

    public static long Long(JsonReader r, Func<string, Exception> fail, string field) => r.TokenType switch
    {
        JsonToken.Integer => Convert.ToInt64(r.Value, System.Globalization.CultureInfo.InvariantCulture),
        _ => throw fail($"field \"{field}\": expected an integer, found {Describe(r)}"),
    };

    public static int Int(JsonReader r, Func<string, Exception> fail, string field)
    {
        var value = Long(r, fail, field);
        return value is >= int.MinValue and <= int.MaxValue ? (int)value : throw fail($"field \"{field}\": {value} is out of range");
    }

    public static int? NullableInt(JsonReader r, Func<string, Exception> fail, string field) =>
        r.TokenType == JsonToken.Null ? null : Int(r, fail, field);

    public static bool Bool(JsonReader r, Func<string, Exception> fail, string field) => r.TokenType switch
    {
        JsonToken.Boolean => (bool)r.Value!,
        _ => throw fail($"field \"{field}\": expected true or false, found {Describe(r)}"),
    };

    public static List<long> Longs(JsonReader r, Func<string, Exception> fail, string field)
    {
        var values = new List<long>();
        Array(r, fail, field, _ => values.Add(Long(r, fail, field)));
        return values;
    }

    public static List<string> Strings(JsonReader r, Func<string, Exception> fail, string field)
    {
        var values = new List<string>();
        Array(r, fail, field, _ => values.Add(RequiredString(r, fail, field)));
        return values;
    }

    /// <summary>The current value as raw JSON text (for fields the mock passes through, like <c>tag</c>).</summary>
    public static string? Raw(JsonReader r)
    {
        if (r.TokenType == JsonToken.Null)
        {
            return null;
        }

        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        using var w = new JsonTextWriter(text);
        w.WriteToken(r, writeChildren: true);
        w.Flush();
        return text.ToString();
    }

    private static JsonToken Next(JsonReader r, Func<string, Exception> fail)
    {
        try
        {
            if (!r.Read())
            {
                throw fail("the JSON ends too early");
            }
        }
        catch (JsonReaderException e)
        {
            throw fail("not valid JSON: " + e.Message);
        }

        return r.TokenType;
    }

    private static string Describe(JsonReader r) => r.TokenType switch
    {
        JsonToken.String => $"the string \"{r.Value}\"",
        JsonToken.Integer or JsonToken.Float or JsonToken.Boolean => $"{r.TokenType.ToString().ToLowerInvariant()} {Convert.ToString(r.Value, System.Globalization.CultureInfo.InvariantCulture)?.ToLowerInvariant()}",
        JsonToken.Null => "null",
        _ => r.TokenType.ToString(),
    };
}
