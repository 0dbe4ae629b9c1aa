using KylinMock.Tests.Support;
using Newtonsoft.Json.Linq;

namespace KylinMock.Tests.Cli;

/// <summary>The standalone process driven only over HTTP, as a non-.NET test suite would drive it.</summary>
[NonParallelizable]
public class StandaloneControlTests
{
    [Test]
    public void Standalone_ListOperateControlFaultsAndJournal_OverHttp()
    {
        using var mock = MockProcess.Start("serve", "--port", "0", "--jobs", "60", "--clock", "manual", "--now", "2026-03-15T12:00:00Z", "--token", "t0k3n");
        using var http = new KylinHttp(mock.Url);
        string? Token(string path, HttpMethod method, string? body = null) =>
            http.Send(method, path, body, authorization: null, accept: "application/json", controlToken: "t0k3n").Text;

        var submitted = JObject.Parse(Token("/__kylinmock/jobs/submit", HttpMethod.Post, """{"project":"demo","target_model":"m1","plan":{"pickup_delay_ms":1000,"step_durations_ms":[1000,1000,1000],"fail_at_step":1}}""")!);
        var id = (string)submitted["id"]!;
        Token("/__kylinmock/clock/advance", HttpMethod.Post, """{"ms": 3000}""");
        Assert.That((string?)http.Get("/kylin/api/jobs?time_filter=4&project=demo").Data["value"]![0]!["job_status"], Is.EqualTo("ERROR"));

        Assert.That(http.Put("/kylin/api/jobs/status", $$"""{"action":"RESUME","job_ids":["{{id}}"]}""").Status, Is.EqualTo(200));
        Token("/__kylinmock/clock/advance", HttpMethod.Post, """{"ms": 4000}""");
        Assert.That((string?)http.Get("/kylin/api/jobs?time_filter=4&project=demo").Data["value"]![0]!["job_status"], Is.EqualTo("FINISHED"));

        Token("/__kylinmock/faults", HttpMethod.Post, """{"kind":"error","error_code":"KE-010032219","http_status":500,"times":1}""");
        Assert.That(http.Get("/kylin/api/jobs?time_filter=4").Status, Is.EqualTo(500));

        var journal = JObject.Parse(Token("/__kylinmock/journal?status=500", HttpMethod.Get)!);
        Assert.That(journal["requests"]!.Select(r => (string?)r["path"]), Is.EqualTo(new[] { "/kylin/api/jobs" }));
        Assert.That(mock.Stop(), Is.Zero);
    }

    [Test]
    public void Capture_FromARunningMock_ServesTheSameLists()
    {
        using var source = MockProcess.Start("serve", "--port", "0", "--seed", "3", "--jobs", "80", "--clock", "manual", "--now", "2026-03-15T12:00:00Z");
        var file = Path.Combine(Path.GetTempPath(), $"kylinmock-capture-{Guid.NewGuid():N}.json");
        try
        {
            var (exit, output) = MockProcess.Run("capture", "--from", source.Url, "--user", "ADMIN", "--password", "KYLIN", "--out", file);
            Assert.That(exit, Is.Zero, output);
            using var replay = MockProcess.Start("serve", "--port", "0", "--fixture", file, "--clock", "manual", "--now", "2026-03-15T12:00:00Z");
            using var a = new KylinHttp(source.Url);
            using var b = new KylinHttp(replay.Url);
            foreach (var query in new[]
            {
                "time_filter=4&page_size=100",
                "time_filter=4&page_size=100&sort_by=total_duration",
                "time_filter=4&page_size=100&sort_by=target_subject&reverse=false",
                "time_filter=4&page_size=100&sort_by=job_status",
                "time_filter=2&statuses=ERROR,RUNNING,STOPPED",
            })
            {
                Assert.That(b.Get("/kylin/api/jobs?" + query).Text, Is.EqualTo(a.Get("/kylin/api/jobs?" + query).Text), query);
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public void Capture_WrongPassword_FailsWithKylinsMessage()
    {
        using var source = MockProcess.Start("serve", "--port", "0", "--jobs", "3");
        var (exit, output) = MockProcess.Run("capture", "--from", source.Url, "--user", "ADMIN", "--password", "nope", "--out", Path.Combine(Path.GetTempPath(), "never.json"));
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(4));
            Assert.That(output, Does.Contain("KE-010003208"));
        });
    }
}
