namespace KylinMock.Security;

/// <summary>A user's live login state (Kylin's <c>ManagedUser</c>), owned by <see cref="UserDirectory"/>.</summary>
internal sealed class UserAccount
{
    public required KylinUser User { get; init; }

    public required string Uuid { get; init; }

    public required string PasswordHash { get; init; }

    public required long CreateTime { get; init; }

    public bool Locked { get; set; }

    public long LockedTime { get; set; }

    public int WrongTime { get; set; }

    public long FirstLoginFailedTime { get; set; }

    public long LastModified { get; set; }
}
