namespace KylinMock.Security;

/// <summary>Kylin's login lock durations by failed-login count (<c>UserLockRuleUtil</c>).</summary>
internal static class LockRule
{
    private static readonly long[] DurationsMs =
    [
        0, 0, 0, 30_000, 60_000, 5 * 60_000, 10 * 60_000, 30 * 60_000, 24 * 3_600_000L, 72 * 3_600_000L, long.MaxValue,
    ];

    /// <summary>The lock duration after <paramref name="wrongTime"/> failures; permanent from 10.</summary>
    public static long DurationMs(int wrongTime) => wrongTime is >= 0 and <= 10 ? DurationsMs[wrongTime] : long.MaxValue;

    /// <summary>Whether the lock never ends.</summary>
    public static bool IsPermanent(int wrongTime) => DurationMs(wrongTime) == long.MaxValue;

    /// <summary>Seconds left, as Kylin rounds them: whole seconds, at least 1.</summary>
    public static long LeftSeconds(int wrongTime, long elapsedMs)
    {
        var duration = DurationMs(wrongTime);
        if (duration == long.MaxValue)
        {
            return long.MaxValue;
        }

        var left = (duration - elapsedMs) / 1000;
        return left <= 0 ? 1 : left;
    }
}
