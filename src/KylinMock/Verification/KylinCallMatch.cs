namespace KylinMock.Verification;

/// <summary>
/// Which calls a verification counts: an operation and, optionally, what was sent. Its text (what
/// <see cref="ToString"/> gives) is what a failure message says was expected.
/// </summary>
public sealed class KylinCallMatch
{
    private readonly Func<KylinCall, bool> predicate;
    private readonly string description;

    private KylinCallMatch(Func<KylinCall, bool> predicate, string description)
    {
        this.predicate = predicate;
        this.description = description;
    }

    /// <summary>Every call of <paramref name="operation"/>.</summary>
    public static KylinCallMatch Operation(KylinOperation operation) =>
        new(call => call.Operation == operation, operation.ToString());

    /// <summary>
    /// <c>PUT /kylin/api/jobs/status</c> calls with this action (case-sensitive, as Kylin looks it up),
    /// exactly these job ids in any order, and this project (case-insensitive); a null argument matches anything.
    /// </summary>
    public static KylinCallMatch StatusUpdate(string? action = null, IEnumerable<string>? jobIds = null, string? project = null)
    {
        var ids = jobIds?.ToHashSet(StringComparer.Ordinal);
        var parts = new List<string>();
        if (action is not null)
        {
            parts.Add("action " + action);
        }

        if (ids is not null)
        {
            parts.Add($"job_ids [{string.Join(", ", ids)}]");
        }

        if (project is not null)
        {
            parts.Add("project " + project);
        }

        return new(
            call => call.StatusUpdate is { } update
                && (action is null || update.Action == action)
                && (ids is null || ids.SetEquals(update.JobIds ?? []))
                && (project is null || string.Equals(update.Project, project, StringComparison.OrdinalIgnoreCase)),
            Describe(KylinOperation.UpdateJobStatus, parts));
    }

    /// <summary>
    /// <c>GET /kylin/api/jobs</c> calls with this <c>project</c> and this <c>key</c> (exact, as sent); a null
    /// argument matches anything. <paramref name="where"/> adds any other condition on the parsed parameters,
    /// named by <paramref name="description"/> in failure messages.
    /// </summary>
    public static KylinCallMatch JobList(string? project = null, string? key = null, Func<JobListQuery, bool>? where = null, string? description = null)
    {
        var parts = new List<string>();
        if (project is not null)
        {
            parts.Add("project=" + project);
        }

        if (key is not null)
        {
            parts.Add("key=" + key);
        }

        if (where is not null)
        {
            parts.Add(description ?? "a condition");
        }

        return new(
            call => call.ListQuery is { } query
                && (project is null || query.Project == project)
                && (key is null || query.Key == key)
                && (where is null || where(query)),
            Describe(KylinOperation.GetJobList, parts));
    }

    /// <summary>These calls that also satisfy <paramref name="condition"/>, named <paramref name="description"/> in failure messages.</summary>
    public KylinCallMatch Where(Func<KylinCall, bool> condition, string description)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return new(call => predicate(call) && condition(call), $"{this.description} where {description}");
    }

    /// <summary>Whether <paramref name="call"/> is one of these calls.</summary>
    public bool Matches(KylinCall call) => predicate(call);

    /// <inheritdoc />
    public override string ToString() => description;

    private static string Describe(KylinOperation operation, List<string> parts) =>
        parts.Count == 0 ? operation.ToString() : $"{operation} with {string.Join(", ", parts)}";
}
