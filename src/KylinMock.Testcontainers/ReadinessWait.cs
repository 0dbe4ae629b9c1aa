using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Containers;

namespace KylinMock.Testcontainers;

/// <summary>Ready when serve has printed its readiness line and <c>GET /__kylinmock/health</c> answers UP.</summary>
internal sealed class ReadinessWait : IWaitUntil
{
    public async Task<bool> UntilAsync(IContainer container)
    {
        var kylin = (KylinMockContainer)container;
        if (!await kylin.ReadReadinessLineAsync().ConfigureAwait(false))
        {
            return false;
        }

        try
        {
            var health = await kylin.Control.HealthAsync().ConfigureAwait(false);
            return (string?)health["status"] == "UP";
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
