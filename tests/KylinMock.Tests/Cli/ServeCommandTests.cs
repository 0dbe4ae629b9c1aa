using System.Net.Sockets;
using KylinMock.Tests.Support;

namespace KylinMock.Tests.Cli;

/// <summary>The standalone mock, started as a real process.</summary>
[NonParallelizable]
public class ServeCommandTests
{
    [Test]
    public void Serve_AnswersTheSeedDocumentsCurl_AndStopsCleanlyOnSigterm()
    {
        using var mock = MockProcess.Start("serve", "--port", "0", "--seed", "7", "--jobs", "50", "--clock", "manual", "--now", "2026-03-15T12:00:00Z");
        using (var http = new KylinHttp(mock.Url))
        {
            var answer = http.Get("/kylin/api/jobs?time_filter=4&page_size=1");
            Assert.Multiple(() =>
            {
                Assert.That(answer.Status, Is.EqualTo(200));
                Assert.That((int)answer.Data["total_size"]!, Is.EqualTo(50));
            });
        }

        Assert.Multiple(() =>
        {
            Assert.That(mock.Stop(), Is.Zero);
            Assert.That(mock.Output, Does.Contain("KylinMock stopped."));
        });
    }

    [Test]
    public void Serve_StopsCleanlyOnSigint()
    {
        using var mock = MockProcess.Start("serve", "--port", "0", "--jobs", "5");
        Assert.That(mock.Stop(interrupt: true), Is.Zero);
    }

    [Test]
    public void Serve_ManualClock_StandsStill()
    {
        using var mock = MockProcess.Start("serve", "--port", "0", "--jobs", "30", "--clock", "manual", "--now", "1773576000000");
        using var http = new KylinHttp(mock.Url);
        var first = http.Get("/kylin/api/jobs?time_filter=4&page_size=100").Text;
        Thread.Sleep(1100);
        Assert.That(http.Get("/kylin/api/jobs?time_filter=4&page_size=100").Text, Is.EqualTo(first));
    }

    [Test]
    public void Serve_GeneratesRelativeToNow_SoEveryWindowHoldsJobs()
    {
        using var mock = MockProcess.Start("serve", "--port", "0", "--clock", "manual", "--now", "2031-07-01T00:00:00Z");
        using var http = new KylinHttp(mock.Url);
        Assert.That(Enumerable.Range(0, 5).Select(t => (int)http.Get("/kylin/api/jobs?time_filter=" + t).Data["total_size"]!), Is.All.GreaterThan(0));
    }

    [Test]
    public void Serve_Fixture_KeepsItsRecordedTimes()
    {
        using var mock = MockProcess.Start("serve", "--port", "0", "--fixture", Estates.CapturedList, "--clock", "manual", "--now", "2026-03-15T12:00:00Z");
        using var http = new KylinHttp(mock.Url);
        Assert.That(http.Get("/kylin/api/jobs?time_filter=0").Ids, Is.EqualTo(new[] { Estates.Id(3), Estates.Id(2), Estates.Id(1) }));
    }

    [Test]
    public void Serve_AnotherAddressThanLoopback_IsAnnounced()
    {
        using var mock = MockProcess.Start("serve", "--port", "0", "--host", "0.0.0.0", "--jobs", "1");
        Assert.That(mock.Output, Does.Contain("kylin-mock: listening on 0.0.0.0, reachable from other machines."));
    }

    [Test]
    public void Serve_Default_ListensOnLoopbackOnly()
    {
        using var mock = MockProcess.Start("serve", "--port", "0", "--jobs", "1");
        Assert.Multiple(() =>
        {
            Assert.That(new Uri(mock.Url).Host, Is.EqualTo("127.0.0.1"));
            Assert.That(mock.Output, Does.Not.Contain("reachable from other machines"));
        });
    }

    [Test]
    public void Serve_PortTaken_IsAOneLineErrorWithExitCode3()
    {
        using var taken = new TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
        var (exit, output) = MockProcess.Run("serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--jobs", "1");
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(3));
            Assert.That(output.Trim().Split('\n'), Has.Length.EqualTo(1));
            Assert.That(output, Does.StartWith($"kylin-mock: cannot listen on 127.0.0.1:{port}"));
        });
    }

    [TestCase("--now", "yesterday", "--now \"yesterday\" is neither")]
    [TestCase("--fixture", "/no/such.json", "/no/such.json: cannot be read")]
    [TestCase("--port", "99999", "kylin-mock: --port must be between 0 and 65535 (got 99999).")]
    [TestCase("--max-page-size", "0", "kylin-mock: --max-page-size must be between 1 and 2147483647 (got 0).")]
    [TestCase("--clock", "sundial", "kylin-mock: Argument 'sundial' not recognized. Must be one of: 'system' 'manual'")]
    public void Serve_BadArgument_IsAClearErrorWithExitCode2(string option, string value, string message)
    {
        var (exit, output) = option == "--port" ? MockProcess.Run("serve", option, value) : MockProcess.Run("serve", "--port", "0", option, value);
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(output, Does.Contain(message));
        });
    }

    [Test]
    public void Serve_Help_DescribesEveryOption()
    {
        var (exit, output) = MockProcess.Run("serve", "--help");
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero);
            foreach (var option in new[] { "--port", "--host", "--seed", "--jobs", "--fixture", "--now", "--clock", "--token", "--journal", "--max-body-mb", "--max-page-size", "--max-fixture-mb" })
            {
                Assert.That(output, Does.Contain(option));
            }
        });
    }
}
