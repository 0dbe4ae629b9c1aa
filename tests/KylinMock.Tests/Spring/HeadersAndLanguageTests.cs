using KylinMock.Tests.Support;

namespace KylinMock.Tests.Spring;

/// <summary>Accept negotiation, Accept-Language bundles, unknown paths and methods (the v2 filter: Faces/KylinV2/V2RoutingTests).</summary>
public class HeadersAndLanguageTests : ListJobsTestBase
{
    // The Chinese bundle is an explicit option (Kylin 5 itself answers in English, MsgPicker); these tests pin the bundle.
    private protected override KylinMockOptions? ServerOptions => new() { ChineseMessages = true };

    [TestCase("application/vnd.apache.kylin-v4-public+json", "application/vnd.apache.kylin-v4-public+json")]
    [TestCase("application/vnd.apache.kylin-v4+json", "application/vnd.apache.kylin-v4+json")]
    [TestCase("*/*", "application/vnd.apache.kylin-v4+json")]
    [TestCase(null, "application/vnd.apache.kylin-v4+json")]
    [TestCase("application/json, */*;q=0.8", "application/vnd.apache.kylin-v4+json")]
    public void Accept_KylinTypesAndWildcards_AreServedWithTheNegotiatedType(string? accept, string contentType)
    {
        var answer = Http.Get("/kylin/api/jobs?time_filter=4", accept: accept);
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200));
            // server.servlet.encoding.force (application.yaml) adds the charset.
            Assert.That(answer.Response.Content.Headers.ContentType?.MediaType, Is.EqualTo(contentType));
            Assert.That(answer.Response.Content.Headers.ContentType?.CharSet, Is.EqualTo("UTF-8"));
        });
    }

    [Test]
    public void Accept_PlainJson_IsSpringsOwn406()
    {
        var answer = Http.Get("/kylin/api/jobs?time_filter=4", accept: "application/json");
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(406));
            Assert.That((int)answer.Json["status"]!, Is.EqualTo(406));
            Assert.That((string?)answer.Json["error"], Is.EqualTo("Not Acceptable"));
            Assert.That((string?)answer.Json["path"], Is.EqualTo("/kylin/api/jobs"));
        });
    }

    [TestCase("zh")]
    [TestCase("zh-CN")]
    [TestCase("zh-CN,zh;q=0.9,en;q=0.8")]
    public void AcceptLanguage_Zh_AnswersFromTheChineseBundle(string language)
    {
        var answer = Http.Get("/kylin/api/jobs?time_filter=4&project=nope", language: language);
        AssertError(answer, 500, "KE-010001201: 找不到项目 “nope”。请检查后重试。", "KE-010001201");
    }

    [Test]
    public void AcceptLanguage_Zh_OldStyleCodeUsesTheFullWidthSeparator()
    {
        var answer = Http.Get("/kylin/api/jobs?time_filter=4&sort_by=bogus", language: "zh");
        AssertError(answer, 500, "KE-010000003(非法参数)：选择的排序条件\"bogus\"无效。请重新选择", "KE-010000003");
    }

    [Test]
    public void AcceptLanguage_Zh_UnknownErrorUsesTheChineseDescription()
    {
        var answer = Http.Get("/kylin/api/jobs?time_filter=7", language: "zh");
        AssertError(answer, 500, "KE-000000001(未知错误码)： Can not find the JobTimeFilterEnum by code: 7", null);
    }

    [TestCase("en")]
    [TestCase("fr-FR")]
    [TestCase(null)]
    public void AcceptLanguage_OtherOrNone_AnswersInEnglish(string? language)
    {
        var answer = Http.Get("/kylin/api/jobs?time_filter=4&project=nope", language: language);
        Assert.That((string?)answer.Json["msg"], Is.EqualTo("KE-010001201: Can't find project \"nope\". Please check and try again."));
    }

    [Test]
    public void UnknownKylinPath_IsA404NamingThePath()
    {
        var answer = Http.Get("/kylin/api/nothing/here");
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(404));
            Assert.That((string?)answer.Json["path"], Is.EqualTo("/kylin/api/nothing/here"));
            Assert.That(answer.Text, Does.Not.Contain("\"Status\""));
        });
    }

    [Test]
    public void UnknownKylinPath_WithoutCredentials_IsRefusedFirst()
    {
        Assert.That(Http.Get("/kylin/api/nothing/here", authorization: null).Status, Is.EqualTo(401));
    }

    [Test]
    public void PathOutsideKylin_IsA404NamingThePath()
    {
        var answer = Http.Get("/somewhere/else", authorization: null);
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(404));
            Assert.That((string?)answer.Json["path"], Is.EqualTo("/somewhere/else"));
        });
    }

    [Test]
    public void WrongMethod_OnAKylinPath_IsSprings405WithAllow()
    {
        var answer = Http.Send(HttpMethod.Patch, "/kylin/api/jobs?time_filter=4", "{}");
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(405));
            Assert.That((string?)answer.Json["error"], Is.EqualTo("Method Not Allowed"));
            Assert.That(answer.Response.Content.Headers.Allow, Is.Not.Empty);
        });
    }

    [Test]
    public void TrailingSlash_IsTheSameEndpoint()
    {
        Assert.That(Http.Get("/kylin/api/jobs/?time_filter=4").Status, Is.EqualTo(200));
    }
}
