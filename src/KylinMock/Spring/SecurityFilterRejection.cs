using KylinMock.Errors;

namespace KylinMock.Http;

/// <summary>Kylin's security filter refused the credentials: its entry point writes the envelope indented, with the full URL.</summary>
internal sealed class SecurityFilterRejection(KylinException error) : Exception(error.Message, error)
{
    /// <summary>The Kylin error.</summary>
    public KylinException Error { get; } = error;
}
