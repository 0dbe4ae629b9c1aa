using KylinMock.Tests.Support;
using Newtonsoft.Json.Linq;

namespace KylinMock.Tests.Http;

/// <summary>Requests WireMock itself cannot read never get WireMock's {"Status":...} body.</summary>
public class MalformedRequestTests : ListJobsTestBase
{
    [Test]
    public void Http10WithoutHost_IsAnsweredAsUsual()
    {
        // Regression: WireMock failed to build the request URL and answered {"Status":"...UriFormatException..."}.
        var (status, body) = RawHttp.Send(Kylin.Port, "GET", "/kylin/api/jobs?time_filter=4&page_size=1", withHost: false);
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(200), body);
            Assert.That((string?)JObject.Parse(body)["code"], Is.EqualTo("000"));
        });
    }

    [Test]
    public void ParameterNamedTwiceInDifferentCase_IsReadCaseSensitively()
    {
        // Regression (found by the fuzzer): WireMock's own query dictionary threw on time_filter + TIME_FILTER.
        var answer = Http.Get("/kylin/api/jobs?time_filter=0&TIME_FILTER=4");
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
            Assert.That((int)answer.Data["total_size"]!, Is.EqualTo(3), "only time_filter counts");
        });
    }

    [Test]
    public void GzipDeclaredBodyThatIsNot_IsKylinsJsonParseError()
    {
        var (status, body) = RawHttp.Send(Kylin.Port, "PUT", "/kylin/api/jobs/status", "abcde", extraHeaders: "Content-Type: application/json\r\nContent-Encoding: gzip\r\n");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(500));
            Assert.That(body, Does.Not.Contain("\"Status\""));
            Assert.That((string?)JObject.Parse(body)["msg"], Does.StartWith("KE-000030001(Failed Parse Json)"));
        });
    }

    [TestCase("/kylin/api/jobs/%ZZ/detail?project=SSB")]
    [TestCase("/kylin/api/jobs?time_filter=4&key=%C3%28")]
    [TestCase("/%%%")]
    public void OddButParseableTargets_GetKylinAnswers(string target)
    {
        var (status, body) = RawHttp.Send(Kylin.Port, "GET", target);
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.AnyOf(200, 400, 404, 500));
            Assert.That(body, Does.Not.Contain("\"Status\""));
            Assert.DoesNotThrow(() => JObject.Parse(body));
        });
    }
}
