namespace KylinMock.Errors;

/// <summary>
/// Kylin's error envelope (<c>ErrorResponse.java</c>): every field present, <c>code</c> always "999".
/// The one place where any exception becomes what a Kylin client reads.
/// </summary>
/// <param name="Msg">The message as Kylin shows it.</param>
/// <param name="Stacktrace">Kylin's stack trace text; the mock writes the message (it has no Java stack).</param>
/// <param name="Exception">The exception's own message.</param>
/// <param name="Url">The request URL.</param>
/// <param name="Suggestion">"" for new-style codes, null otherwise.</param>
/// <param name="ErrorCode">The KE code, null for errors Kylin does not code.</param>
/// <param name="HttpStatus">The HTTP status of the answer.</param>
internal sealed record ErrorEnvelope(
    string Msg,
    string? Stacktrace,
    string? Exception,
    string Url,
    string? Suggestion,
    string? ErrorCode,
    int HttpStatus)
{
    /// <summary>The envelope's <c>code</c>: Kylin's CODE_UNDEFINED.</summary>
    public const string Code = "999";

    /// <summary>Maps any exception to Kylin's envelope in <paramref name="language"/>; non-Kylin exceptions are UNKNOWN ERRORCODE with HTTP 500.</summary>
    public static ErrorEnvelope From(Exception exception, Language language, string url)
    {
        if (exception is not KylinException kylin)
        {
            return Generic(Errors.ErrorCode.UnknownErrorCode, exception.Message, language, url, 500);
        }

        var code = kylin.ErrorCode;
        if (code == Errors.ErrorCode.UnknownErrorCode || code == Errors.ErrorCode.FailedParseJson)
        {
            return Generic(code, kylin.Raw ?? string.Empty, language, url, kylin.HttpStatus);
        }

        if (code.OldStyle)
        {
            var text = kylin.Raw ?? (kylin.Detail is { } key ? MessageCatalog.Detail(key, language, kylin.Args) : string.Empty);
            var msg = MessageCatalog.OldStylePrefix(code, language) + text;
            return new ErrorEnvelope(msg, msg, msg, url, null, code.Code, kylin.HttpStatus);
        }

        var message = MessageCatalog.CodeMessage(code, language, kylin.Args);
        return new ErrorEnvelope(message, message, message, url, string.Empty, code.Code, kylin.HttpStatus);
    }

    // ErrorResponse's branch for exceptions that are not KylinExceptions: "code(description)<sep> raw".
    private static ErrorEnvelope Generic(ErrorCode code, string raw, Language language, string url, int status)
    {
        var msg = MessageCatalog.OldStylePrefix(code, language) + " " + raw;
        return new ErrorEnvelope(msg, msg, raw, url, null, null, status);
    }
}
