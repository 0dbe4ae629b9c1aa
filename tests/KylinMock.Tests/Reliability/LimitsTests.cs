using System.Net;
using System.Text;
using KylinMock.Fixtures;
using KylinMock.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace KylinMock.Tests.Reliability;

/// <summary>The mock's own limits and how it refuses what goes past them.</summary>
public class LimitsTests
{
    [Test]
    public void Body_OverTheLimit_IsRefusedWith413BeforeItIsRead_AndChangesNothing()
    {
        using var kylin = Estates.StartCaptured(out _, new KylinMockOptions { MaxRequestBodyBytes = 1000 });
        using var http = new KylinHttp(kylin.Url);
        var before = http.Get("/kylin/api/jobs?time_filter=4&page_size=100").Text;
        var body = $"{{\"action\":\"DISCARD\",\"job_ids\":[\"{Estates.Id(3)}\"],\"pad\":\"{new string('x', 2000)}\"}}";
        var answer = http.Put("/kylin/api/jobs/status", body);
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(413));
            Assert.That((string?)answer.Json["msg"], Is.EqualTo("KE-000000001(UNKNOWN ERRORCODE): The request body is larger than KylinMock's limit of 1000 bytes."));
            Assert.That(http.Get("/kylin/api/jobs?time_filter=4&page_size=100").Text, Is.EqualTo(before));
        });
    }

    [Test]
    public void ChunkedBody_OverTheLimit_IsRefusedWith413()
    {
        using var kylin = Estates.StartCaptured(out _, new KylinMockOptions { MaxRequestBodyBytes = 1000 });
        using var client = new HttpClient { BaseAddress = new Uri(kylin.Url) };
        using var request = new HttpRequestMessage(HttpMethod.Put, "/kylin/api/jobs/status")
        {
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("{\"action\":\"PAUSE\",\"x\":\"" + new string('y', 5000) + "\"}"))),
        };
        request.Headers.TransferEncodingChunked = true;
        request.Headers.TryAddWithoutValidation("Authorization", KylinHttp.AdminBasic);
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var response = client.Send(request);
        Assert.That((int)response.StatusCode, Is.EqualTo(413));
    }

    [Test]
    public void ChunkedBody_UnderTheLimit_IsReadAsUsual()
    {
        using var kylin = Estates.StartCaptured(out _);
        using var client = new HttpClient { BaseAddress = new Uri(kylin.Url) };
        using var request = new HttpRequestMessage(HttpMethod.Put, "/kylin/api/jobs/status")
        {
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes($"{{\"action\":\"PAUSE\",\"job_ids\":[\"{Estates.Id(3)}\"]}}"))),
        };
        request.Headers.TransferEncodingChunked = true;
        request.Headers.TryAddWithoutValidation("Authorization", KylinHttp.AdminBasic);
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var response = client.Send(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public void MultiMegabyteBody_UnderTheLimit_GetsKylinsAnswer()
    {
        using var kylin = Estates.StartCaptured(out _);
        using var http = new KylinHttp(kylin.Url);
        var answer = http.Put("/kylin/api/jobs/status", "{\"action\":\"PAUSE\",\"job_ids\":[\"" + new string('z', 3_000_000) + "\"]}");
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(500));
            Assert.That((string?)answer.Json["error_code"], Is.EqualTo("KE-010032219"));
        });
    }

    [Test]
    public void Fixture_LargerThanTheLimit_IsRefusedNamingTheFileAndTheLimit()
    {
        var error = Assert.Throws<FixtureException>(() => KylinMockServer.Start(new KylinMockOptions { FixturePath = Estates.CapturedList, MaxFixtureBytes = 100 }));
        Assert.That(error!.Message, Does.StartWith(Estates.CapturedList + ": ").And.Contain("larger than the fixture limit of 100 bytes"));
    }

    [Test]
    public void DeeplyNestedBody_IsAParseErrorNotACrash()
    {
        using var kylin = Estates.StartCaptured(out _);
        using var http = new KylinHttp(kylin.Url);
        var answer = http.Put("/kylin/api/jobs/status", new string('[', 100_000) + new string(']', 100_000));
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(500));
            Assert.That((string?)answer.Json["code"], Is.EqualTo("999"));
            Assert.That(http.Get("/kylin/api/jobs?time_filter=4").Status, Is.EqualTo(200));
        });
    }

    [Test]
    public void ControlApi_TakesAWholeFixtureAboveTheKylinLimit()
    {
        var clock = new FakeTimeProvider(Estates.Now);
        using var kylin = KylinMockServer.Start(new KylinMockOptions { Clock = clock, JobCount = 1, MaxRequestBodyBytes = 1000 });
        using var http = new KylinHttp(kylin.Url);
        var answer = http.Send(HttpMethod.Put, "/__kylinmock/jobs", File.ReadAllText(Estates.CapturedList), authorization: null, accept: "application/json");
        Assert.That((int)JObject.Parse(answer.Text)["jobs"]!, Is.EqualTo(10));
    }
    // Kylin has no page-size ceiling; the mock's own is counted in jobs actually on the page.
    [Test]
    public void ListPage_HoldingMoreJobsThanTheCeiling_IsRefusedWith400InvalidParameter()
    {
        using var kylin = Estates.StartCaptured(out _, new KylinMockOptions { MaxPageSize = 4 });
        using var http = new KylinHttp(kylin.Url);
        var answer = http.Get("/kylin/api/jobs?time_filter=4&page_size=5");
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(400));
            Assert.That((string?)answer.Json["code"], Is.EqualTo("999"));
            Assert.That((string?)answer.Json["error_code"], Is.EqualTo("KE-010000003"));
            Assert.That((string?)answer.Json["msg"], Is.EqualTo(
                "KE-010000003(Invalid Parameter):The page would hold 5 jobs, more than KylinMock's page-size ceiling of 4. Please ask for a smaller page_size."));
        });
    }

    [Test]
    public void ListPage_AtTheCeiling_Answers()
    {
        using var kylin = Estates.StartCaptured(out _, new KylinMockOptions { MaxPageSize = 4 });
        using var http = new KylinHttp(kylin.Url);
        var answer = http.Get("/kylin/api/jobs?time_filter=4&page_size=4");
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200));
            Assert.That(((JArray)answer.Json["data"]!["value"]!), Has.Count.EqualTo(4));
        });
    }

    [Test]
    public void ListPage_HugePageSizeOverFewerJobsThanTheCeiling_AnswersAsKylinDoes()
    {
        using var kylin = Estates.StartCaptured(out _, new KylinMockOptions { MaxPageSize = 4 });
        using var http = new KylinHttp(kylin.Url);
        var answer = http.Get("/kylin/api/jobs?time_filter=4&page_size=2147483647&statuses=FINISHED");
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200));
            Assert.That(((JArray)answer.Json["data"]!["value"]!), Has.Count.EqualTo(4));
            Assert.That((int)answer.Json["data"]!["limit"]!, Is.EqualTo(int.MaxValue));
        });
    }

    [Test]
    public void ListPage_LastPartialPageUnderTheCeiling_Answers()
    {
        using var kylin = Estates.StartCaptured(out _, new KylinMockOptions { MaxPageSize = 4 });
        using var http = new KylinHttp(kylin.Url);
        var answer = http.Get("/kylin/api/jobs?time_filter=4&page_size=6&page_offset=1");
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200));
            Assert.That(((JArray)answer.Json["data"]!["value"]!), Has.Count.EqualTo(4));
        });
    }
}
