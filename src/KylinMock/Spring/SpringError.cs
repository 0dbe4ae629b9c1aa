namespace KylinMock.Http;

/// <summary>A request Spring Boot refuses before any Kylin controller runs (404, 405, 406): answered with Spring's own error body.</summary>
internal sealed class SpringError(int status, string error, long nowMs) : Exception(error)
{
    /// <summary>The HTTP status.</summary>
    public int Status { get; } = status;

    /// <summary>Spring's reason phrase, for example <c>Method Not Allowed</c>.</summary>
    public string Error { get; } = error;

    /// <summary>When it happened, on the server's clock (the body's timestamp).</summary>
    public long NowMs { get; } = nowMs;

    /// <summary>The <c>Allow</c> header of a 405: the path's methods.</summary>
    public string? Allow { get; init; }
}
