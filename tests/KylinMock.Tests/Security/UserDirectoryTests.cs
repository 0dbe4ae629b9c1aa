using System.Text;
using KylinMock.Clocks;
using KylinMock.Errors;
using KylinMock.Security;

namespace KylinMock.Tests.Security;

/// <summary>
/// Basic logins as Kylin's security filter checks them (NBasicAuthenticationEntryPoint, KylinUserManager, UserLockRuleUtil):
/// the password compared on every request, the lock after three failures, and nothing kept from one login to the next.
/// </summary>
public sealed class UserDirectoryTests
{
    private readonly ManualClock clock = new(new DateTimeOffset(2026, 3, 15, 12, 0, 0, TimeSpan.Zero));

    private static string Basic(string user, string password) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password));

    private UserDirectory Users() => new([KylinUser.Admin, new KylinUser("ANALYST", "secret")], clock);

    [Test]
    public void Authenticate_RightPassword_GivesTheAccount()
    {
        Assert.That(Users().Authenticate(Basic("admin", "KYLIN"))?.User.Username, Is.EqualTo("ADMIN"));
    }

    [Test]
    public void Authenticate_WrongPasswordAfterARightOne_IsRefused()
    {
        // Every request's password is compared: a digest remembered from the last login must not let the next one through.
        var users = Users();
        Assert.That(users.Authenticate(Basic("ADMIN", "KYLIN")), Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.Throws<KylinException>(() => users.Authenticate(Basic("ADMIN", "kylin")));
            Assert.Throws<KylinException>(() => users.Authenticate(Basic("ANALYST", "KYLIN")));
            Assert.That(users.Authenticate(Basic("ANALYST", "secret"))?.User.Username, Is.EqualTo("ANALYST"));
        });
    }

    [Test]
    public void Authenticate_NoBasicCredentials_IsNoUser()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Users().Authenticate(null), Is.Null);
            Assert.That(Users().Authenticate("Bearer abc"), Is.Null);
        });
    }

    [Test]
    public void Authenticate_CredentialsThatDoNotDecode_AreA401()
    {
        var error = Assert.Throws<KylinException>(() => Users().Authenticate("Basic %%%"));
        Assert.That(error!.HttpStatus, Is.EqualTo(401));
    }

    [Test]
    public void Authenticate_ThirdWrongPassword_LocksTheUserForThirtySeconds()
    {
        // UserLockRuleUtil: three failures lock the user for 30 s; the right password is refused until then.
        var users = Users();
        for (var i = 0; i < 3; i++)
        {
            Assert.Throws<KylinException>(() => users.Authenticate(Basic("ADMIN", "wrong")));
        }

        Assert.Throws<KylinException>(() => users.Authenticate(Basic("ADMIN", "KYLIN")));
        clock.Advance(TimeSpan.FromSeconds(31));
        Assert.That(users.Authenticate(Basic("ADMIN", "KYLIN")), Is.Not.Null);
    }
}
