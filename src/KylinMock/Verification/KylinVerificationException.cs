namespace KylinMock.Verification;

/// <summary>A verification over the journal failed: the message says what was expected and lists what was received.</summary>
public sealed class KylinVerificationException : Exception
{
    /// <summary>A failed verification with its message.</summary>
    public KylinVerificationException(string message)
        : base(message)
    {
    }

    /// <summary>A failed verification with its message and cause.</summary>
    public KylinVerificationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>A failed verification without a message.</summary>
    public KylinVerificationException()
    {
    }
}
