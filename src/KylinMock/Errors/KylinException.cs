namespace KylinMock.Errors;

/// <summary>
/// A failure Kylin reports with one of its error codes. Domain code throws it; exactly one mapper
/// (<see cref="ErrorEnvelope"/>) turns it into Kylin's error envelope, in the request's language.
/// </summary>
internal sealed class KylinException : Exception
{
    /// <summary>A Kylin error whose message is the code's own catalog text formatted with <paramref name="args"/>.</summary>
    internal KylinException(ErrorCode errorCode, params object?[] args)
        : this(errorCode, null, null, args)
    {
    }

    private KylinException(ErrorCode errorCode, MessageKey? detail, string? raw, object?[] args)
        : base(raw ?? errorCode.Code)
    {
        ErrorCode = errorCode;
        Detail = detail;
        Raw = raw;
        Args = args;
    }

    /// <summary>A Kylin error whose message is a catalog text of its own (old-style codes such as KE-010000003).</summary>
    internal static KylinException WithDetail(ErrorCode errorCode, MessageKey detail, params object?[] args) =>
        new(errorCode, detail, null, args);

    /// <summary>A Kylin error carrying a literal message (a parser's or Java exception's own text).</summary>
    internal static KylinException WithRaw(ErrorCode errorCode, string raw) => new(errorCode, null, raw, []);

    /// <summary>The Kylin code.</summary>
    internal ErrorCode ErrorCode { get; }

    /// <summary>The KE code as Kylin shows it, for example <c>KE-010032219</c>.</summary>
    public string Code => ErrorCode.Code;

    /// <summary>Arguments of the message format.</summary>
    internal IReadOnlyList<object?> Args { get; }

    /// <summary>The catalog text used instead of the code's own text, if any.</summary>
    internal MessageKey? Detail { get; }

    /// <summary>A literal message used as is, if any.</summary>
    internal string? Raw { get; }

    /// <summary>The HTTP status Kylin answers with: 500 for a Kylin error unless a binding or auth rule says otherwise.</summary>
    public int HttpStatus { get; init; } = 500;

    /// <summary>The same error answered with another HTTP status.</summary>
    internal KylinException WithStatus(int httpStatus) =>
        new(ErrorCode, Detail, Raw, [.. Args]) { HttpStatus = httpStatus };
}
