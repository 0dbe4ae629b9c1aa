using KylinMock.Control;
using Newtonsoft.Json.Linq;

namespace KylinMock.Http;

/// <summary><c>/__kylinmock/faults</c>: GET the armed faults, POST one, DELETE all, DELETE <c>faults/{id}</c>.</summary>
internal static class ControlFaults
{
    public static KylinAnswer Handle(ServerContext server, ControlRequest request)
    {
        var id = request.Segments.Length > 1 ? request.Segments[1] : null;
        switch (request.Method, id)
        {
            case ("GET", null):
                return ControlEndpoint.Json(200, new JObject { ["faults"] = new JArray(server.Faults.List().Select(ToJson)) });
            case ("POST", null):
                return ControlEndpoint.Json(200, ToJson(server.Faults.Add(FromJson(request.Body()))));
            case ("DELETE", null):
                server.Faults.Clear();
                return ControlEndpoint.Json(200, new JObject { ["faults"] = new JArray() });
            case ("DELETE", { } faultId):
                return server.Faults.Remove(faultId)
                    ? ControlEndpoint.Json(200, new JObject { ["removed"] = faultId })
                    : throw new ControlException(404, $"no fault \"{faultId}\"");
            default:
                throw new ControlException(404, $"no control operation {request.Method} {request.Http.Path}");
        }
    }

    private static FaultRule FromJson(JObject body)
    {
        var kind = (string?)body["kind"] ?? throw new ControlException(400, "\"kind\" is required: delay, error, drop or malformed");
        if (!Enum.TryParse<FaultKind>(kind, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(kind, out _))
        {
            throw new ControlException(400, $"\"kind\": \"{kind}\" is not delay, error, drop or malformed");
        }

        try
        {
            return new FaultRule
            {
                Kind = parsed,
                Method = (string?)body["method"],
                PathPrefix = (string?)body["path"],
                DelayMs = (int?)body["delay_ms"] ?? 0,
                ErrorCode = (string?)body["error_code"],
                Message = (string?)body["message"],
                HttpStatus = (int?)body["http_status"] ?? 500,
                Times = (int?)body["times"],
                Probability = (double?)body["probability"] ?? 1.0,
                Seed = (int?)body["seed"] ?? 0,
            };
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or ArgumentException or OverflowException)
        {
            throw new ControlException(400, "a fault field has the wrong type: " + e.Message);
        }
    }

    private static JObject ToJson(FaultRule rule) => new()
    {
        ["id"] = rule.Id,
        ["kind"] = rule.Kind.ToString().ToLowerInvariant(),
        ["method"] = rule.Method,
        ["path"] = rule.PathPrefix,
        ["delay_ms"] = rule.DelayMs,
        ["error_code"] = rule.ErrorCode,
        ["message"] = rule.Message,
        ["http_status"] = rule.HttpStatus,
        ["times"] = rule.Times,
        ["probability"] = rule.Probability,
        ["seed"] = rule.Seed,
    };
}
