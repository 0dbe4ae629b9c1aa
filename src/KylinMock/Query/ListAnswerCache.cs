namespace KylinMock.Query;

/// <summary>
/// The list's last answers per filter, valid for one store version and one instant: a client polling
/// a quiet mock (a test's clock standing still) gets the same bytes at once. Errors are never cached
/// (they are thrown before an answer exists). Thread-safe.
/// </summary>
internal sealed class ListAnswerCache
{
    private const int Capacity = 16;

    // A bigger answer is rare and cheap to recompute next to its size: it is not kept, so the cache holds at most 16 MiB.
    private const int MaxBodyBytes = 1 << 20;
    private readonly Lock gate = new();
    private readonly Dictionary<JobFilter, byte[]> answers = new();
    private long version = -1;
    private long now = long.MinValue;

    public byte[]? Find(long atVersion, long atNow, JobFilter filter)
    {
        lock (gate)
        {
            return atVersion == version && atNow == now && answers.TryGetValue(filter, out var body) ? body : null;
        }
    }

    public void Keep(long atVersion, long atNow, JobFilter filter, byte[] body)
    {
        if (body.Length > MaxBodyBytes)
        {
            return;
        }

        lock (gate)
        {
            if (atVersion < version || (atVersion == version && atNow < now))
            {
                // Computed from an older state than the cache already holds.
                return;
            }

            if (atVersion != version || atNow != now || answers.Count >= Capacity)
            {
                answers.Clear();
                version = atVersion;
                now = atNow;
            }

            answers[filter] = body;
        }
    }
}
