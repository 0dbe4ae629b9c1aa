namespace KylinMock.Control;

/// <summary>
/// The requests the Kylin endpoints received, newest last, bounded: past <see cref="Capacity"/> the
/// oldest are forgotten, so a long-running mock keeps a fixed amount of memory. Thread-safe.
/// </summary>
public sealed class RequestJournal
{
    /// <summary>The most body text kept per request.</summary>
    public const int MaxBodyChars = 64 * 1024;

    // Its own lock, given by the backend (no job or model reads the journal, so recording never waits behind them).
    private readonly object gate;
    private readonly Queue<JournalEntry> entries = new();
    private long sequence;

    /// <summary>A journal keeping at most <paramref name="capacity"/> requests (0 keeps none).</summary>
    public RequestJournal(int capacity)
        : this(capacity, new object())
    {
    }

    /// <summary>A journal keeping at most <paramref name="capacity"/> requests, guarded by <paramref name="gate"/> (its own: no job or model reads the journal).</summary>
    internal RequestJournal(int capacity, object gate)
    {
        this.gate = gate;
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        Capacity = capacity;
    }

    /// <summary>How many requests are kept at most.</summary>
    public int Capacity { get; }

    /// <summary>How many requests were recorded since the last clear (including forgotten ones).</summary>
    public long Total
    {
        get
        {
            lock (gate)
            {
                return sequence;
            }
        }
    }

    /// <summary>The kept requests matching the filter, oldest first.</summary>
    /// <param name="method">Only this method (case-insensitive), when given.</param>
    /// <param name="pathContains">Only paths containing this text, when given.</param>
    /// <param name="status">Only answers with this HTTP status, when given.</param>
    public IReadOnlyList<JournalEntry> Entries(string? method = null, string? pathContains = null, int? status = null)
    {
        lock (gate)
        {
            return entries
                .Where(e => method is null || string.Equals(e.Method, method, StringComparison.OrdinalIgnoreCase))
                .Where(e => pathContains is null || e.Path.Contains(pathContains, StringComparison.Ordinal))
                .Where(e => status is null || e.Status == status)
                .ToArray();
        }
    }

    /// <summary>Forgets every request.</summary>
    public void Clear()
    {
        lock (gate)
        {
            entries.Clear();
            sequence = 0;
        }
    }

    internal void Record(DateTimeOffset time, string method, string path, string query, IReadOnlyDictionary<string, string> headers, string? body, int status, string? operation = null)
    {
        if (Capacity == 0)
        {
            return;
        }

        if (body is { Length: > MaxBodyChars })
        {
            body = body[..MaxBodyChars];
        }

        // Redacted here, where every entry passes, so no caller can keep a credential by forgetting to.
        var kept = new Dictionary<string, string>(headers.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in headers)
        {
            kept[name] = CredentialHeaders.Keep(name, value);
        }

        headers = kept;

        lock (gate)
        {
            entries.Enqueue(new JournalEntry(++sequence, time, method, path, query, headers, body, status) { Operation = operation });
            while (entries.Count > Capacity)
            {
                entries.Dequeue();
            }
        }
    }
}
