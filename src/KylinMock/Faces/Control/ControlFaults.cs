using KylinMock.Http;
using Newtonsoft.Json.Linq;

namespace KylinMock.Control;

/// <summary><c>/__kylinmock/faults</c>: GET the armed faults, POST one, DELETE all, DELETE <c>faults/{id}</c>.</summary>
internal static class ControlFaults
{
    public static KylinAnswer List(ServerContext server) =>
        KylinAnswer.Json(200, new JObject { ["faults"] = new JArray(server.Backend.Faults.List().Select(ToJson)) });

    public static KylinAnswer Add(ServerContext server, ControlCall call) =>
        KylinAnswer.Json(200, ToJson(server.Backend.Faults.Add(FromJson(call.Body()))));

    public static KylinAnswer Clear(ServerContext server)
    {
        server.Backend.Faults.Clear();
        return KylinAnswer.Json(200, new JObject { ["faults"] = new JArray() });
    }

    public static KylinAnswer Remove(ServerContext server, string faultId) =>
        server.Backend.Faults.Remove(faultId)
            ? KylinAnswer.Json(200, new JObject { ["removed"] = faultId })
            : throw new ControlException(404, $"no fault \"{faultId}\"");

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
