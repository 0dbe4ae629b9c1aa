namespace KylinMock.Control;

/// <summary>One request a Kylin endpoint received and what it answered (credentials redacted).</summary>
/// <param name="Sequence">The request's number since the server started (or the journal was cleared).</param>
/// <param name="Time">When it arrived, on the server's clock.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path.</param>
/// <param name="Query">The raw query string, without '?'.</param>
/// <param name="Headers">The headers; credentials redacted (<c>Authorization</c> shows only a known scheme, <c>Cookie</c>, tokens and the like nothing).</param>
/// <param name="Body">The body as UTF-8 text (at most 64 KiB kept), or null.</param>
/// <param name="Status">The HTTP status answered (0 for a dropped connection).</param>
public sealed record JournalEntry(
    long Sequence,
    DateTimeOffset Time,
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    string? Body,
    int Status)
{
    /// <summary>
    /// The Kylin operation of the route line the request matched by method and path, named after Kylin's controller
    /// method (<c>GetJobList</c>, <c>UpdateJobStatus</c>, ...), whatever was answered; null when no route has the method.
    /// </summary>
    public string? Operation { get; init; }
}
