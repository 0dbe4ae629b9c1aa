using System.Text.RegularExpressions;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseProviders;
using WireMock.Server;
using WireMock.Settings;

namespace KylinMock.Http;

/// <summary>The whole HTTP surface on one screen: every Kylin path, the control plane and the catch-all 404.</summary>
internal static partial class KylinRoutes
{
    public static void Register(WireMockServer wireMock, ServerContext server)
    {
        var authentication = new UserAuthenticationProvider();
        var table = new RouteTable(
            [
                Kylin(server, JobsPath(), new()
                {
                    ["GET"] = new GetJobListProvider(server),
                    ["DELETE"] = new DropJobsProvider(server),
                }),
                Kylin(server, DetailPath(), new() { ["GET"] = new GetJobDetailProvider(server) }),
                Kylin(server, OutputPath(), new() { ["GET"] = new GetJobOutputProvider(server) }),
                Kylin(server, LogPath(), new() { ["GET"] = new DownloadStepLogProvider(server) }),
                Kylin(server, StatisticsPath(), new() { ["GET"] = new JobStatisticsProvider(server, JobStatisticsProvider.Kind.Totals) }),
                Kylin(server, StatisticsCountPath(), new() { ["GET"] = new JobStatisticsProvider(server, JobStatisticsProvider.Kind.Count) }),
                Kylin(server, StatisticsPerBytePath(), new() { ["GET"] = new JobStatisticsProvider(server, JobStatisticsProvider.Kind.DurationPerByte) }),
                Kylin(server, InstanceInfoPath(), new() { ["GET"] = new AdminInstanceInfoProvider(server) }, anonymousAllowed: true),
                Kylin(server, PublicConfigPath(), new() { ["GET"] = new AdminPublicConfigProvider(server) }, anonymousAllowed: true),
                Kylin(server, LogoutPath(), new() { ["GET"] = new LogoutProvider(server), ["POST"] = new LogoutProvider(server) }, anonymousAllowed: true),
                Kylin(server, StatusPath(), new()
                {
                    ["PUT"] = new UpdateJobStatusProvider(server),
                }),
                Kylin(server, AuthenticationPath(), new()
                {
                    ["GET"] = authentication,
                    ["POST"] = authentication,
                }, anonymousAllowed: true),
                new Route(ControlPath(), new ControlEndpoint(server)),
            ],
            new NotFoundProvider(server));

        // One WireMock mapping answers everything: WireMock scores every mapping against every request,
        // so a mapping per path made each request pay for all of them. The table picks the route here.
        wireMock.Given(Request.Create().UsingAnyMethod()).RespondWith(table);
    }

    private static Route Kylin(ServerContext server, Regex path, Dictionary<string, IKylinOperation> operations, bool anonymousAllowed = false) =>
        new(path, new KylinEndpoint(server, operations, anonymousAllowed));

    // The path patterns as WireMock's RegexMatcher applied them (multiline, case-sensitive) to the decoded path.
    [GeneratedRegex("^/kylin/api/jobs/?$", RegexOptions.Multiline)]
    private static partial Regex JobsPath();

    [GeneratedRegex(JobPath.Detail, RegexOptions.Multiline)]
    private static partial Regex DetailPath();

    [GeneratedRegex(JobPath.Output, RegexOptions.Multiline)]
    private static partial Regex OutputPath();

    [GeneratedRegex(JobPath.Log, RegexOptions.Multiline)]
    private static partial Regex LogPath();

    [GeneratedRegex("^/kylin/api/jobs/statistics/?$", RegexOptions.Multiline)]
    private static partial Regex StatisticsPath();

    [GeneratedRegex("^/kylin/api/jobs/statistics/count/?$", RegexOptions.Multiline)]
    private static partial Regex StatisticsCountPath();

    [GeneratedRegex("^/kylin/api/jobs/statistics/duration_per_byte/?$", RegexOptions.Multiline)]
    private static partial Regex StatisticsPerBytePath();

    [GeneratedRegex("^/kylin/api/admin/instance_info/?$", RegexOptions.Multiline)]
    private static partial Regex InstanceInfoPath();

    [GeneratedRegex("^/kylin/api/admin/public_config/?$", RegexOptions.Multiline)]
    private static partial Regex PublicConfigPath();

    [GeneratedRegex("^/kylin/api/j_spring_security_logout/?$", RegexOptions.Multiline)]
    private static partial Regex LogoutPath();

    [GeneratedRegex("^/kylin/api/jobs/status/?$", RegexOptions.Multiline)]
    private static partial Regex StatusPath();

    [GeneratedRegex("^/kylin/api/user/authentication/?$", RegexOptions.Multiline)]
    private static partial Regex AuthenticationPath();

    [GeneratedRegex("^/__kylinmock(/.*)?$", RegexOptions.Multiline)]
    private static partial Regex ControlPath();

    private sealed record Route(Regex Path, IResponseProvider Endpoint);

    /// <summary>The first route whose path matches answers; no route, the catch-all 404.</summary>
    private sealed class RouteTable(Route[] routes, IResponseProvider notFound) : IResponseProvider
    {
        public Task<(IResponseMessage Message, IMapping? Mapping)> ProvideResponseAsync(
            IMapping mapping, Microsoft.AspNetCore.Http.HttpContext context, IRequestMessage requestMessage, WireMockServerSettings settings)
        {
            var path = requestMessage.Path;
            foreach (var route in routes)
            {
                if (path is not null && route.Path.IsMatch(path))
                {
                    return route.Endpoint.ProvideResponseAsync(mapping, context, requestMessage, settings);
                }
            }

            return notFound.ProvideResponseAsync(mapping, context, requestMessage, settings);
        }
    }
}
