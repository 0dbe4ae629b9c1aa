using KylinMock.Control;
using Newtonsoft.Json.Linq;

namespace KylinMock.Verification;

/// <summary>
/// The journal's verification queries for non-.NET tests, answered by <c>GET /__kylinmock/journal/calls</c>:
/// <c>?operation=UpdateJobStatus&amp;action=RESUME&amp;job_ids=a,b&amp;project=p</c> or
/// <c>?operation=GetJobList&amp;project=p&amp;key=k</c> give the matching calls (parsed), their count and the
/// intervals between them in ms on the server's clock. Bad parameters throw <see cref="ArgumentException"/>.
/// </summary>
internal static class JournalCallsJson
{
    private static readonly string[] StatusUpdateFilters = ["action", "job_ids", "project"];
    private static readonly string[] ListFilters = ["project", "key"];

    /// <summary>The answer for the query parameters <paramref name="parameter"/> reads (null when not sent).</summary>
    public static JObject Query(RequestJournal journal, Func<string, string?> parameter)
    {
        var match = Match(parameter);
        var calls = match is null ? journal.Calls() : journal.Calls(match);
        var intervals = Enumerable.Range(1, Math.Max(0, calls.Count - 1))
            .Select(i => (long)(calls[i].Time - calls[i - 1].Time).TotalMilliseconds)
            .ToArray();
        return new JObject
        {
            ["count"] = calls.Count,
            ["calls"] = new JArray(calls.Select(Call)),
            ["intervals_ms"] = new JArray(intervals),
            ["min_interval_ms"] = intervals.Length == 0 ? null : intervals.Min(),
        };
    }

    private static KylinCallMatch? Match(Func<string, string?> parameter)
    {
        var name = parameter("operation");
        if (name is null)
        {
            Refuse(parameter, [.. StatusUpdateFilters, .. ListFilters], "without \"operation\"");
            return null;
        }

        if (!Enum.TryParse<KylinOperation>(name, ignoreCase: true, out var operation) || !Enum.IsDefined(operation) || int.TryParse(name, out _))
        {
            throw new ArgumentException($"\"operation\" must be one of {string.Join(", ", Enum.GetNames<KylinOperation>())}, not \"{name}\"");
        }

        switch (operation)
        {
            case KylinOperation.UpdateJobStatus:
                var ids = parameter("job_ids")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                return KylinCallMatch.StatusUpdate(parameter("action"), ids, parameter("project"));
            case KylinOperation.GetJobList:
                Refuse(parameter, ["action", "job_ids"], "with operation GetJobList");
                return KylinCallMatch.JobList(parameter("project"), parameter("key"));
            default:
                Refuse(parameter, [.. StatusUpdateFilters, .. ListFilters], "with operation " + operation);
                return KylinCallMatch.Operation(operation);
        }
    }

    private static void Refuse(Func<string, string?> parameter, IEnumerable<string> names, string context)
    {
        foreach (var name in names)
        {
            if (parameter(name) is not null)
            {
                throw new ArgumentException($"\"{name}\" does not apply {context}");
            }
        }
    }

    private static JObject Call(KylinCall call)
    {
        var json = new JObject
        {
            ["sequence"] = call.Sequence,
            ["time"] = call.Time.ToUnixTimeMilliseconds(),
            ["operation"] = call.Operation.ToString(),
            ["method"] = call.Request.Method,
            ["path"] = call.Request.Path,
            ["status"] = call.Status,
        };
        if (call.StatusUpdate is { } update)
        {
            json["status_update"] = new JObject
            {
                ["action"] = update.Action,
                ["job_ids"] = update.JobIds is null ? null : new JArray(update.JobIds),
                ["project"] = update.Project,
                ["statuses"] = update.Statuses is null ? null : new JArray(update.Statuses),
            };
        }

        if (call.ListQuery is { } query)
        {
            json["list_query"] = new JObject
            {
                ["time_filter"] = query.TimeFilter,
                ["project"] = query.Project,
                ["key"] = query.Key,
                ["statuses"] = new JArray(query.Statuses),
                ["job_names"] = new JArray(query.JobNames),
                ["page_offset"] = query.PageOffset,
                ["page_size"] = query.PageSize,
                ["sort_by"] = query.SortBy,
                ["reverse"] = query.Reverse,
                ["parameters"] = new JObject(query.Parameters.Select(p => new JProperty(p.Key, new JArray(p.Value)))),
            };
        }

        return json;
    }
}
