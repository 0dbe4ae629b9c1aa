using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace KylinMock.Http;

/// <summary>What an endpoint answers, Kylin's and the control plane's alike: status, content type, body bytes and any extra headers.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="ContentType">The Content-Type header.</param>
/// <param name="Body">The body bytes (UTF-8; JSON but for the dashboard's files and the step log).</param>
internal sealed record KylinAnswer(int Status, string ContentType, byte[] Body)
{
    /// <summary>Extra headers, such as <c>Allow</c>.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>When set, writes the body to the response stream (synchronously, unbuffered) in place of <see cref="Body"/>.</summary>
    public Action<Stream>? Streamed { get; init; }

    /// <summary>A JSON answer whose body is <paramref name="body"/> on one line (the control plane's shape).</summary>
    public static KylinAnswer Json(int status, JToken body) => new(status, MediaTypes.Json, Encoding.UTF8.GetBytes(body.ToString(Formatting.None)));
}
