namespace KylinMock.Jobs;

/// <summary>Kylin's internal job and step state (<c>ExecutableState.java</c>).</summary>
public enum ExecutableState
{
    /// <summary>Waiting for the scheduler to publish it; shown as PENDING.</summary>
    READY,

    /// <summary>Running; shown as RUNNING.</summary>
    RUNNING,

    /// <summary>Failed; shown as ERROR.</summary>
    ERROR,

    /// <summary>Paused by a user; shown as STOPPED.</summary>
    PAUSED,

    /// <summary>Discarded by a user; shown as DISCARDED.</summary>
    DISCARDED,

    /// <summary>Finished; shown as FINISHED.</summary>
    SUCCEED,

    /// <summary>Discarded by Kylin itself (its model or table went away); shown as DISCARDED.</summary>
    SUICIDAL,

    /// <summary>
    /// Published by the scheduler (it holds one of the project's running slots) and waiting for an executor to
    /// take it (Kylin 5.0.x's <c>JdbcJobScheduler</c>: READY -> PENDING -> RUNNING); shown as PENDING.
    /// </summary>
    PENDING,
}

/// <summary>Kylin's rules about <see cref="ExecutableState"/>.</summary>
internal static class ExecutableStates
{
    private static readonly Dictionary<ExecutableState, ExecutableState[]> LegalMoves = new()
    {
        // 5.0.x (ExecutableState.java): READY goes only to PENDING (or stops); PENDING runs.
        [ExecutableState.READY] = [ExecutableState.PENDING, ExecutableState.PAUSED, ExecutableState.DISCARDED, ExecutableState.SUICIDAL],
        [ExecutableState.PENDING] = [ExecutableState.READY, ExecutableState.RUNNING, ExecutableState.ERROR, ExecutableState.DISCARDED, ExecutableState.SUICIDAL, ExecutableState.PAUSED],
        [ExecutableState.RUNNING] = [ExecutableState.READY, ExecutableState.SUCCEED, ExecutableState.DISCARDED, ExecutableState.ERROR, ExecutableState.SUICIDAL, ExecutableState.PAUSED],
        [ExecutableState.PAUSED] = [ExecutableState.DISCARDED, ExecutableState.SUICIDAL, ExecutableState.READY],
        [ExecutableState.ERROR] = [ExecutableState.DISCARDED, ExecutableState.SUICIDAL, ExecutableState.READY],
        [ExecutableState.SUCCEED] = [ExecutableState.READY],
        [ExecutableState.DISCARDED] = [],
        [ExecutableState.SUICIDAL] = [],
    };

    /// <summary>Whether Kylin allows the move (<c>ExecutableState.isValidStateTransfer</c>).</summary>
    public static bool IsLegalMove(ExecutableState from, ExecutableState to) => Array.IndexOf(LegalMoves[from], to) >= 0;

    /// <summary>The status Kylin displays for a state (<c>toJobStatus</c>).</summary>
    public static JobStatus ToJobStatus(this ExecutableState state) => state switch
    {
        ExecutableState.READY or ExecutableState.PENDING => JobStatus.PENDING,
        ExecutableState.RUNNING => JobStatus.RUNNING,
        ExecutableState.ERROR => JobStatus.ERROR,
        ExecutableState.SUCCEED => JobStatus.FINISHED,
        ExecutableState.PAUSED => JobStatus.STOPPED,
        _ => JobStatus.DISCARDED,
    };

    /// <summary>SUCCEED, DISCARDED and SUICIDAL: nothing more happens to the job.</summary>
    public static bool IsFinal(this ExecutableState state) =>
        state is ExecutableState.SUCCEED or ExecutableState.DISCARDED or ExecutableState.SUICIDAL;

    /// <summary>READY, PENDING and RUNNING (<c>isProgressing</c>).</summary>
    public static bool IsProgressing(this ExecutableState state) =>
        state is ExecutableState.READY or ExecutableState.PENDING or ExecutableState.RUNNING;

    /// <summary>PENDING and RUNNING: the job holds one of its project's running slots (<c>JdbcJobScheduler.collectProcessingJobInfo</c>).</summary>
    public static bool HoldsSlot(this ExecutableState state) =>
        state is ExecutableState.PENDING or ExecutableState.RUNNING;
}
