using KylinMock.Tests.Support;

namespace KylinMock.Tests.Spring;

/// <summary>Issue 23, item 10: Spring Security's session against Basic credentials, and Spring Session's cookie reading.</summary>
public class SessionTests
{
    private const string Jobs = "/kylin/api/jobs?time_filter=4";

    [Test]
    public void Item10_LiveSessionPlusWrongPasswordOfItsUser_Answers200_AndNeverLocks()
    {
        // BasicAuthenticationFilter.authenticationIsRequired: the session's authenticated ADMIN matches the header's
        // user name, so the password is not checked and nothing counts toward the lock.
        using var live = new LiveServer();
        var cookie = Login(live);
        var wrong = KylinHttp.Basic("ADMIN", "wrong");
        var answers = Enumerable.Range(0, 3).Select(_ => live.Http.Send(HttpMethod.Get, Jobs, authorization: wrong, cookie: cookie).Status).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(answers, Is.All.EqualTo(200));
            Assert.That(live.Http.Get(Jobs).Status, Is.EqualTo(200), "ADMIN is not locked");
        });
    }

    [Test]
    public void Item10_LiveSessionPlusWrongPasswordOfAnotherUser_IsAuthenticated_AndRefused()
    {
        // authenticationIsRequired: another user name in the header means the credentials are checked.
        using var live = new LiveServer();
        var cookie = Login(live);
        Assert.That(live.Http.Send(HttpMethod.Get, Jobs, authorization: KylinHttp.Basic("MODELER", "wrong"), cookie: cookie).Status, Is.EqualTo(401));
    }

    [Test]
    public void Item10_DuplicatedCookie_StaleThenValid_Authenticates()
    {
        // SessionRepositoryFilter.getRequestedSession: each cookie value is looked up in turn; the first live one wins.
        using var live = new LiveServer();
        var cookie = Login(live);
        var name = cookie.Split('=')[0];
        Assert.That(live.Http.Send(HttpMethod.Get, Jobs, authorization: null, cookie: $"{name}=c3RhbGU=; {cookie}").Status, Is.EqualTo(200));
    }

    private static string Login(LiveServer live) =>
        live.Http.Send(HttpMethod.Post, "/kylin/api/user/authentication").Response.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
}
