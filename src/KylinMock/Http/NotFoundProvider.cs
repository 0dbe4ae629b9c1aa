using WireMock;
using WireMock.ResponseProviders;
using WireMock.Settings;

namespace KylinMock.Http;

/// <summary>
/// Every path nobody else answers: Spring Boot's JSON 404 naming the path (behind the security
/// filter for <c>/kylin/api/</c> paths), never WireMock's own "no matching mapping" body.
/// </summary>
internal sealed class NotFoundProvider(ServerContext server) : IResponseProvider
{
    private readonly KylinEndpoint secured = new(server, new Dictionary<string, IKylinOperation>(), anonymousAllowed: false);

    /// <inheritdoc />
    public Task<(IResponseMessage Message, IMapping? Mapping)> ProvideResponseAsync(
        IMapping mapping, Microsoft.AspNetCore.Http.HttpContext context, IRequestMessage requestMessage, WireMockServerSettings settings)
    {
        context.Items[SafetyNet.AnsweredKey] = true;
        var path = requestMessage.AbsolutePath ?? requestMessage.Path ?? "/";
        KylinAnswer answer;
        if (path.StartsWith("/kylin/api/", StringComparison.Ordinal))
        {
            answer = secured.Answer(requestMessage, context);
            if (answer.Status == 405)
            {
                answer = SpringErrorJson.Answer(404, "Not Found", path, server.NowMs);
            }
        }
        else
        {
            answer = SpringErrorJson.Answer(404, "Not Found", path, server.NowMs);
        }

        return Task.FromResult<(IResponseMessage, IMapping?)>((KylinEndpoint.ToMessage(answer), null));
    }
}
