using KylinMock.Jobs;
using KylinMock.Security;
using KylinMock.Tests.Support;

namespace KylinMock.Tests.Spring;

/// <summary>Sessions, Spring's HTTP details, the language, and the endpoints kystudio needs (kylin5-job-api.md, "Second pass": Spring Security, Spring MVC and the kystudio start-up calls).</summary>
public class SpringAndKystudioTests
{
    private const string Jobs = "/kylin/api/jobs?time_filter=4";

    [Test]
    public void Login_StartsASession_WhoseCookieAloneAuthenticates()
    {
        // BootstrapServer @EnableSpringHttpSession; kylinSecurity.xml; DefaultCookieSerializer defaults.
        using var live = new LiveServer();
        var login = live.Http.Send(HttpMethod.Post, "/kylin/api/user/authentication");
        var setCookie = login.Response.Headers.GetValues("Set-Cookie").Single();
        var cookie = setCookie.Split(';')[0];
        var later = live.Http.Get(Jobs, authorization: null, accept: "application/vnd.apache.kylin-v4+json");
        Assert.Multiple(() =>
        {
            Assert.That(login.Status, Is.EqualTo(200));
            Assert.That(setCookie, Does.StartWith("7c6c6e3e5daa430f9b9005890733664cf6e995d4ff23aa6b8043935382df64b6="));
            Assert.That(setCookie, Does.EndWith("; Path=/kylin/; HttpOnly; SameSite=Lax"));
            Assert.That(SessionStore.NameFor("kylin_metadata@jdbc,url=jdbc:postgresql://localhost:5432/kylin".Split('@')[0] + "_jdbc_postgresql___localhost_5432_kylin"),
                Is.EqualTo(SessionStore.CookieName), "sha256 of the default metadata URL's identifier");
            Assert.That(later.Status, Is.EqualTo(401));
            Assert.That(live.Http.Send(HttpMethod.Get, Jobs, authorization: null, cookie: cookie).Status, Is.EqualTo(200));
        });
    }

    [Test]
    public void Session_ExpiresAfter30IdleMinutes_OnTheMocksClock()
    {
        using var live = new LiveServer();
        var cookie = Cookie(live);
        live.AdvanceSeconds(29 * 60);
        Assert.That(live.Http.Send(HttpMethod.Get, Jobs, authorization: null, cookie: cookie).Status, Is.EqualTo(200), "used: idle time starts again");
        live.AdvanceSeconds(30 * 60);
        var expired = live.Http.Send(HttpMethod.Get, Jobs, authorization: null, cookie: cookie);
        Assert.Multiple(() =>
        {
            Assert.That(expired.Status, Is.EqualTo(401));
            Assert.That((string?)expired.Json["error_code"], Is.EqualTo("KE-010003207"));
        });
    }

    [TestCase("text/html")]
    [TestCase("application/vnd.apache.kylin-v4+json")]
    public void Logout_InvalidatesTheSession_AndRedirectsToTheContextRootWhateverTheAccept(string accept)
    {
        // kylinSecurity.xml <scr:logout invalidate-session delete-cookies="JSESSIONID" success-handler-ref>: Spring Security's
        // LogoutFilter answers before Spring MVC (kystudio sends Accept: text/html); SimpleUrlLogoutSuccessHandler (the
        // kylin.security.custom.logout-success-handler default) redirects to "/", the context root /kylin/.
        using var live = new LiveServer();
        var cookie = Cookie(live);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(live.Kylin.Url) };
        using var logout = new HttpRequestMessage(HttpMethod.Get, "/kylin/api/j_spring_security_logout");
        logout.Headers.TryAddWithoutValidation("Accept", accept);
        logout.Headers.TryAddWithoutValidation("Cookie", cookie);
        using var answer = client.Send(logout);
        Assert.Multiple(() =>
        {
            Assert.That((int)answer.StatusCode, Is.EqualTo(302));
            Assert.That(answer.Headers.Location?.ToString(), Is.EqualTo(live.Kylin.Url.TrimEnd('/') + "/kylin/"));
            Assert.That(answer.Headers.GetValues("Set-Cookie").Single(), Does.StartWith("JSESSIONID=; Max-Age=0;"), "CookieClearingLogoutHandler");
            Assert.That(answer.Content.Headers.ContentLength, Is.EqualTo(0));
            Assert.That(live.Http.Send(HttpMethod.Get, Jobs, authorization: null, cookie: cookie).Status, Is.EqualTo(401));
        });
    }

    [Test]
    public void Logout_V2Accept_IsRefusedByTheV2ApiFilter()
    {
        // V2ApiFilter (@Order(-400)) runs before Spring Security: no v2 mapping serves the logout URL.
        using var live = new LiveServer();
        var answer = live.Http.Send(HttpMethod.Get, "/kylin/api/j_spring_security_logout", authorization: null, accept: "application/vnd.apache.kylin-v2+json");
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(500), answer.Text);
            Assert.That((string?)answer.Json["error"], Is.EqualTo("Internal Server Error"));
        });
    }

    [Test]
    public void Answers_CarrySpringSecurityDefaultHeaders_AndTheUtf8Charset()
    {
        // kylinSecurity.xml (Spring Security 5.7 defaults, frame options SAMEORIGIN); application.yaml encoding.force.
        using var live = new LiveServer();
        var answer = live.Http.Get(Jobs);
        var headers = answer.Response.Headers;
        Assert.Multiple(() =>
        {
            Assert.That(headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
            Assert.That(headers.GetValues("X-XSS-Protection"), Is.EqualTo(new[] { "1; mode=block" }));
            Assert.That(headers.GetValues("X-Frame-Options"), Is.EqualTo(new[] { "SAMEORIGIN" }));
            Assert.That(headers.NonValidated["Cache-Control"].ToString(), Is.EqualTo("no-cache, no-store, max-age=0, must-revalidate"));
            Assert.That(headers.GetValues("Pragma"), Is.EqualTo(new[] { "no-cache" }));
            Assert.That(answer.Response.Content.Headers.ContentType?.CharSet, Is.EqualTo("UTF-8"));
            var refused = live.Http.Get(Jobs, authorization: null).Response.Content.Headers.ContentType;
            Assert.That((refused?.MediaType, refused?.CharSet), Is.EqualTo(("application/json", "UTF-8")), "HttpUtil.setErrorResponse");
        });
    }

    [Test]
    public void Head_AnswersLikeGetWithoutABody_AndOptionsListsTheMethods()
    {
        // Spring MVC 5.3: HEAD goes to the GET handler; OPTIONS answers 200 with Allow.
        using var live = new LiveServer();
        var head = live.Http.Send(HttpMethod.Head, Jobs);
        var options = live.Http.Send(HttpMethod.Options, "/kylin/api/jobs");
        Assert.Multiple(() =>
        {
            Assert.That(head.Status, Is.EqualTo(200));
            Assert.That(head.Text, Is.Empty);
            Assert.That(options.Status, Is.EqualTo(200));
            Assert.That(options.Response.Content.Headers.Allow, Is.EqualTo(new[] { "GET", "DELETE", "HEAD", "OPTIONS" }));
            Assert.That(live.Http.Send(HttpMethod.Options, "/kylin/api/jobs", authorization: null).Status, Is.EqualTo(401), "after authentication");
        });
    }

    [Test]
    public void SpringErrorBody_HasNoMessage_AndAnEpochMillisecondTimestamp()
    {
        // Boot 2.7 DefaultErrorAttributes without message, written by Kylin's plain ObjectMapper.
        using var live = new LiveServer();
        var answer = live.Http.Get("/kylin/api/nothing/here");
        Assert.Multiple(() =>
        {
            Assert.That(answer.Json.Properties().Select(p => p.Name), Is.EqualTo(new[] { "timestamp", "status", "error", "path" }));
            Assert.That((long)answer.Json["timestamp"]!, Is.EqualTo(LiveServer.T0));
        });
    }

    [TestCase("zh")]
    [TestCase("zh-CN")]
    [TestCase("cn")]
    public void AcceptLanguage_AnyValue_AnswersInEnglishByDefault(string language)
    {
        // MsgPicker.setMsg: the Chinese branch is commented out on the kylin5 branch.
        using var live = new LiveServer();
        var answer = live.Http.Get(Jobs + "&project=nope", language: language);
        Assert.That((string?)answer.Json["msg"], Is.EqualTo("KE-010001201: Can't find project \"nope\". Please check and try again."));
    }

    [Test]
    public void AdminInstanceInfoAndPublicConfig_AnswerWithoutCredentials()
    {
        // NAdminController (permitAll).
        using var live = new LiveServer();
        var info = live.Http.Get("/kylin/api/admin/instance_info", authorization: null, accept: "application/vnd.apache.kylin-v4+json");
        var config = live.Http.Get("/kylin/api/admin/public_config", authorization: null, accept: "application/vnd.apache.kylin-v4+json");
        var text = (string)config.Data!;
        Assert.Multiple(() =>
        {
            Assert.That(info.Text, Is.EqualTo("{\"code\":\"000\",\"data\":{\"instance.timezone\":\"UTC\"},\"msg\":\"\"}"));
            Assert.That(text, Does.StartWith("kylin.web.timezone=UTC\n"));
            Assert.That(text, Does.Contain("\nkylin.security.profile=testing\n"));
            Assert.That(text, Does.Contain("\nkylin.env=\n"));
            Assert.That(text, Does.EndWith("resource_group_enabled=\n"), "every line ends with a newline, the last one too");
        });
    }

    [Test]
    public void Statistics_CountTheDaysJobsWereSubmitted_AndBucketByDay()
    {
        // JobStatisticsManager.getJobStats / getJobCountByTime; JobController statistics endpoints.
        using var live = new LiveServer();
        live.Submit(JobPlan.Succeeds(1_000, 1_000, 1_000, 1_000));
        live.Submit(JobPlan.Succeeds(1_000, 1_000, 1_000, 1_000));
        live.AdvanceSeconds(10);
        var day = LiveServer.T0 - (LiveServer.T0 % 86_400_000);
        var stats = live.Http.Get($"/kylin/api/jobs/statistics?project=p&start_time={day}&end_time={day + 86_400_000}");
        var count = live.Http.Get($"/kylin/api/jobs/statistics/count?project=p&start_time={day - 86_400_000}&end_time={day}&dimension=day");
        var perByte = live.Http.Get($"/kylin/api/jobs/statistics/duration_per_byte?project=p&start_time={day}&end_time={day}&dimension=day");
        var key = DateTimeOffset.FromUnixTimeMilliseconds(day).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Multiple(() =>
        {
            Assert.That((int)stats.Data["count"]!, Is.EqualTo(2));
            Assert.That((long)stats.Data["total_duration"]!, Is.EqualTo(6_000));
            Assert.That((long)stats.Data["total_byte_size"]!, Is.Positive);
            Assert.That(((Newtonsoft.Json.Linq.JObject)count.Data).Properties().Select(p => p.Name).Last(), Is.EqualTo(key));
            Assert.That((int)count.Data[key]!, Is.EqualTo(2));
            Assert.That((double)perByte.Data[key]!, Is.Positive);
            Assert.That((string?)live.Http.Get("/kylin/api/jobs/statistics?project=p&start_time=0").Json["error_code"], Is.EqualTo("KE-010043201"));
        });
    }

    private static string Cookie(LiveServer live) =>
        live.Http.Send(HttpMethod.Post, "/kylin/api/user/authentication").Response.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
}
