namespace KylinMock;

/// <summary>A Kylin user the mock accepts over HTTP Basic (Kylin's <c>ManagedUser</c>).</summary>
/// <param name="Username">The user name (matched case-insensitively, shown in its stored case).</param>
/// <param name="Password">The clear password; the server keeps only a keyed digest of it and never shows it (Kylin serializes no password).</param>
public sealed record KylinUser(string Username, string Password)
{
    /// <summary>Kylin's default administrator: <c>ADMIN</c> / <c>KYLIN</c>.</summary>
    public static KylinUser Admin { get; } = new("ADMIN", "KYLIN");

    /// <summary>A disabled user is refused with 401 KE-010003008.</summary>
    public bool Disabled { get; init; }

    /// <summary>Failed logins so far; from 3 on the user is locked (30 s, 1 min, 5 min, ... permanently from 10).</summary>
    public int WrongTime { get; init; }

    /// <summary>When the current lock began; with <see cref="WrongTime"/> of 3 or more the user starts locked. Null: the server's start.</summary>
    public DateTimeOffset? LockedTime { get; init; }

    /// <summary>The user's authorities; <c>ROLE_ADMIN</c> and <c>ALL_USERS</c> by default.</summary>
    public IReadOnlyList<string> Authorities { get; init; } = ["ROLE_ADMIN", "ALL_USERS"];
}
