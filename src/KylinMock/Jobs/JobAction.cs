namespace KylinMock.Jobs;

/// <summary>What a user can ask of a job (<c>JobActionEnum</c>), in Kylin's order.</summary>
internal enum JobAction
{
    /// <summary>Run an ERROR or STOPPED job again from its first unfinished step.</summary>
    RESUME,

    /// <summary>Give the job up for good.</summary>
    DISCARD,

    /// <summary>Stop a PENDING or RUNNING job (STOPPED).</summary>
    PAUSE,

    /// <summary>Run the job again from its first step, as if just created.</summary>
    RESTART,
}

/// <summary>Which actions Kylin allows for each displayed status (<c>JobStatusEnum.checkAction</c>).</summary>
internal static class JobActions
{
    /// <summary>The names Kylin lists when an action is refused: "RESUME, DISCARD, PAUSE, RESTART".</summary>
    public const string AllNames = "RESUME, DISCARD, PAUSE, RESTART";

    /// <summary>Whether Kylin lets <paramref name="action"/> be asked of jobs showing <paramref name="status"/>.</summary>
    public static bool IsAllowed(JobStatus status, JobAction action) => status switch
    {
        JobStatus.NEW => true,
        JobStatus.PENDING => action is JobAction.PAUSE or JobAction.DISCARD,
        JobStatus.RUNNING => action is JobAction.PAUSE or JobAction.DISCARD or JobAction.RESTART,
        JobStatus.ERROR or JobStatus.STOPPED or JobStatus.LAUNCHING_ERROR => action is JobAction.RESUME or JobAction.DISCARD or JobAction.RESTART,
        _ => false,
    };

    /// <summary>Parses an action name exactly (Kylin's <c>JobActionEnum.valueOf</c>).</summary>
    public static bool TryParse(string name, out JobAction action) => ExactNames.TryParse(name, out action);

    /// <summary>The allowed actions, comma-space joined in Kylin's order; "" when none.</summary>
    public static string AllowedNames(JobStatus status) =>
        string.Join(", ", Enum.GetValues<JobAction>().Where(a => IsAllowed(status, a)));
}
