namespace KylinMock.Http;

/// <summary>How Jackson binds one field of a <c>@RequestBody</c> class (the Java type decides the coercions and the words of a refusal).</summary>
internal enum BodyKind
{
    /// <summary><c>String</c>: numbers and booleans become their text; objects and arrays are refused.</summary>
    String,

    /// <summary>A primitive <c>int</c>: null is 0, a numeric string is read, a fraction is cut.</summary>
    Int,

    /// <summary><c>int</c> under Kylin's <c>ArgsTypeJsonDeserializer.IntegerJsonDeserializer</c>: null or empty is 0, else <c>Integer.parseInt</c> of the token's text (KE-010043209).</summary>
    KylinInt,

    /// <summary>A primitive <c>long</c>: null is 0, a numeric string is read, a fraction is cut.</summary>
    Long,

    /// <summary>A primitive <c>boolean</c>: null is false, "true"/"false" strings and integers (0 is false) are read.</summary>
    Bool,

    /// <summary>A <c>Boolean</c>: as <see cref="Bool"/>, but null stays null.</summary>
    Boolean,

    /// <summary>A <c>String[]</c>, <c>List&lt;String&gt;</c> or <c>Set&lt;String&gt;</c>: an array of strings (a lone value is refused).</summary>
    Strings,

    /// <summary>A <c>List&lt;String[]&gt;</c>: an array of string arrays.</summary>
    StringTable,

    /// <summary>A <c>List&lt;Long&gt;</c> (<c>batch_index_ids</c>): an array of whole numbers or numeric strings (a lone value is refused).</summary>
    Longs,

    /// <summary>An <c>Object</c> (<c>tag</c>): any JSON value, kept as compact JSON text.</summary>
    Raw,
}

/// <summary>One field a provider reads from its body: the JSON name, how Jackson binds it, the Java type named in Jackson's refusals.</summary>
/// <param name="Name">The JSON property name (Kylin's <c>@JsonProperty</c>, or the Java field's name).</param>
/// <param name="Kind">How the value is bound.</param>
/// <param name="JavaType">The Java type as Jackson's messages name it; derived from <paramref name="Kind"/> when null.</param>
/// <param name="Check">A custom deserializer's check, run on the bound value as the field is read (it may throw a KylinException).</param>
internal sealed record BodyField(string Name, BodyKind Kind, string? JavaType = null, Action<object?>? Check = null)
{
    /// <summary>The Java type Jackson's messages name.</summary>
    public string Type => JavaType ?? Kind switch
    {
        BodyKind.String => "java.lang.String",
        BodyKind.Int or BodyKind.KylinInt => "int",
        BodyKind.Long => "long",
        BodyKind.Bool => "boolean",
        BodyKind.Boolean => "java.lang.Boolean",
        BodyKind.Strings => "java.lang.String[]",
        BodyKind.StringTable => "java.util.ArrayList<java.lang.String[]>",
        BodyKind.Longs => "java.util.ArrayList<java.lang.Long>",
        _ => "java.lang.Object",
    };
}

/// <summary>
/// A <c>@RequestBody</c> class as a provider declares it: the Java class (named in Jackson's refusals), the controller
/// method (named in Spring's "Required request body is missing"), and the fields the provider reads. Every other field is
/// skipped unread, as Jackson skips unknown properties.
/// </summary>
internal sealed class BodyShape
{
    private readonly Dictionary<string, BodyField> fields;

    /// <summary>A shape; <paramref name="target"/> is the request class, <paramref name="method"/> the controller method's signature.</summary>
    public BodyShape(string target, string method, params BodyField[] fields)
    {
        Target = target;
        Method = method;
        this.fields = fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
    }

    /// <summary>The request class, for example <c>org.apache.kylin.rest.request.BuildSegmentsRequest</c>.</summary>
    public string Target { get; }

    /// <summary>The controller method's signature as Spring prints it.</summary>
    public string Method { get; }

    /// <summary>The field of that name, or null (an unknown property).</summary>
    public BodyField? Field(string name) => fields.GetValueOrDefault(name);
}

/// <summary>A body as bound: the declared fields that were present, with their bound values.</summary>
internal sealed class BoundBody
{
    private readonly Dictionary<string, object?> values = new(StringComparer.Ordinal);

    /// <summary>Sets a field's bound value (a repeated property: the last wins, as with Jackson).</summary>
    public void Set(string name, object? value) => values[name] = value;

    /// <summary>Whether the field was sent (null included).</summary>
    public bool Has(string name) => values.ContainsKey(name);

    /// <summary>Whether the field was sent with a value other than null.</summary>
    public bool HasValue(string name) => values.TryGetValue(name, out var value) && value is not null;

    /// <summary>A <see cref="BodyKind.String"/> or <see cref="BodyKind.Raw"/> field, or null.</summary>
    public string? String(string name) => values.GetValueOrDefault(name) as string;

    /// <summary>An int field, or <paramref name="fallback"/> (the Java field's initial value) when it was not sent.</summary>
    public int Int(string name, int fallback) => values.TryGetValue(name, out var value) ? (int)value! : fallback;

    /// <summary>A long field, or <paramref name="fallback"/> when it was not sent.</summary>
    public long Long(string name, long fallback) => values.TryGetValue(name, out var value) ? (long)value! : fallback;

    /// <summary>A boolean field, or <paramref name="fallback"/> when it was not sent (or null for a <c>Boolean</c>).</summary>
    public bool Bool(string name, bool fallback) => values.TryGetValue(name, out var value) && value is bool b ? b : fallback;

    /// <summary>A string-array field, or null.</summary>
    public IReadOnlyList<string>? Strings(string name) => values.GetValueOrDefault(name) as IReadOnlyList<string>;

    /// <summary>A <c>List&lt;String[]&gt;</c> field, or null.</summary>
    public IReadOnlyList<IReadOnlyList<string>>? StringTable(string name) => values.GetValueOrDefault(name) as IReadOnlyList<IReadOnlyList<string>>;

    /// <summary>A <see cref="BodyKind.Longs"/> field, or null when absent or null.</summary>
    public IReadOnlyList<long>? Longs(string name) => values.GetValueOrDefault(name) as IReadOnlyList<long>;
}
