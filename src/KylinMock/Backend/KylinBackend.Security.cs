using KylinMock.Control;
using KylinMock.Security;

namespace KylinMock.Backend;

/// <summary>The backend's security, faults and journal operations.</summary>
internal sealed partial class KylinBackend
{
    /// <summary>
    /// Kylin's security filter chain with its session (<c>kylinSecurity.xml</c>): Basic credentials authenticate and
    /// start a new session (<c>session-fixation-protection="newSession"</c>) unless the request's live session is
    /// already that user's; without credentials the session cookie alone authenticates. Basic credentials naming the
    /// live session's own user are not checked at all (BasicAuthenticationFilter.authenticationIsRequired: the session's
    /// authentication stands, so a wrong password neither fails nor counts toward a lock). The session is the first live
    /// one the <c>Cookie</c> header names (Spring Session's SessionRepositoryFilter tries each value). Returns the user
    /// (or null) and the cookie of a session this request started (or null).
    /// </summary>
    public (UserAccount? User, string? NewSession) Authenticate(string? authorization, string? cookieHeader)
    {
        var credentials = users.Read(authorization);
        lock (security)
        {
            var sessionUser = sessions.Resolve(cookieHeader)?.Username;
            if (sessionUser is not null && UserDirectory.BasicUsername(authorization) == sessionUser)
            {
                return (users.Current(sessionUser), null);
            }

            var user = users.Check(credentials);
            if (user is not null)
            {
                var same = sessionUser is not null && string.Equals(sessionUser, user.User.Username, StringComparison.OrdinalIgnoreCase);
                return (user, same ? null : sessions.Start(user.User.Username));
            }

            return (sessionUser is null ? null : users.Current(sessionUser), null);
        }
    }

    /// <summary>Logout: the session the <c>Cookie</c> header names ends.</summary>
    public void Logout(string? cookieHeader) => sessions.Invalidate(sessions.Resolve(cookieHeader)?.Cookie);

    /// <summary>The fault rule hitting this request, if any (counted against its times).</summary>
    public FaultRule? FaultFor(string method, string path) => Faults.Match(method, path);

    /// <summary>Journals a request the Kylin endpoints answered, at the clock's now, with the operation of the route it matched.</summary>
    public void Record(string method, string path, string query, IReadOnlyDictionary<string, string> headers, string? body, int status, string? operation) =>
        Journal.Record(Clock.GetUtcNow(), method, path, query, headers, body, status, operation);
}
