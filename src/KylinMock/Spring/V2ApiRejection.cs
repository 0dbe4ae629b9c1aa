namespace KylinMock.Http;

/// <summary>
/// Kylin's V2ApiFilter refusing a v2 request no v2 mapping serves. Its <c>NotFoundException</c> is thrown
/// from a servlet filter, outside every controller, so neither Kylin's handlers nor its envelope answer:
/// Tomcat forwards to Spring Boot's <c>/error</c>, a 500 with Boot's own body (section 12.0 of the contract).
/// </summary>
internal sealed class V2ApiRejection(long nowMs) : Exception("API of version v2 is no longer supported")
{
    /// <summary>When it happened, on the server's clock (the body's epoch-millisecond timestamp).</summary>
    public long NowMs { get; } = nowMs;
}
