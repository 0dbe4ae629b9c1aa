namespace KylinMock.Jobs;

/// <summary>
/// The states a job has been in, in order: the first sixteen packed four bits each into one word (a
/// job rarely moves more often), the rest in a list. A value kept inside the job, so a million jobs
/// do not hold a million lists.
/// </summary>
internal struct StateHistory
{
    private const int PackedCount = 16;
    private ulong packed;
    private int count;
    private List<ExecutableState>? spilled;

    /// <summary>How many states were recorded.</summary>
    public readonly int Count => count;

    /// <summary>Records the next state.</summary>
    public void Add(ExecutableState state)
    {
        if (count < PackedCount)
        {
            packed |= (ulong)state << (4 * count);
        }
        else
        {
            (spilled ??= []).Add(state);
        }

        count++;
    }

    /// <summary>The states in order, as a new array.</summary>
    public readonly ExecutableState[] ToArray()
    {
        var states = new ExecutableState[count];
        for (var i = 0; i < count; i++)
        {
            states[i] = i < PackedCount ? (ExecutableState)((packed >> (4 * i)) & 0xF) : spilled![i - PackedCount];
        }

        return states;
    }

    /// <summary>A copy that shares nothing with this one.</summary>
    public readonly StateHistory Copy() => this with { spilled = spilled is null ? null : [.. spilled] };
}
