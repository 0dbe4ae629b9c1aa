using System.Globalization;
using KylinMock.Http;
using Newtonsoft.Json.Linq;

namespace KylinMock.Control;

/// <summary><c>/__kylinmock/journal</c>: GET the requests Kylin endpoints received (<c>?method=&amp;path=&amp;status=</c>), GET <c>/calls</c> the verification queries, DELETE to clear.</summary>
internal static class ControlJournal
{
    public static KylinAnswer Entries(ServerContext server, ControlCall call)
    {
        var status = call.Query("status");
        int? statusFilter = null;
        if (status is not null)
        {
            statusFilter = int.TryParse(status, NumberStyles.Integer, CultureInfo.InvariantCulture, out var code)
                ? code
                : throw new ControlException(400, "\"status\" must be an HTTP status code");
        }

        var entries = server.Backend.Journal.Entries(call.Query("method"), call.Query("path"), statusFilter);
        return KylinAnswer.Json(200, new JObject
        {
            ["total"] = server.Backend.Journal.Total,
            ["capacity"] = server.Backend.Journal.Capacity,
            ["requests"] = new JArray(entries.Select(e => new JObject
            {
                ["sequence"] = e.Sequence,
                ["time"] = e.Time.ToUnixTimeMilliseconds(),
                ["method"] = e.Method,
                ["path"] = e.Path,
                ["query"] = e.Query,
                ["headers"] = JObject.FromObject(e.Headers),
                ["body"] = e.Body,
                ["status"] = e.Status,
            })),
        });
    }

    /// <summary><c>GET /__kylinmock/journal/calls</c>: the verification queries (count, parsed calls, poll intervals).</summary>
    public static KylinAnswer Calls(ServerContext server, ControlCall call) =>
        KylinAnswer.Json(200, Verification.JournalCallsJson.Query(server.Backend.Journal, call.Query));

    public static KylinAnswer Clear(ServerContext server)
    {
        server.Backend.Journal.Clear();
        return KylinAnswer.Json(200, new JObject { ["total"] = 0 });
    }
}
