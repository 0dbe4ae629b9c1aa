using KylinMock.Clocks;
using KylinMock.Control;
using KylinMock.Tests.Support;
using Newtonsoft.Json.Linq;

namespace KylinMock.Tests.Journal;

/// <summary>Issue 10's journal and control-plane reproductions, each pinned by name.</summary>
public class HardeningTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 15, 12, 0, 0, TimeSpan.Zero);

    // Issue 10, item 6: with no scheme, a tab after Basic, or in Cookie, Proxy-Authorization and
    // X-KylinMock-Token the credential was journaled verbatim.
    [TestCase("Authorization", "QURNSU46S1lMSU4=", "[redacted]")]
    [TestCase("Authorization", "Basic\tQURNSU46S1lMSU4=", "Basic [redacted]")]
    [TestCase("Authorization", "  basic   QURNSU46S1lMSU4=", "basic [redacted]")]
    [TestCase("Authorization", "QURNSU46 S1lMSU4=", "[redacted]")]
    [TestCase("Proxy-Authorization", "Basic QURNSU46S1lMSU4=", "Basic [redacted]")]
    [TestCase("Cookie", "7c6c6e3e=c2Vzc2lvbg==; other=QURNSU46S1lMSU4=", "[redacted]")]
    [TestCase("X-KylinMock-Token", "QURNSU46S1lMSU4=", "[redacted]")]
    [TestCase("X-Api-Key", "QURNSU46S1lMSU4=", "[redacted]")]
    public void Journal_CredentialHeaderOfAnyShape_IsRedacted(string name, string value, string kept)
    {
        var journal = new RequestJournal(10);
        journal.Record(Start, "GET", "/kylin/api/jobs", "time_filter=4", new Dictionary<string, string> { [name] = value, ["Accept"] = "application/json" }, null, 200);
        var headers = journal.Entries().Single().Headers;
        Assert.Multiple(() =>
        {
            Assert.That(headers[name], Is.EqualTo(kept));
            Assert.That(headers["Accept"], Is.EqualTo("application/json"), "other headers are kept as sent");
        });
    }

    [Test]
    public void Journal_CredentialHeadersSentOverHttp_NeverReachTheJournal()
    {
        using var kylin = Manual();
        RawHttp.Send(kylin.Port, "GET", "/kylin/api/jobs?time_filter=4", authorization: "Basic\tQURNSU46S1lMSU4=",
            extraHeaders: "Cookie: s=QURNSU46S1lMSU4=\r\nProxy-Authorization: QURNSU46S1lMSU4=\r\nX-KylinMock-Token: QURNSU46S1lMSU4=\r\n");
        RawHttp.Send(kylin.Port, "GET", "/kylin/api/jobs?time_filter=4", authorization: "QURNSU46S1lMSU4=");
        using var http = new KylinHttp(kylin.Url);
        var journal = http.Send(HttpMethod.Get, "/__kylinmock/journal", null, authorization: null, accept: "application/json");
        Assert.Multiple(() =>
        {
            Assert.That((long)journal.Json["total"]!, Is.EqualTo(2));
            Assert.That(journal.Text, Does.Not.Contain("QURNSU46").And.Contain("[redacted]"));
            Assert.That(kylin.Journal.Entries().SelectMany(e => e.Headers.Values), Has.None.Contain("QURNSU46"));
        });
    }

    // Issue 10, item 14: PUT /__kylinmock/jobs with a body naming no jobs answered 200 and wiped the estate.
    [TestCase("""{"fixture":"fixtures/kylin5-seed42.json"}""")]
    [TestCase("""{}""")]
    [TestCase("""{"projects":[]}""")]
    public void ControlJobs_ReplaceWithABodyNamingNoJobs_Is400AndChangesNothing(string body)
    {
        using var kylin = Manual();
        using var http = new KylinHttp(kylin.Url);
        var before = kylin.Jobs.Count;
        var answer = http.Send(HttpMethod.Put, "/__kylinmock/jobs", body, authorization: null, accept: "application/json");
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(400));
            Assert.That(answer.Json.ToObject<JObject>()!.Properties().Select(p => p.Name), Is.EqualTo(new[] { "error" }));
            Assert.That((string?)answer.Json["error"], Does.Contain("names no jobs"));
            Assert.That(kylin.Jobs.Count, Is.EqualTo(before));
        });
    }

    [Test]
    public void ControlJobs_ReplaceWithAnEmptyJobList_StillEmptiesTheEstate()
    {
        using var kylin = Manual();
        using var http = new KylinHttp(kylin.Url);
        Assert.Multiple(() =>
        {
            Assert.That(http.Send(HttpMethod.Put, "/__kylinmock/jobs", """{"jobs":[]}""", authorization: null, accept: "application/json").Status, Is.EqualTo(200));
            Assert.That(kylin.Jobs.Count, Is.Zero);
        });
    }

    // Issue 10, item 14: an empty token accepted an empty X-KylinMock-Token header.
    [Test]
    public void Options_EmptyControlToken_IsRefusedAtStart()
    {
        Assert.That(() => KylinMockServer.Start(new KylinMockOptions { ControlToken = string.Empty, JobCount = 1 }),
            Throws.ArgumentException.With.Message.Contains("control token must not be empty"));
    }

    private static KylinMockServer Manual() =>
        KylinMockServer.Start(new KylinMockOptions { Clock = new ManualClock(Start), Seed = 5, JobCount = 40 });
}
