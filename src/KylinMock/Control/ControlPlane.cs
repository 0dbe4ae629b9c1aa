using Newtonsoft.Json.Linq;

namespace KylinMock.Control;

/// <summary>The operations of the test-control surface shared by the in-process API and <c>/__kylinmock/</c>.</summary>
internal static class ControlPlane
{
    /// <summary>Back to the loaded estate and fresh users, faults and journal; the starting clock too when it is the mock's own.</summary>
    public static void Reset(ServerContext context, bool restartClock)
    {
        // The clock moves back inside the store's reset, under its lock: one atomic step (issue 10, item 3).
        context.Store.Reset(restartClock && context.ClockControl.IsOwn ? context.ClockControl.Restart : null);
        context.Users.Reset();
        context.Sessions.Clear();
        context.Faults.Clear();
        context.Journal.Clear();
        context.Queries.Clear();
        context.Sql?.Reset();
    }

    /// <summary><c>GET /__kylinmock/health</c>: up, with the job count and the clock.</summary>
    public static ControlAnswer Health(ServerContext server) =>
        ControlAnswer.Json(200, new JObject { ["status"] = "UP", ["jobs"] = server.Store.Count, ["now"] = server.NowMs });

    /// <summary><c>POST /__kylinmock/reset</c>: <see cref="Reset"/>, the mock's own clock back to its start.</summary>
    public static ControlAnswer ResetOverHttp(ServerContext server)
    {
        Reset(server, restartClock: true);
        return ControlAnswer.Json(200, new JObject { ["reset"] = true, ["jobs"] = server.Store.Count, ["now"] = server.NowMs });
    }
}
