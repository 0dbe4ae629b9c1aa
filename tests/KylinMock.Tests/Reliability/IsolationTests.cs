using KylinMock.Tests.Support;
using Newtonsoft.Json.Linq;

namespace KylinMock.Tests.Reliability;

/// <summary>Servers running in parallel under NUnit share nothing: no static state, no port clashes.</summary>
[Parallelizable(ParallelScope.Children)]
public class IsolationTests
{
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    [TestCase(5)]
    [TestCase(6)]
    public void ParallelServers_SeeOnlyTheirOwnJobsActionsUsersAndClocks(int n)
    {
        using var live = new LiveServer();
        var ids = Enumerable.Range(0, n).Select(_ => live.Submit(KylinMock.Jobs.JobPlan.Succeeds(1000, 1000, 1000, 1000))).ToList();
        live.AdvanceSeconds(n * 0.5);
        live.Put("PAUSE", ids: [ids[0]]);
        live.Http.Get("/kylin/api/jobs?time_filter=4", authorization: KylinHttp.Basic("ADMIN", "wrong"));
        var list = live.Http.Get("/kylin/api/jobs?time_filter=4&page_size=100");
        var statuses = list.Data["value"]!.Select(j => (string?)j["job_status"]).ToList();
        Assert.Multiple(() =>
        {
            Assert.That((int)list.Data["total_size"]!, Is.EqualTo(n));
            Assert.That(statuses.Count(s => s == "STOPPED"), Is.EqualTo(1));
            Assert.That(live.Kylin.Journal.Total, Is.EqualTo(3));
            Assert.That((long)JObject.Parse(live.Http.Get("/__kylinmock/clock", authorization: null, accept: "application/json").Text)["now"]!,
                Is.EqualTo(LiveServer.T0 + (n * 500)));
        });
    }
}
