using KylinMock.Tests.Support;

namespace KylinMock.Tests.Faces.KylinV2;

/// <summary>
/// Selection by Accept and Kylin's V2ApiFilter (contract section 12.0; src/common-service/.../interceptor/V2ApiFilter.java,
/// @Order(-400), before Spring Security; the mappings of DLC/v2/JobControllerV2.java, produces v2).
/// </summary>
public class V2RoutingTests : ListJobsTestBase
{
    private const string V2 = "application/vnd.apache.kylin-v2+json";

    // server.servlet.encoding.force: true (application.yaml) puts the charset on every answer.
    private const string V2Charset = "; charset=UTF-8";

    // V2ApiFilter: no v2 mapping for the path → NotFoundException thrown from the filter → Boot's /error 500, no message.
    [TestCase("POST", "/kylin/api/models/m/segments")]
    [TestCase("GET", "/kylin/api/models/p/m/segments")]
    [TestCase("GET", "/kylin/api/jobs/x/detail")]
    [TestCase("PUT", "/kylin/api/jobs/status")]
    [TestCase("GET", "/kylin/api/nothing/here")]
    [TestCase("GET", "/kylin/api/Jobs")]
    public void V2Accept_NoV2Mapping_IsBootsFilter500BeforeAuthentication(string method, string path)
    {
        var answer = Http.Send(new HttpMethod(method), path, method is "PUT" or "POST" ? "{}" : null, authorization: null, accept: V2);
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(500), answer.Text);
            Assert.That(answer.Json.Properties().Select(p => p.Name), Is.EqualTo(new[] { "timestamp", "status", "error", "path" }));
            Assert.That((long)answer.Json["timestamp"]!, Is.EqualTo(Estates.Now.ToUnixTimeMilliseconds()));
            Assert.That((int)answer.Json["status"]!, Is.EqualTo(500));
            Assert.That((string?)answer.Json["error"], Is.EqualTo("Internal Server Error"));
            Assert.That((string?)answer.Json["path"], Is.EqualTo(path));
        });
    }

    // The lookup matches path and method: a v2 path with another method is refused by the filter, never a 405.
    [TestCase("DELETE", "/kylin/api/jobs")]
    [TestCase("POST", "/kylin/api/jobs/a1b2c3d4-0000-4000-8000-000000000004/resume")]
    [TestCase("GET", "/kylin/api/jobs/a1b2c3d4-0000-4000-8000-000000000004/resume")]
    public void V2Accept_V2PathWithAnotherMethod_IsRefusedByTheFilterNot405(string method, string path)
    {
        var answer = Http.Send(new HttpMethod(method), path, accept: V2);
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(500), answer.Text);
            Assert.That((string?)answer.Json["error"], Is.EqualTo("Internal Server Error"));
            Assert.That(answer.Response.Content.Headers.Allow, Is.Empty);
        });
    }

    // The filter passes a mapped v2 request on; Spring Security then asks for credentials.
    [Test]
    public void V2Accept_MappedPathWithoutCredentials_PassesTheFilterThenIs401()
    {
        var answer = Http.Get("/kylin/api/jobs?timeFilter=4", authorization: null, accept: V2);
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(401), answer.Text);
            Assert.That((string?)answer.Json["msg"], Does.StartWith("KE-010003207"));
        });
    }

    // equalsIgnoreCase on the whole header; the v2 mapping then serves with Content-Type v2.
    [TestCase("application/vnd.apache.kylin-v2+json")]
    [TestCase("APPLICATION/VND.APACHE.KYLIN-V2+JSON")]
    public void V2Accept_AnyCase_IsServedByTheV2MappingAsV2(string accept)
    {
        var answer = Http.Get("/kylin/api/jobs?timeFilter=4", accept: accept);
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
            Assert.That(answer.ContentType, Is.EqualTo(V2 + V2Charset));
            Assert.That(((Newtonsoft.Json.Linq.JObject)answer.Data).Properties().Select(p => p.Name), Is.EqualTo(new[] { "size", "jobs" }));
        });
    }

    // Spring 5.3 trailing-slash matching holds for the filter's lookup too.
    [Test]
    public void V2Accept_TrailingSlash_Passes()
    {
        Assert.That(Http.Get("/kylin/api/jobs/?timeFilter=4", accept: V2).Status, Is.EqualTo(200));
    }

    // A charset parameter or a list turns the filter off: Spring's own negotiation still picks the v2 mapping
    // where there is one, and answers 406 (not the filter's 500) where the path produces only v4.
    [TestCase(V2 + ";charset=UTF-8")]
    [TestCase(V2 + ", */*")]
    public void V2AcceptWithParameterOrList_FilterOff_SpringNegotiates(string accept)
    {
        var listed = Http.Get("/kylin/api/jobs?timeFilter=4", accept: accept);
        var v4Only = Http.Get("/kylin/api/jobs/" + Estates.Id(4) + "/detail?project=SSB", accept: accept);
        Assert.Multiple(() =>
        {
            Assert.That(listed.Status, Is.EqualTo(200), listed.Text);
            Assert.That(listed.ContentType, Is.EqualTo(V2 + V2Charset));
            Assert.That(listed.Data["jobs"], Is.Not.Null);
            Assert.That(v4Only.Status, Is.EqualTo(accept.Contains('*', StringComparison.Ordinal) ? 200 : 406), v4Only.Text);
        });
    }

    // A v4 Accept never reaches a v2 mapping: the path and method match, produces does not (Spring's 406).
    [Test]
    public void V4Accept_OnAV2OnlyPath_IsSprings406()
    {
        var answer = Http.Get("/kylin/api/jobs/" + Estates.Id(4));
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(406), answer.Text);
            Assert.That((string?)answer.Json["error"], Is.EqualTo("Not Acceptable"));
        });
    }

    // The same path answers both faces from its own mapping: v4's DataResult, v2's getDataResponse.
    [Test]
    public void SharedPath_V4AndV2Accept_AreServedByTheirOwnMappings()
    {
        var v4 = Http.Get("/kylin/api/jobs?time_filter=4");
        var v2 = Http.Get("/kylin/api/jobs?timeFilter=4", accept: V2);
        Assert.Multiple(() =>
        {
            Assert.That(v4.Data["value"], Is.Not.Null);
            Assert.That(v2.Data["jobs"], Is.Not.Null);
            Assert.That((int)v2.Data["size"]!, Is.EqualTo((int)v4.Data["total_size"]!));
        });
    }
}
