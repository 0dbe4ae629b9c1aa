using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace KylinMock.Control;

/// <summary>What a control-API handler answers: an HTTP status and a body (JSON unless it says otherwise).</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Body">The body bytes (UTF-8).</param>
internal sealed record ControlAnswer(int Status, byte[] Body)
{
    /// <summary>The Content-Type header; JSON for every handler but the dashboard's files.</summary>
    public string ContentType { get; init; } = "application/json";

    /// <summary>Extra headers.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>When set, writes the body straight to the response instead of <see cref="Body"/> (a dump of a million jobs is never held whole).</summary>
    public Action<Stream>? Streamed { get; init; }

    /// <summary>An answer whose body is <paramref name="body"/> on one line.</summary>
    public static ControlAnswer Json(int status, JToken body) => new(status, Encoding.UTF8.GetBytes(body.ToString(Formatting.None)));
}
