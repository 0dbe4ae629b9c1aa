using KylinMock.Control;

namespace KylinMock.Http;

/// <summary>A control path that has no operation for the method: 405 <c>{"error"}</c> with <c>Allow</c>.</summary>
internal sealed class ControlNotAllowed(string method, string path, string allow)
    : ControlException(405, $"{path} answers {allow}, not {method}")
{
    /// <summary>The path's methods, as the <c>Allow</c> header lists them.</summary>
    public string Allow { get; } = allow;
}
