using System.Security.Cryptography;
using System.Text;

namespace KylinMock.Security;

/// <summary>
/// Kylin's HTTP sessions (<c>@EnableSpringHttpSession</c>, an in-memory <c>MapSessionRepository</c>): a successful
/// Basic login starts one, later requests authenticate from its cookie alone, logout invalidates it, and it expires
/// after <see cref="IdleTimeout"/> without a request, read on the mock's clock (no timers). Thread-safe.
/// </summary>
internal sealed class SessionStore(TimeProvider clock, object? gate = null)
{
    /// <summary>
    /// The cookie name: the lowercase SHA-256 hex of the metadata URL's identifier with <c>\W</c> as <c>_</c>
    /// (<c>BootstrapServer</c>), here for Kylin's default metadata URL.
    /// </summary>
    public const string CookieName = "7c6c6e3e5daa430f9b9005890733664cf6e995d4ff23aa6b8043935382df64b6";

    /// <summary>Spring Session's default idle timeout (30 minutes).</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);

    // Clients that never send the cookie back start a session per request; the oldest go first past this many.
    private const int Capacity = 100_000;

    private readonly object gate = gate ?? new object();
    private readonly Dictionary<string, Session> sessions = new(StringComparer.Ordinal);
    private readonly LinkedList<string> order = new();

    /// <summary>Starts a session for <paramref name="username"/>; returns the cookie value (a Base64 session id, <c>DefaultCookieSerializer</c>).</summary>
    public string Start(string username)
    {
        var id = Guid.NewGuid().ToString();
        var cookie = Convert.ToBase64String(Encoding.UTF8.GetBytes(id));
        lock (gate)
        {
            while (sessions.Count >= Capacity && order.First is { } oldest)
            {
                sessions.Remove(oldest.Value);
                order.RemoveFirst();
            }

            sessions[cookie] = new Session(username, clock.GetUtcNow(), order.AddLast(cookie));
        }

        return cookie;
    }

    /// <summary>The user of a live session, touching it; null for an unknown or expired one (which is dropped).</summary>
    public string? Find(string? cookie)
    {
        if (cookie is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        lock (gate)
        {
            if (!sessions.TryGetValue(cookie, out var session))
            {
                return null;
            }

            if (now - session.LastAccess >= IdleTimeout)
            {
                Remove(cookie, session);
                return null;
            }

            session.LastAccess = now;
            return session.Username;
        }
    }

    /// <summary>Invalidates a session (logout); nothing when there is none.</summary>
    public void Invalidate(string? cookie)
    {
        lock (gate)
        {
            if (cookie is not null && sessions.TryGetValue(cookie, out var session))
            {
                Remove(cookie, session);
            }
        }
    }

    /// <summary>Drops every session (a reset).</summary>
    public void Clear()
    {
        lock (gate)
        {
            sessions.Clear();
            order.Clear();
        }
    }

    /// <summary>
    /// The live session a <c>Cookie</c> header names, as Spring Session's SessionRepositoryFilter resolves it: every
    /// value of the session cookie is tried in order and the first live one wins (so <c>stale; valid</c> is valid).
    /// </summary>
    public (string Cookie, string Username)? Resolve(string? cookieHeader)
    {
        if (cookieHeader is null)
        {
            return null;
        }

        foreach (var part in cookieHeader.Split(';'))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && part[..eq].Trim() == CookieName && part[(eq + 1)..].Trim() is var cookie && Find(cookie) is { } username)
            {
                return (cookie, username);
            }
        }

        return null;
    }

    /// <summary>The <c>Set-Cookie</c> value for a new session (<c>DefaultCookieSerializer</c> defaults under <c>/kylin</c>).</summary>
    public static string SetCookie(string cookie) => CookieName + "=" + cookie + "; Path=/kylin/; HttpOnly; SameSite=Lax";

    /// <summary>The name the cookie is derived from, for the record: sha256 of <paramref name="identifier"/> with non-word characters as '_'.</summary>
    public static string NameFor(string identifier) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(System.Text.RegularExpressions.Regex.Replace(identifier, @"\W", "_"))));

    private void Remove(string cookie, Session session)
    {
        sessions.Remove(cookie);
        order.Remove(session.Node);
    }

    private sealed class Session(string username, DateTimeOffset lastAccess, LinkedListNode<string> node)
    {
        public string Username { get; } = username;

        public DateTimeOffset LastAccess { get; set; } = lastAccess;

        public LinkedListNode<string> Node { get; } = node;
    }
}
