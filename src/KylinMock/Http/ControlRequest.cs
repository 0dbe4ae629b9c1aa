using System.Text;
using Newtonsoft.Json.Linq;

namespace KylinMock.Http;

/// <summary>A control-API request: method, the path after <c>/__kylinmock/</c>, query and JSON body.</summary>
internal sealed class ControlRequest(string method, string[] segments, KylinRequest request)
{
    public string Method { get; } = method;

    /// <summary>The path segments after <c>/__kylinmock</c>.</summary>
    public string[] Segments { get; } = segments;

    public KylinRequest Http { get; } = request;

    /// <summary>The body as a JSON object; an empty body is an empty object; anything else is a 400.</summary>
    public JObject Body()
    {
        var text = Http.Body is { Length: > 0 } bytes ? Encoding.UTF8.GetString(bytes) : string.Empty;
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        try
        {
            return JToken.Parse(text) as JObject ?? throw new ControlException(400, "the body must be a JSON object");
        }
        catch (Newtonsoft.Json.JsonException e)
        {
            throw new ControlException(400, "the body is not JSON: " + e.Message);
        }
    }

    /// <summary>The raw body text.</summary>
    public string BodyText => Http.Body is { Length: > 0 } bytes ? Encoding.UTF8.GetString(bytes) : string.Empty;
}

/// <summary>A control-API failure: an HTTP status and a message, answered as <c>{"error": message}</c>.</summary>
internal sealed class ControlException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}
