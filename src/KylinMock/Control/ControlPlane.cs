using KylinMock.Http;

namespace KylinMock.Control;

/// <summary>The operations of the test-control surface shared by the in-process API and <c>/__kylinmock/</c>.</summary>
internal static class ControlPlane
{
    /// <summary>Back to the loaded estate and fresh users, faults and journal; the starting clock too when it is the mock's own.</summary>
    public static void Reset(ServerContext context, bool restartClock)
    {
        if (restartClock && context.Clock is ManualClock or SystemClock)
        {
            context.ClockControl.Restart();
        }

        context.Store.Reset();
        context.Users.Reset();
        context.Sessions.Clear();
        context.Faults.Clear();
        context.Journal.Clear();
    }
}
