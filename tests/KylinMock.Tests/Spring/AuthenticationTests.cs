using KylinMock.Tests.Support;

namespace KylinMock.Tests.Spring;

/// <summary>HTTP Basic as Kylin's security filter applies it, and /kylin/api/user/authentication.</summary>
public class AuthenticationTests
{
    private const string ListPath = "/kylin/api/jobs?time_filter=4&page_size=1";

    private static readonly KylinUser Analyst = new("analyst", "s3cret");

    [Test]
    public void NoCredentials_Is401KE010003207_IndentedWithTheFullUrl()
    {
        using var kylin = Estates.StartCaptured(out _);
        using var http = new KylinHttp(kylin.Url);
        var answer = http.Get(ListPath, authorization: null);
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(401));
            Assert.That(answer.ContentType, Does.StartWith("application/json"));
            Assert.That(answer.Text, Does.StartWith("{\n  \"code\" : \"999\",\n  \"data\" : null,"));
            Assert.That((string?)answer.Json["msg"], Is.EqualTo("KE-010003207: Can't authenticate. Please login again."));
            Assert.That((string?)answer.Json["url"], Is.EqualTo(kylin.Url + ListPath));
            Assert.That(answer.Response.Headers.WwwAuthenticate, Is.Empty);
        });
    }

    [TestCase("ADMIN", "wrong")]
    [TestCase("nobody", "KYLIN")]
    public void WrongCredentials_Are401KE010003208(string user, string password)
    {
        using var kylin = Estates.StartCaptured(out _);
        using var http = new KylinHttp(kylin.Url);
        var answer = http.Get(ListPath, authorization: KylinHttp.Basic(user, password));
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(401));
            Assert.That((string?)answer.Json["msg"], Is.EqualTo("KE-010003208: Invalid username or password. Please check and try again."));
        });
    }

    [Test]
    public void UndecodableBasicToken_Is401KE010003208()
    {
        using var kylin = Estates.StartCaptured(out _);
        using var http = new KylinHttp(kylin.Url);
        Assert.That((string?)http.Get(ListPath, authorization: "Basic !!!notbase64").Json["error_code"], Is.EqualTo("KE-010003208"));
    }

    [Test]
    public void UserName_MatchesCaseInsensitively()
    {
        using var kylin = Estates.StartCaptured(out _);
        using var http = new KylinHttp(kylin.Url);
        Assert.That(http.Get(ListPath, authorization: KylinHttp.Basic("admin", "KYLIN")).Status, Is.EqualTo(200));
    }

    [Test]
    public void UsersFromOptions_ReplaceTheDefault()
    {
        using var kylin = Estates.StartCaptured(out _, new KylinMockOptions { Users = [Analyst] });
        using var http = new KylinHttp(kylin.Url);
        Assert.Multiple(() =>
        {
            Assert.That(http.Get(ListPath, authorization: KylinHttp.Basic("analyst", "s3cret")).Status, Is.EqualTo(200));
            Assert.That(http.Get(ListPath).Status, Is.EqualTo(401));
        });
    }

    [Test]
    public void DisabledUser_Is401LoginFailed()
    {
        using var kylin = Estates.StartCaptured(out _, new KylinMockOptions { Users = [KylinUser.Admin, Analyst with { Disabled = true }] });
        using var http = new KylinHttp(kylin.Url);
        var answer = http.Get(ListPath, authorization: KylinHttp.Basic("analyst", "s3cret"));
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(401));
            Assert.That((string?)answer.Json["msg"], Is.EqualTo("KE-010003008(Login Failed):This user is disabled. Please contact admin."));
            Assert.That((string?)answer.Json["error_code"], Is.EqualTo("KE-010003008"));
        });
    }

    [Test]
    public void ThirdWrongPassword_LocksTheUser_UntilThirtySecondsPassOnTheClock()
    {
        using var kylin = Estates.StartCaptured(out var clock);
        using var http = new KylinHttp(kylin.Url);
        var wrong = KylinHttp.Basic("ADMIN", "nope");
        for (var i = 0; i < 3; i++)
        {
            // The failing request itself is still the plain 401.
            Assert.That((string?)http.Get(ListPath, authorization: wrong).Json["error_code"], Is.EqualTo("KE-010003208"));
        }

        clock.Advance(TimeSpan.FromSeconds(1));
        var locked = http.Get(ListPath);
        Assert.Multiple(() =>
        {
            Assert.That(locked.Status, Is.EqualTo(400));
            Assert.That((string?)locked.Json["msg"], Is.EqualTo(
                "KE-010003005(User Locked):For security concern, account ADMIN has been locked. Please try again in 29 seconds. Login failure again will be locked for 1 minutes.."));
        });

        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.That(http.Get(ListPath).Status, Is.EqualTo(200));
    }

    [Test]
    public void Success_ClearsTheFailedLoginCount()
    {
        using var kylin = Estates.StartCaptured(out _);
        using var http = new KylinHttp(kylin.Url);
        var wrong = KylinHttp.Basic("ADMIN", "nope");
        http.Get(ListPath, authorization: wrong);
        http.Get(ListPath, authorization: wrong);
        Assert.That(http.Get(ListPath).Status, Is.EqualTo(200));
        http.Get(ListPath, authorization: wrong);
        http.Get(ListPath, authorization: wrong);
        Assert.That(http.Get(ListPath).Status, Is.EqualTo(200), "two failures after a success do not lock");
    }

    [Test]
    public void LockedUser_FourthFailure_LocksForAMinute_AndSaysFiveNext()
    {
        var start = Estates.Now.AddSeconds(-40);
        using var kylin = Estates.StartCaptured(out var clock, new KylinMockOptions { Users = [KylinUser.Admin with { WrongTime = 3, LockedTime = start }] });
        using var http = new KylinHttp(kylin.Url);
        Assert.That((string?)http.Get(ListPath, authorization: KylinHttp.Basic("ADMIN", "nope")).Json["error_code"], Is.EqualTo("KE-010003208"));
        clock.Advance(TimeSpan.FromSeconds(0.5));
        Assert.That((string?)http.Get(ListPath).Json["msg"], Is.EqualTo(
            "KE-010003005(User Locked):For security concern, account ADMIN has been locked. Please try again in 59 seconds. Login failure again will be locked for 5 minutes.."));
    }

    [Test]
    public void PermanentlyLockedUser_IsRefusedWithHttp400()
    {
        using var kylin = Estates.StartCaptured(out _, new KylinMockOptions { Users = [KylinUser.Admin with { WrongTime = 10 }], ChineseMessages = true });
        using var http = new KylinHttp(kylin.Url);
        var answer = http.Get(ListPath, language: "zh");
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(400));
            Assert.That((string?)answer.Json["msg"], Is.EqualTo("KE-010003005(用户被锁定)：用户 ADMIN 已被永久锁定，请联系您的系统管理员进行重置。"));
        });
    }

    // Issue 10, item 13: Kylin serializes no password at all: AppConfig's MVC ObjectMapper registers
    // passwordFilter = serializeAllExcept("password"), and ManagedUser carries @JsonFilter("passwordFilter")
    // (src/common-service/.../config/AppConfig.java); keys in ManagedUser's documented order.
    [TestCase("GET")]
    [TestCase("POST")]
    public void UserAuthentication_ReturnsTheUserWithoutAnyPassword_InKylinsKeyOrder(string method)
    {
        using var kylin = Estates.StartCaptured(out _);
        using var http = new KylinHttp(kylin.Url);
        var answer = http.Send(new HttpMethod(method), "/kylin/api/user/authentication", method == "POST" ? "{}" : null);
        var user = (Newtonsoft.Json.Linq.JObject)answer.Data;
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200));
            Assert.That((string?)user["username"], Is.EqualTo("ADMIN"));
            Assert.That(user["authorities"]!.Select(a => (string?)a["authority"]), Is.EqualTo(new[] { "ROLE_ADMIN", "ALL_USERS" }));
            Assert.That(user.Properties().Select(p => p.Name), Is.EqualTo(new[]
            {
                "username", "authorities", "disabled", "defaultPassword", "locked", "uuid", "last_modified", "create_time",
                "version", "mvcc", "locked_time", "wrong_time", "first_login_failed_time",
            }));
            Assert.That(answer.Text, Does.Not.Contain("password\"").And.Not.Contain("$2a$").And.Not.Contain("KYLIN\""));
        });
    }

    // Issue 10, item 13: the old field was an unsalted SHA-512 a six-word dictionary reversed; the
    // directory now keeps only a digest keyed per process, so two servers hold different traces.
    [Test]
    public void UserDirectory_KeepsNoClearPassword_AndDigestsDifferPerServer()
    {
        var clock = TimeProvider.System;
        var one = new KylinMock.Security.UserDirectory([KylinUser.Admin], clock);
        var two = new KylinMock.Security.UserDirectory([KylinUser.Admin], clock);
        var a = one.Authenticate(KylinHttp.AdminBasic)!;
        var b = two.Authenticate(KylinHttp.AdminBasic)!;
        Assert.Multiple(() =>
        {
            Assert.That(a.User.Password, Is.Empty, "the clear password is not kept");
            Assert.That(a.PasswordDigest, Is.Not.EqualTo(b.PasswordDigest));
            Assert.That(a.PasswordDigest, Is.Not.EqualTo(System.Security.Cryptography.SHA512.HashData("ADMIN:KYLIN"u8.ToArray())));
            Assert.That(() => one.Authenticate(KylinHttp.Basic("ADMIN", "KYLIn")), Throws.TypeOf<KylinMock.Errors.KylinException>());
        });
    }

    [Test]
    public void UserAuthentication_WithoutCredentials_Is401KE010003209()
    {
        using var kylin = Estates.StartCaptured(out _);
        using var http = new KylinHttp(kylin.Url);
        var answer = http.Get("/kylin/api/user/authentication", authorization: null);
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(401));
            Assert.That((string?)answer.Json["msg"], Is.EqualTo("KE-010003209: Can't find authentication information."));
        });
    }

    [Test]
    public void UserAuthentication_WithWrongCredentials_Is401KE010003208()
    {
        using var kylin = Estates.StartCaptured(out _);
        using var http = new KylinHttp(kylin.Url);
        Assert.That((string?)http.Get("/kylin/api/user/authentication", authorization: KylinHttp.Basic("ADMIN", "x")).Json["error_code"], Is.EqualTo("KE-010003208"));
    }
}
