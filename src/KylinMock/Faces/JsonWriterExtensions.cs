using Newtonsoft.Json;

namespace KylinMock.Answers;

/// <summary>One-line properties for the hand-written JSON shapes (no reflection on the hot path).</summary>
internal static class JsonWriterExtensions
{
    public static void Property(this JsonWriter w, string name, string? value)
    {
        w.WritePropertyName(name);
        w.WriteValue(value);
    }

    public static void Property(this JsonWriter w, string name, long value)
    {
        w.WritePropertyName(name);
        w.WriteValue(value);
    }

    public static void Property(this JsonWriter w, string name, int value)
    {
        w.WritePropertyName(name);
        w.WriteValue(value);
    }

    public static void Property(this JsonWriter w, string name, int? value)
    {
        w.WritePropertyName(name);
        w.WriteValue(value);
    }

    public static void Property(this JsonWriter w, string name, bool value)
    {
        w.WritePropertyName(name);
        w.WriteValue(value);
    }

    // Java writes a float as its shortest round-trip text with ".0" when whole; so does Newtonsoft.
    public static void Property(this JsonWriter w, string name, float value)
    {
        w.WritePropertyName(name);
        w.WriteValue(value);
    }

    public static void Property(this JsonWriter w, string name, double value)
    {
        w.WritePropertyName(name);
        w.WriteValue(value);
    }

    /// <summary>A property whose value is an array of strings.</summary>
    public static void Property(this JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WritePropertyName(name);
        w.WriteStringArray(values);
    }

    /// <summary>A property whose value is an object of string values (a Java <c>Map&lt;String, String&gt;</c>), in the given order.</summary>
    public static void PropertyMap(this JsonWriter w, string name, IEnumerable<KeyValuePair<string, string>> map)
    {
        w.WritePropertyName(name);
        w.WriteStartObject();
        foreach (var (key, value) in map)
        {
            w.Property(key, value);
        }

        w.WriteEndObject();
    }

    /// <summary>An array of strings.</summary>
    public static void WriteStringArray(this JsonWriter w, IEnumerable<string> values)
    {
        w.WriteStartArray();
        foreach (var value in values)
        {
            w.WriteValue(value);
        }

        w.WriteEndArray();
    }

    /// <summary>A property whose value is null.</summary>
    public static void Null(this JsonWriter w, string name)
    {
        w.WritePropertyName(name);
        w.WriteNull();
    }
}
