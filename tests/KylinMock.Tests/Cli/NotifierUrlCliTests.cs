using System.Net;
using System.Net.Sockets;
using KylinMock.Tests.Support;

namespace KylinMock.Tests.Cli;

/// <summary>Issue 23, item 1: <c>serve --job-finished-notifier-url</c> (Kylin's kylin.job.finished-notifier-url).</summary>
[NonParallelizable]
public class NotifierUrlCliTests
{
    [Test]
    public async Task Item01_ServeWithNotifierUrl_ServesAndPostsThere()
    {
        var port = FreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/hook/");
        listener.Start();
        using var mock = MockProcess.Start("serve", "--port", "0", "--jobs", "200", "--clock", "manual", "--now", "2026-03-15T12:00:00Z", "--job-finished-notifier-url", $"http://127.0.0.1:{port}/hook/");
        using var http = new KylinHttp(mock.Url);
        Assert.That(http.Get("/kylin/api/jobs?time_filter=4&page_size=1").Status, Is.EqualTo(200));

        // A day on: every RUNNING job of the estate ends its run, and each is posted.
        http.Send(HttpMethod.Post, "/__kylinmock/clock/advance", """{"ms": 86400000}""", authorization: null, accept: "application/json");
        _ = http.Get("/kylin/api/jobs?time_filter=4&page_size=1");
        var call = await listener.GetContextAsync().WaitAsync(TimeSpan.FromSeconds(20));
        call.Response.StatusCode = 200;
        call.Response.Close();
        Assert.That((call.Request.HttpMethod, call.Request.ContentType), Is.EqualTo(("POST", "application/json; charset=utf-8")));
    }

    [TestCase("not a url")]
    [TestCase("ftp://127.0.0.1/hook")]
    [TestCase("/relative/hook")]
    public void Item01_ServeWithBadNotifierUrl_SaysSoInOneLineWithExitCode2(string url)
    {
        var (exit, output) = MockProcess.Run("serve", "--port", "0", "--jobs", "1", "--job-finished-notifier-url", url);
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(output.Trim().Split('\n'), Has.Length.EqualTo(1));
            Assert.That(output.Trim(), Is.EqualTo($"kylin-mock: --job-finished-notifier-url \"{url}\" is not an http or https URL."));
        });
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
