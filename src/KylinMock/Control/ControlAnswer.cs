using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace KylinMock.Control;

/// <summary>What a control-API handler answers: an HTTP status and a JSON body.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Body">The body bytes (UTF-8 JSON).</param>
internal sealed record ControlAnswer(int Status, byte[] Body)
{
    /// <summary>When set, writes the body straight to the response instead of <see cref="Body"/> (a dump of a million jobs is never held whole).</summary>
    public Action<Stream>? Streamed { get; init; }

    /// <summary>An answer whose body is <paramref name="body"/> on one line.</summary>
    public static ControlAnswer Json(int status, JToken body) => new(status, Encoding.UTF8.GetBytes(body.ToString(Formatting.None)));
}
