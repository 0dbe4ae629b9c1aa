using KylinMock.Security;

namespace KylinMock.Http;

/// <summary>
/// Kylin's security filter chain with its session (<c>kylinSecurity.xml</c>): Basic credentials authenticate and start
/// a new session (<c>session-fixation-protection="newSession"</c>) unless the request's live session is already that
/// user's; without credentials the session cookie alone authenticates. Basic credentials naming the live session's
/// own user are not checked at all (BasicAuthenticationFilter.authenticationIsRequired: the session's authentication
/// stands, so a wrong password neither fails nor counts toward a lock).
/// </summary>
internal static class SessionLogin
{
    /// <summary>The authenticated user (or null) and the cookie of a session this request started (or null).</summary>
    public static (UserAccount? User, string? NewSession) Authenticate(ServerContext server, KylinRequest request)
    {
        return server.Backend.Authenticate(request.Header("Authorization"), request.Header("Cookie"));
    }

    /// <summary>The answer with the new session's <c>Set-Cookie</c>.</summary>
    public static KylinAnswer WithCookie(KylinAnswer answer, string session)
    {
        var headers = new Dictionary<string, string>(answer.Headers) { ["Set-Cookie"] = SessionStore.SetCookie(session) };
        return answer with { Headers = headers };
    }
}
