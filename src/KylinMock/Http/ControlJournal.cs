using System.Globalization;
using Newtonsoft.Json.Linq;

namespace KylinMock.Http;

/// <summary><c>/__kylinmock/journal</c>: GET the requests Kylin endpoints received (<c>?method=&amp;path=&amp;status=</c>), GET <c>/calls</c> the verification queries, DELETE to clear.</summary>
internal static class ControlJournal
{
    public static KylinAnswer Handle(ServerContext server, ControlRequest request)
    {
        switch (request.Method)
        {
            case "GET" when request.Segments.Length == 1:
                var status = SpringBinding.String(request.Http, "status");
                int? statusFilter = null;
                if (status is not null)
                {
                    statusFilter = int.TryParse(status, NumberStyles.Integer, CultureInfo.InvariantCulture, out var code)
                        ? code
                        : throw new ControlException(400, "\"status\" must be an HTTP status code");
                }

                var entries = server.Journal.Entries(SpringBinding.String(request.Http, "method"), SpringBinding.String(request.Http, "path"), statusFilter);
                return ControlEndpoint.Json(200, new JObject
                {
                    ["total"] = server.Journal.Total,
                    ["capacity"] = server.Journal.Capacity,
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
            case "GET" when request.Segments is [_, "calls"]:
                return ControlEndpoint.Json(200, Verification.JournalCallsJson.Query(server.Journal, name => SpringBinding.String(request.Http, name)));
            case "DELETE" when request.Segments.Length == 1:
                server.Journal.Clear();
                return ControlEndpoint.Json(200, new JObject { ["total"] = 0 });
            default:
                throw new ControlException(404, $"no control operation {request.Method} {request.Http.Path}");
        }
    }
}
