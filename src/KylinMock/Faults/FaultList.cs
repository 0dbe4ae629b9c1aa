namespace KylinMock.Control;

/// <summary>The faults armed on one server; the first matching rule that fires wins. Thread-safe.</summary>
public sealed class FaultList
{
    // The backend's one lock when the list belongs to a server; its own otherwise.
    private readonly object gate;
    private readonly List<Armed> rules = [];

    // How many rules are armed, written under the lock and read without it: a request with none armed (nearly every
    // request) does not take the lock to learn so.
    private volatile int armedCount;
    private int nextId;

    /// <summary>An empty list of faults.</summary>
    public FaultList()
        : this(new object())
    {
    }

    /// <summary>An empty list guarded by <paramref name="gate"/> (the backend's one lock).</summary>
    internal FaultList(object gate) => this.gate = gate;

    /// <summary>Arms a rule and returns it with its id.</summary>
    public FaultRule Add(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        rule.Validate();
        lock (gate)
        {
            var armed = rule with { Id = "fault-" + ++nextId };
            rules.Add(new Armed(armed, armed.Times, new Random(armed.Seed)));
            armedCount = rules.Count;
            return armed;
        }
    }

    /// <summary>The armed rules, with the calls each still has to hit.</summary>
    public IReadOnlyList<FaultRule> List()
    {
        lock (gate)
        {
            return rules.Select(r => r.Rule with { Times = r.Remaining }).ToArray();
        }
    }

    /// <summary>Disarms one rule; false when there is none with that id.</summary>
    public bool Remove(string id)
    {
        lock (gate)
        {
            var removed = rules.RemoveAll(r => r.Rule.Id == id) > 0;
            armedCount = rules.Count;
            return removed;
        }
    }

    /// <summary>Disarms every rule.</summary>
    public void Clear()
    {
        lock (gate)
        {
            rules.Clear();
            armedCount = 0;
        }
    }

    /// <summary>The rule hitting this request, if any; counts it against the rule's times.</summary>
    internal FaultRule? Match(string method, string path)
    {
        if (armedCount == 0)
        {
            return null;
        }

        lock (gate)
        {
            if (rules.Count == 0)
            {
                return null;
            }

            foreach (var armed in rules)
            {
                var rule = armed.Rule;
                if ((rule.Method is null || string.Equals(rule.Method, method, StringComparison.OrdinalIgnoreCase))
                    && (rule.PathPrefix is null || path.StartsWith(rule.PathPrefix, StringComparison.Ordinal))
                    && (rule.Probability >= 1 || armed.Random.NextDouble() < rule.Probability))
                {
                    if (armed.Remaining is { } left)
                    {
                        armed.Remaining = left - 1;
                        if (armed.Remaining == 0)
                        {
                            rules.Remove(armed);
                            armedCount = rules.Count;
                        }
                    }

                    return rule;
                }
            }

            return null;
        }
    }

    private sealed class Armed(FaultRule rule, int? remaining, Random random)
    {
        public FaultRule Rule { get; } = rule;

        public int? Remaining { get; set; } = remaining;

        public Random Random { get; } = random;
    }
}
