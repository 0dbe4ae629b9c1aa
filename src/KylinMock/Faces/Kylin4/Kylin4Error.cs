namespace KylinMock.Kylin4;

/// <summary>
/// A failure as Kylin 4's controllers raise it (contract §1.4): the Java exception class whose handler in
/// <c>BasicController</c> picks the status, the localized message (which may be null) and, for the handlers that
/// catch everything and rethrow an <c>InternalErrorException</c>, the class of the exception it wraps.
/// Providers and the adapter throw it; <see cref="Kylin4ErrorAnswer"/> alone turns it into an <c>ErrorResponse</c>.
/// </summary>
internal sealed class Kylin4Error : Exception
{
    /// <summary><c>org.apache.kylin.rest.exception.BadRequestException</c>.</summary>
    public const string BadRequest = "org.apache.kylin.rest.exception.BadRequestException";

    /// <summary><c>org.apache.kylin.rest.exception.NotFoundException</c>.</summary>
    public const string NotFound = "org.apache.kylin.rest.exception.NotFoundException";

    /// <summary><c>org.apache.kylin.rest.exception.InternalErrorException</c>.</summary>
    public const string InternalError = "org.apache.kylin.rest.exception.InternalErrorException";

    /// <summary><c>java.lang.IllegalStateException</c>.</summary>
    public const string IllegalState = "java.lang.IllegalStateException";

    /// <summary><c>java.lang.IllegalArgumentException</c>.</summary>
    public const string IllegalArgument = "java.lang.IllegalArgumentException";

    /// <summary><c>java.lang.NullPointerException</c> (Java 8: no message).</summary>
    public const string NullPointer = "java.lang.NullPointerException";

    private Kylin4Error(int status, string javaClass, string? text, string? cause)
        : base(text ?? javaClass)
    {
        Status = status;
        JavaClass = javaClass;
        Text = text;
        Cause = cause;
    }

    /// <summary>The HTTP status BasicController's handler for <see cref="JavaClass"/> answers.</summary>
    public int Status { get; }

    /// <summary>The class of the exception the handler caught.</summary>
    public string JavaClass { get; }

    /// <summary><c>getLocalizedMessage()</c>: the body's <c>msg</c> and <c>exception</c>; may be null.</summary>
    public string? Text { get; }

    /// <summary>The <c>Caused by:</c> line of the stack trace, or null.</summary>
    public string? Cause { get; }

    /// <summary>A BadRequestException answered directly: 400.</summary>
    public static Kylin4Error Bad(string text) => new(400, BadRequest, text, null);

    /// <summary>A NotFoundException answered directly: 404.</summary>
    public static Kylin4Error Missing(string text) => new(404, NotFound, text, null);

    /// <summary>Any other exception answered directly by the catch-all: 500 with its own message (null for Java 8's NPE).</summary>
    public static Kylin4Error Plain(string javaClass, string? text) => new(500, javaClass, text, null);

    /// <summary><c>new InternalErrorException(e)</c>: 500, the message is <c>e.toString()</c> (the class name alone when e has no message).</summary>
    public static Kylin4Error Wrapped(string javaClass, string? text)
    {
        var shown = text is null ? javaClass : javaClass + ": " + text;
        return new(500, InternalError, shown, shown);
    }

    /// <summary><c>new InternalErrorException(text, e)</c>: 500 with the handler's own text (null when it passes e's null message).</summary>
    public static Kylin4Error WrappedAs(string? text, string javaClass, string? causeText) =>
        new(500, InternalError, text, causeText is null ? javaClass : javaClass + ": " + causeText);
}
