using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.Server;

namespace KylinMock.Http;

/// <summary>The whole HTTP surface on one screen: every Kylin path, the control plane and the catch-all 404.</summary>
internal static class KylinRoutes
{
    public static void Register(WireMockServer wireMock, ServerContext server)
    {
        Kylin(wireMock, server, "^/kylin/api/jobs/?$", new()
        {
            ["GET"] = new GetJobListProvider(server),
            ["DELETE"] = new DropJobsProvider(server),
        });
        Kylin(wireMock, server, JobPath.Detail, new() { ["GET"] = new GetJobDetailProvider(server) });
        Kylin(wireMock, server, JobPath.Output, new() { ["GET"] = new GetJobOutputProvider(server) });
        Kylin(wireMock, server, "^/kylin/api/jobs/status/?$", new()
        {
            ["PUT"] = new UpdateJobStatusProvider(server),
        });
        var authentication = new UserAuthenticationProvider();
        Kylin(wireMock, server, "^/kylin/api/user/authentication/?$", new()
        {
            ["GET"] = authentication,
            ["POST"] = authentication,
        }, anonymousAllowed: true);

        wireMock.Given(Request.Create().WithPath(new RegexMatcher("^/__kylinmock(/.*)?$")).UsingAnyMethod())
            .AtPriority(1)
            .RespondWith(new ControlEndpoint(server));
        wireMock.Given(Request.Create().UsingAnyMethod()).AtPriority(int.MaxValue).RespondWith(new NotFoundProvider(server));
    }

    private static void Kylin(WireMockServer wireMock, ServerContext server, string pathRegex, Dictionary<string, IKylinOperation> operations, bool anonymousAllowed = false)
    {
        wireMock.Given(Request.Create().WithPath(new RegexMatcher(pathRegex)).UsingAnyMethod())
            .AtPriority(1)
            .RespondWith(new KylinEndpoint(server, operations, anonymousAllowed));
    }
}
