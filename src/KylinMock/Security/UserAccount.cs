namespace KylinMock.Security;

/// <summary>A user's live login state (Kylin's <c>ManagedUser</c>), owned by <see cref="UserDirectory"/>.</summary>
internal sealed class UserAccount
{
    public required KylinUser User { get; init; }

    public required string Uuid { get; init; }

    /// <summary>A keyed digest of the password (the key is the directory's, random per process); never shown.</summary>
    public required byte[] PasswordDigest { get; init; }

    public required long CreateTime { get; init; }

    public bool Locked { get; set; }

    public long LockedTime { get; set; }

    public int WrongTime { get; set; }

    public long FirstLoginFailedTime { get; set; }

    public long LastModified { get; set; }
}
