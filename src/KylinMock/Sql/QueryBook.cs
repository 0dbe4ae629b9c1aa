namespace KylinMock.Sql;

/// <summary>
/// One server's query state: the history of executed queries, the saved queries, the queries running now
/// (by <c>stopId</c>, so <c>DELETE /kylin/api/query/{stopId}</c> can stop one), the latency knob and the projects' push-down
/// settings. Guarded by the backend's lock; <see cref="Clear"/> is part of the backend's reset.
/// </summary>
internal sealed class QueryBook(TimeSpan latency, int seed, object gate)
{
    private readonly Bogus.Randomizer ids = new(seed);
    private readonly List<QueryRecord> history = [];
    private readonly List<SavedQuery> saved = [];
    private readonly Dictionary<string, CancellationTokenSource> running = new(StringComparer.Ordinal);
    private readonly TimeSpan initialLatency = latency;
    private readonly HashSet<string> pushDownOff = new(StringComparer.OrdinalIgnoreCase);
    private long nextId = 1;
    private long unnamed;
    private TimeSpan currentLatency = latency;

    /// <summary>How long each query waits before it runs.</summary>
    public TimeSpan Latency
    {
        get
        {
            lock (gate)
            {
                return currentLatency;
            }
        }

        set
        {
            lock (gate)
            {
                currentLatency = value;
            }
        }
    }

    /// <summary>Forgets history, saved queries and the latency set since start; running queries are stopped.</summary>
    public void Clear()
    {
        lock (gate)
        {
            history.Clear();
            saved.Clear();
            currentLatency = initialLatency;
            nextId = 1;
            pushDownOff.Clear();
            foreach (var source in running.Values)
            {
                source.Cancel();
            }
        }
    }

    /// <summary>The project's <c>kylin.query.pushdown-enabled</c> (on unless turned off).</summary>
    public bool PushDown(string project)
    {
        lock (gate)
        {
            return !pushDownOff.Contains(project);
        }
    }

    /// <summary>Turns the project's push-down on or off (ProjectService.updatePushDownConfig).</summary>
    public void SetPushDown(string project, bool enabled)
    {
        lock (gate)
        {
            if (enabled)
            {
                pushDownOff.Remove(project);
            }
            else
            {
                pushDownOff.Add(project);
            }
        }
    }

    /// <summary>Adds an executed query; returns it with its row id.</summary>
    public QueryRecord Record(QueryRecord record)
    {
        lock (gate)
        {
            var stored = record with { Id = nextId++ };
            history.Add(stored);
            return stored;
        }
    }

    /// <summary>A new query id (a uuid drawn from the server's seed).</summary>
    public string NewQueryId()
    {
        lock (gate)
        {
            return ids.Guid().ToString("D");
        }
    }

    /// <summary>The project's history, newest first.</summary>
    public IReadOnlyList<QueryRecord> History(string project)
    {
        lock (gate)
        {
            return history.Where(h => string.Equals(h.Project, project, StringComparison.OrdinalIgnoreCase)).OrderByDescending(h => h.QueryTime).ThenByDescending(h => h.Id).ToArray();
        }
    }

    /// <summary>Every project's history, newest first (the dashboard).</summary>
    public IReadOnlyList<QueryRecord> All()
    {
        lock (gate)
        {
            return history.OrderByDescending(h => h.QueryTime).ThenByDescending(h => h.Id).ToArray();
        }
    }

    /// <summary>A stop handle for a query run under <paramref name="stopId"/> (null: an unnamed query, still stopped by a reset).</summary>
    public CancellationTokenSource Start(string? stopId)
    {
        var source = new CancellationTokenSource();
        lock (gate)
        {
            running[stopId ?? "\0" + unnamed++] = source;
        }

        return source;
    }

    /// <summary>Forgets a finished query's stop handle.</summary>
    public void Finish(CancellationTokenSource source)
    {
        lock (gate)
        {
            foreach (var key in running.Where(r => r.Value == source).Select(r => r.Key).ToList())
            {
                running.Remove(key);
            }
        }

        source.Dispose();
    }

    /// <summary>Stops the running query with <paramref name="stopId"/>; unknown ids are ignored (SlowQueryDetector.stopQuery).</summary>
    public void Stop(string stopId)
    {
        lock (gate)
        {
            if (running.TryGetValue(stopId, out var source))
            {
                source.Cancel();
            }
        }
    }

    /// <summary>The stop ids of the queries running now.</summary>
    public IReadOnlyList<string> Running()
    {
        lock (gate)
        {
            return running.Keys.Where(k => !k.StartsWith('\0')).ToArray();
        }
    }

    /// <summary>Saves a query; false when the creator has one of that name in the project already.</summary>
    public bool Save(SavedQuery query)
    {
        lock (gate)
        {
            if (saved.Any(s => s.Creator == query.Creator && string.Equals(s.Project, query.Project, StringComparison.OrdinalIgnoreCase) && s.Name == query.Name))
            {
                return false;
            }

            saved.Add(query);
            return true;
        }
    }

    /// <summary>The creator's saved queries of a project, in the order they were saved.</summary>
    public IReadOnlyList<SavedQuery> Saved(string project, string creator)
    {
        lock (gate)
        {
            return saved.Where(s => s.Creator == creator && string.Equals(s.Project, project, StringComparison.OrdinalIgnoreCase)).ToArray();
        }
    }

    /// <summary>Removes the creator's saved query with that id, if any.</summary>
    public void Remove(string project, string creator, string id)
    {
        lock (gate)
        {
            saved.RemoveAll(s => s.Creator == creator && string.Equals(s.Project, project, StringComparison.OrdinalIgnoreCase) && s.Id == id);
        }
    }
}
