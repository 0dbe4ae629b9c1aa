using KylinMock.Http;
using Newtonsoft.Json.Linq;

namespace KylinMock.Control;

/// <summary>The operations of the test-control surface shared by the in-process API and <c>/__kylinmock/</c>.</summary>
internal static class ControlPlane
{
    /// <summary><c>GET /__kylinmock/health</c>: up, with the job count and the clock.</summary>
    public static KylinAnswer Health(ServerContext server) =>
        KylinAnswer.Json(200, new JObject { ["status"] = "UP", ["jobs"] = server.Backend.JobCount, ["now"] = server.NowMs });

    /// <summary><c>POST /__kylinmock/reset</c>: <see cref="Backend.KylinBackend.Reset"/>, the mock's own clock back to its start.</summary>
    public static KylinAnswer ResetOverHttp(ServerContext server)
    {
        server.Backend.Reset(restartClock: true);
        return KylinAnswer.Json(200, new JObject { ["reset"] = true, ["jobs"] = server.Backend.JobCount, ["now"] = server.NowMs });
    }
}
