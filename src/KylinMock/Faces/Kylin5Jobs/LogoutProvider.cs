using KylinMock.Answers;
using KylinMock.Security;

namespace KylinMock.Http;

/// <summary>
/// <c>/kylin/api/j_spring_security_logout</c> (<c>kylinSecurity.xml</c>: <c>&lt;scr:logout invalidate-session="true"
/// delete-cookies="JSESSIONID" success-handler-ref="logoutSuccessHandler"/&gt;</c>, CSRF disabled, so any method): Spring
/// Security's LogoutFilter, before authentication and content negotiation. It invalidates the session the cookie names;
/// CookieClearingLogoutHandler expires <c>JSESSIONID</c> (another cookie than the session's, which stays); the
/// <c>kylin.security.custom.logout-success-handler</c> default, SimpleUrlLogoutSuccessHandler, redirects 302 to the
/// context root <c>/kylin/</c> (absolute, as Spring Boot's Tomcat writes it: inferred), with no body.
/// </summary>
internal sealed class LogoutProvider(ServerContext server) : IKylinOperation
{
    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        server.Backend.Logout(request.Header("Cookie"));
        var host = request.Header("Host") is { Length: > 0 } h ? h : "localhost:" + server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new KylinAnswer(302, string.Empty, [])
        {
            Headers = new Dictionary<string, string>
            {
                ["Location"] = "http://" + host + "/kylin/",
                ["Set-Cookie"] = "JSESSIONID=; Max-Age=0; Expires=Thu, 01-Jan-1970 00:00:10 GMT; Path=/kylin/",
            },
        };
    }
}
