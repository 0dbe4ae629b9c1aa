using System.Security.Cryptography;
using System.Text;
using KylinMock.Errors;

namespace KylinMock.Security;

/// <summary>
/// The users one server accepts and their login state, with Kylin's rules
/// (<c>LimitLoginAuthenticationProvider</c>, Spring's <c>DaoAuthenticationProvider</c>): a locked
/// user is refused (400) until the lock has passed on the clock; a disabled user gets 401
/// KE-010003008; each wrong password counts, and from the 3rd the user is locked.
/// </summary>
internal sealed class UserDirectory
{
    // Kylin 5 locks a user after failed logins; Kylin 4 never does (nothing increments ManagedUser.wrongTime there).
    private readonly bool lockout;
    private readonly object gate;

    // A random key of this directory's own: the password digests below mean nothing outside this
    // process, and the clear passwords are not kept (the users are held with theirs blanked).
    private readonly byte[] key = RandomNumberGenerator.GetBytes(32);
    private readonly IReadOnlyList<(KylinUser User, byte[] Digest)> users;
    private readonly TimeProvider clock;
    private Dictionary<string, UserAccount> accounts = new(StringComparer.OrdinalIgnoreCase);

    public UserDirectory(IReadOnlyList<KylinUser> users, TimeProvider clock, object? gate = null, bool lockout = true)
    {
        this.lockout = lockout;
        this.gate = gate ?? new object();
        this.users = users.Select(u => (u with { Password = string.Empty }, Digest(u.Password))).ToArray();
        this.clock = clock;
        Reset();
    }

    private long Now => clock.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Back to the users as configured.</summary>
    public void Reset()
    {
        var now = Now;
        var fresh = new Dictionary<string, UserAccount>(StringComparer.OrdinalIgnoreCase);
        foreach (var (user, digest) in users)
        {
            fresh[user.Username] = new UserAccount
            {
                User = user,
                Uuid = Jobs.StableHash.Uuid("kylinmock-user:" + user.Username),
                PasswordDigest = digest,
                CreateTime = now,
                LastModified = now,
                WrongTime = user.WrongTime,
                Locked = user.WrongTime >= 3,
                LockedTime = user.WrongTime >= 3 ? user.LockedTime?.ToUnixTimeMilliseconds() ?? now : 0,
            };
        }

        lock (gate)
        {
            accounts = fresh;
        }
    }

    /// <summary>
    /// Authenticates an <c>Authorization</c> header. Null when the request carries no Basic
    /// credentials; a copy of the account on success; Kylin's KylinException (401/400) otherwise.
    /// </summary>
    public UserAccount? Authenticate(string? authorization) => Check(Read(authorization));

    /// <summary>
    /// Basic credentials decoded and their password hashed, the costly half of a login, done before any lock is taken;
    /// null when the header carries no Basic credentials (a header that does not decode has a null user name).
    /// </summary>
    public BasicCredentials? Read(string? authorization)
    {
        if (authorization is null || !authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return TryDecode(authorization["Basic ".Length..].Trim(), out var username, out var password)
            ? new BasicCredentials(username, Digest(password))
            : new BasicCredentials(null, []);
    }

    /// <summary>Authenticates credentials <see cref="Read"/> took: null for none; a copy of the account on success; Kylin's KylinException (401/400) otherwise.</summary>
    public UserAccount? Check(BasicCredentials? credentials)
    {
        if (credentials is null)
        {
            return null;
        }

        if (credentials.Username is not { } username)
        {
            throw LoginFailed();
        }

        lock (gate)
        {
            if (!accounts.TryGetValue(username, out var account))
            {
                throw LoginFailed();
            }

            var now = Now;
            CheckLock(account, now);
            if (account.User.Disabled)
            {
                throw KylinException.WithDetail(ErrorCode.LoginFailed, MessageKey.DisabledUser).WithStatus(401);
            }

            if (!CryptographicOperations.FixedTimeEquals(account.PasswordDigest, credentials.Digest))
            {
                if (lockout)
                {
                    Fail(account, now);
                }

                throw LoginFailed();
            }

            if (account.WrongTime > 0)
            {
                account.WrongTime = 0;
                account.Locked = false;
                account.LockedTime = 0;
                account.FirstLoginFailedTime = 0;
                account.LastModified = now;
            }

            return Copy(account);
        }
    }

    /// <summary>The user name of Basic credentials, or null when the header carries none (or none that decode).</summary>
    public static string? BasicUsername(string? authorization) =>
        authorization is not null && authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)
            && TryDecode(authorization["Basic ".Length..].Trim(), out var username, out _) ? username : null;

    /// <summary>A copy of the account a session belongs to, or null when it is gone, disabled or locked.</summary>
    public UserAccount? Current(string username)
    {
        lock (gate)
        {
            return accounts.TryGetValue(username, out var account) && !account.User.Disabled && !account.Locked ? Copy(account) : null;
        }
    }

    private static void CheckLock(UserAccount account, long now)
    {
        if (!account.Locked)
        {
            return;
        }

        var name = account.User.Username;
        if (LockRule.IsPermanent(account.WrongTime))
        {
            throw KylinException.WithDetail(ErrorCode.UserLocked, MessageKey.UserInPermanentlyLockedStatus, name).WithStatus(400);
        }

        var elapsed = now - account.LockedTime;
        if (elapsed >= LockRule.DurationMs(account.WrongTime))
        {
            account.Locked = false;
            return;
        }

        // Kylin quotes the next lock in seconds, so "permanently" after the 9th shows as Long.MAX_VALUE / 1000 seconds.
        var nextMs = LockRule.DurationMs(account.WrongTime + 1);
        var next = nextMs / 1000;
        throw KylinException.WithDetail(ErrorCode.UserLocked, MessageKey.UserInLockedStatus, name, LockRule.LeftSeconds(account.WrongTime, elapsed), next)
            .WithStatus(400);
    }

    // ManagedUser.authenticateFail: from the third failure on, the user is locked as of now.
    private static void Fail(UserAccount account, long now)
    {
        if (account.FirstLoginFailedTime == 0)
        {
            account.FirstLoginFailedTime = now;
        }

        if (account.WrongTime >= 2)
        {
            account.Locked = true;
            account.LockedTime = now;
        }

        account.WrongTime++;
        account.LastModified = now;
    }

    private static KylinException LoginFailed() => new KylinException(ErrorCode.UserLoginFailed).WithStatus(401);

    private static bool TryDecode(string token, out string username, out string password)
    {
        username = password = string.Empty;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                return false;
            }

            username = text[..colon];
            password = text[(colon + 1)..];
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static UserAccount Copy(UserAccount a) => new()
    {
        User = a.User,
        Uuid = a.Uuid,
        PasswordDigest = a.PasswordDigest,
        CreateTime = a.CreateTime,
        Locked = a.Locked,
        LockedTime = a.LockedTime,
        WrongTime = a.WrongTime,
        FirstLoginFailedTime = a.FirstLoginFailedTime,
        LastModified = a.LastModified,
    };

    // The last password hashed and its digest: a client sends the same credentials on every request, so the hash is
    // computed once per password change of the client rather than once per request.
    private volatile HashedPassword? lastHashed;

    private byte[] Digest(string password)
    {
        if (lastHashed is { } last && string.Equals(last.Password, password, StringComparison.Ordinal))
        {
            return last.Digest;
        }

        var digest = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(password));
        lastHashed = new HashedPassword(password, digest);
        return digest;
    }

    private sealed record HashedPassword(string Password, byte[] Digest);
}

/// <summary>Basic credentials as a login reads them: the user name (null when the header does not decode) and the password's digest.</summary>
/// <param name="Username">The user name, or null.</param>
/// <param name="Digest">The password's keyed digest.</param>
internal sealed record BasicCredentials(string? Username, byte[] Digest);
