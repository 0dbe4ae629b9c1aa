namespace KylinMock.Http;

/// <summary>Why Spring refused a <c>@RequestBody</c>, before any controller code ran.</summary>
internal enum BodyRefusalKind
{
    /// <summary>HttpMediaTypeNotSupportedException: the Content-Type is not JSON.</summary>
    MediaType,

    /// <summary>HttpMessageNotReadableException "Required request body is missing".</summary>
    Missing,

    /// <summary>HttpMessageNotReadableException caused by Jackson's JsonParseException: the text is not JSON.</summary>
    Syntax,

    /// <summary>HttpMessageNotReadableException caused by another Jackson exception: JSON of the wrong shape (or an end of input).</summary>
    Mapping,
}

/// <summary>
/// A refused <c>@RequestBody</c> in Spring's and Jackson's words, independent of the face: each face's binder entry
/// (<see cref="RequestBody"/> for Kylin 5, <c>Kylin4Binding</c> for Kylin 4) turns it into that face's error.
/// </summary>
internal sealed class BodyRefusal(BodyRefusalKind kind, string text) : Exception(text)
{
    /// <summary>Which Spring exception this is.</summary>
    public BodyRefusalKind Kind { get; } = kind;

    /// <summary>The exception's message as Spring or Jackson words it (for Jackson, with its location).</summary>
    public string Text { get; } = text;
}
