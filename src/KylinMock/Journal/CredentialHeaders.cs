namespace KylinMock.Control;

/// <summary>
/// Which request headers carry credentials, and what the journal keeps of them: of
/// <c>Authorization</c> and <c>Proxy-Authorization</c> only a known scheme (whatever whitespace
/// follows it), of every other credential header nothing.
/// </summary>
internal static class CredentialHeaders
{
    /// <summary>What stands in for a credential.</summary>
    public const string Redacted = "[redacted]";

    private static readonly string[] Schemes = ["Basic", "Bearer", "Digest", "Negotiate", "NTLM"];

    // Names that carry a secret whatever the client (cookies carry Kylin's session, the token the control API's).
    private static readonly string[] Exact = ["Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie", "X-KylinMock-Token"];
    private static readonly string[] Parts = ["token", "secret", "password", "passwd", "api-key", "apikey", "credential", "session", "auth"];

    /// <summary>True for a header whose value is a credential.</summary>
    public static bool Carries(string name) =>
        Exact.Contains(name, StringComparer.OrdinalIgnoreCase) || Parts.Any(p => name.Contains(p, StringComparison.OrdinalIgnoreCase));

    /// <summary>The value to keep for header <paramref name="name"/>: as is, or with the credential redacted.</summary>
    public static string Keep(string name, string value)
    {
        if (!Carries(name))
        {
            return value;
        }

        var trimmed = value.TrimStart();
        var end = 0;
        while (end < trimmed.Length && !char.IsWhiteSpace(trimmed[end]))
        {
            end++;
        }

        // A scheme is kept only when it is one and something follows it; "QURNSU46S1lMSU4=" alone is all credential.
        var scheme = trimmed[..end];
        return end < trimmed.Length && Schemes.Contains(scheme, StringComparer.OrdinalIgnoreCase) ? scheme + " " + Redacted : Redacted;
    }
}
