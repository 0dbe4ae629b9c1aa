using System.Net.Sockets;
using KylinMock.Jobs;
using KylinMock.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace KylinMock.Tests;

/// <summary>The embedded server: free ports, isolation, disposal, options.</summary>
public class ServerLifecycleTests
{
    [Test]
    public void Start_TakesAFreePort_AndReportsItInTheUrl()
    {
        using var kylin = KylinMockServer.Start(new KylinMockOptions { Clock = new FakeTimeProvider(Estates.Now) });
        Assert.Multiple(() =>
        {
            Assert.That(kylin.Port, Is.GreaterThan(0));
            Assert.That(kylin.Url, Is.EqualTo("http://127.0.0.1:" + kylin.Port));
        });
    }

    [Test]
    public void Dispose_ReleasesThePortBeforeReturning()
    {
        var kylin = KylinMockServer.Start(new KylinMockOptions { Clock = new FakeTimeProvider(Estates.Now), JobCount = 5 });
        var port = kylin.Port;
        kylin.Dispose();
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, port);
        Assert.DoesNotThrow(() => listener.Start());
        listener.Stop();
    }

    [Test]
    public void Stop_Twice_IsHarmless()
    {
        var kylin = KylinMockServer.Start(new KylinMockOptions { Clock = new FakeTimeProvider(Estates.Now), JobCount = 5 });
        kylin.Stop();
        Assert.DoesNotThrow(kylin.Dispose);
    }

    [Test]
    public void ManyServers_InOneProcess_AreIndependent()
    {
        var servers = Enumerable.Range(0, 4).Select(i => KylinMockServer.Start(new KylinMockOptions
        {
            Clock = new FakeTimeProvider(Estates.Now),
            Seed = i,
            JobCount = 20 + i,
        })).ToList();
        try
        {
            var totals = servers.Select(s =>
            {
                using var http = new KylinHttp(s.Url);
                return (int)http.Get("/kylin/api/jobs?time_filter=4").Data["total_size"]!;
            }).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(totals, Is.EqualTo(new[] { 20, 21, 22, 23 }));
                Assert.That(servers.Select(s => s.Port).Distinct().Count(), Is.EqualTo(4));
            });
        }
        finally
        {
            servers.ForEach(s => s.Dispose());
        }
    }

    [Test]
    public void Start_Default_GeneratesRelativeToTheClock_SoEveryWindowHoldsJobs()
    {
        using var kylin = KylinMockServer.Start(new KylinMockOptions { Clock = new FakeTimeProvider(new DateTimeOffset(2031, 7, 1, 0, 0, 0, TimeSpan.Zero)) });
        using var http = new KylinHttp(kylin.Url);
        var totals = Enumerable.Range(0, 5).Select(t => (int)http.Get("/kylin/api/jobs?time_filter=" + t).Data["total_size"]!).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(totals, Is.All.GreaterThan(0));
            Assert.That(totals, Is.Ordered.Ascending);
            Assert.That(totals[4], Is.EqualTo(500));
        });
    }

    [Test]
    public void Start_WithAnEstate_ServesItAsIs()
    {
        var estate = new Estate([new Project("empty_project")], []);
        using var kylin = KylinMockServer.Start(new KylinMockOptions { Clock = new FakeTimeProvider(Estates.Now), Estate = estate });
        using var http = new KylinHttp(kylin.Url);
        var answer = http.Get("/kylin/api/jobs?time_filter=4&project=EMPTY_PROJECT");
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200));
            Assert.That((int)answer.Data["total_size"]!, Is.Zero);
        });
    }

    [Test]
    public void Start_WithNoProjectAtAll_StillReadsTheTimeFilter()
    {
        // 5.0.x: JobFilterUtil.getQueryStartTime reads time_filter for every list, with or without projects.
        using var kylin = KylinMockServer.Start(new KylinMockOptions { Clock = new FakeTimeProvider(Estates.Now), Estate = new Estate([], []) });
        using var http = new KylinHttp(kylin.Url);
        Assert.That(http.Get("/kylin/api/jobs?time_filter=9").Status, Is.EqualTo(500));
    }

    [TestCase(-1)]
    [TestCase(70000)]
    public void Start_BadPort_IsRefused(int port)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => KylinMockServer.Start(new KylinMockOptions { Port = port }));
    }

    [Test]
    public void Start_DuplicateUserNames_AreRefused()
    {
        Assert.Throws<ArgumentException>(() => KylinMockServer.Start(new KylinMockOptions { Users = [KylinUser.Admin, new KylinUser("admin", "x")] }));
    }
}
