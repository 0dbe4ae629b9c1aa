using System.Text;

namespace KylinMock.Tests.Reliability;

/// <summary>One generated request: method, path, query, headers and raw body bytes.</summary>
internal sealed record FuzzRequest(string Method, string Path, string Query, IReadOnlyList<(string Name, string Value)> Headers, byte[]? Body)
{
    public override string ToString()
    {
        var body = Body is null ? "-" : Body.Length > 200 ? $"{Body.Length} bytes" : Encoding.UTF8.GetString(Body);
        return $"{Method} {Path}?{Query} [{string.Join("; ", Headers.Select(h => h.Name + ": " + h.Value))}] {body}";
    }
}
