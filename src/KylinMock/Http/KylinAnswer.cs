namespace KylinMock.Http;

/// <summary>What an endpoint answers: status, content type, body bytes and any extra headers.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="ContentType">The Content-Type header.</param>
/// <param name="Body">The body bytes (UTF-8 JSON).</param>
internal sealed record KylinAnswer(int Status, string ContentType, byte[] Body)
{
    /// <summary>Extra headers, such as <c>Allow</c>.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>When set, writes the body to the response stream (synchronously, unbuffered) in place of <see cref="Body"/>.</summary>
    public Action<Stream>? Streamed { get; init; }
}
