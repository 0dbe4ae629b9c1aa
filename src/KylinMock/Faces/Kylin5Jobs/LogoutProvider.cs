using KylinMock.Answers;
using KylinMock.Security;

namespace KylinMock.Http;

/// <summary>
/// <c>/kylin/api/j_spring_security_logout</c> (<c>kylinSecurity.xml</c> logout): invalidates the session the cookie names
/// and answers 200 (inferred: the success handler's body is not researched). Its <c>delete-cookies="JSESSIONID"</c>
/// names another cookie, so the session cookie is not cleared.
/// </summary>
internal sealed class LogoutProvider(ServerContext server) : IKylinOperation
{
    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        server.Backend.Logout(request.Header("Cookie"));
        return new KylinAnswer(200, context.ContentType, EnvelopeJson.Success(w => w.WriteValue(string.Empty)));
    }
}
