namespace KylinMock.Control;

/// <summary>A control-API failure: an HTTP status and a message, answered as <c>{"error": message}</c>.</summary>
internal class ControlException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}
