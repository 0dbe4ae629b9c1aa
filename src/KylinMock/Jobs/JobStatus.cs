using KylinMock.Errors;

namespace KylinMock.Jobs;

/// <summary>Kylin's displayed job status names (<c>JobStatusEnum</c>); the list filter accepts every name.</summary>
public enum JobStatus
{
    /// <summary>Never shown; filters as READY.</summary>
    NEW,

    /// <summary>Waiting to run (READY).</summary>
    PENDING,

    /// <summary>Running.</summary>
    RUNNING,

    /// <summary>Finished (SUCCEED).</summary>
    FINISHED,

    /// <summary>Failed.</summary>
    ERROR,

    /// <summary>Discarded (DISCARDED or SUICIDAL).</summary>
    DISCARDED,

    /// <summary>Paused (PAUSED).</summary>
    STOPPED,

    /// <summary>Never shown; filters as SUICIDAL.</summary>
    SUICIDAL,

    /// <summary>Accepted by name, then refused by the list filter.</summary>
    STARTING,

    /// <summary>Accepted by name, then refused by the list filter.</summary>
    STOPPING,

    /// <summary>Accepted by name, then refused by the list filter.</summary>
    LAUNCHING_ERROR,

    /// <summary>Accepted by name, then refused by the list filter.</summary>
    SKIP,

    /// <summary>Accepted by name, then refused by the list filter.</summary>
    WARNING,
}

/// <summary>Parsing of <see cref="JobStatus"/> names as Kylin does it (case-sensitive).</summary>
internal static class JobStatuses
{
    /// <summary>Parses a status name exactly as Kylin's <c>JobStatusEnum.valueOf</c>: case-sensitive.</summary>
    public static bool TryParse(string name, out JobStatus status) => ExactNames.TryParse(name, out status);

    /// <summary>The status of a v2 integer code (<c>JobStatusEnum.getByCode</c>): 0 NEW, 1 PENDING, 2 RUNNING, 4 FINISHED, 8 ERROR, 16 DISCARDED, 32 STOPPED, 64 SUICIDAL, 128 STARTING … 2048 WARNING.</summary>
    public static bool TryFromCode(int code, out JobStatus status)
    {
        // Each status's code is a bit: 1 << (its place - 1), and NEW is 0.
        status = JobStatus.NEW;
        if (code == 0)
        {
            return true;
        }

        if (code < 0 || (code & (code - 1)) != 0)
        {
            return false;
        }

        var place = System.Numerics.BitOperations.Log2((uint)code) + 1;
        status = (JobStatus)place;
        return Enum.IsDefined(status);
    }

    /// <summary>
    /// The internal state a status name filters by (<c>JobService.parseToExecutableState</c>): DISCARDED
    /// and SUICIDAL both mean SUICIDAL, NEW and PENDING mean READY; the names Kylin cannot map
    /// (STARTING, STOPPING, LAUNCHING_ERROR, SKIP, WARNING) are refused with KE-010000003.
    /// </summary>
    public static ExecutableState FilterState(JobStatus status) => status switch
    {
        JobStatus.SUICIDAL or JobStatus.DISCARDED => ExecutableState.SUICIDAL,
        JobStatus.ERROR => ExecutableState.ERROR,
        JobStatus.FINISHED => ExecutableState.SUCCEED,
        JobStatus.NEW or JobStatus.PENDING => ExecutableState.READY,
        JobStatus.RUNNING => ExecutableState.RUNNING,
        JobStatus.STOPPED => ExecutableState.PAUSED,
        _ => throw KylinException.WithDetail(ErrorCode.InvalidParameter, MessageKey.IllegalExecutableState),
    };
}
