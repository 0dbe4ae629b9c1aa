using System.Text.RegularExpressions;
using KylinMock.Errors;
using KylinMock.Http;
using Newtonsoft.Json.Linq;

namespace KylinMock.Dashboard;

/// <summary>
/// <c>GET /__kylinmock/view/kylin/api/jobs...</c>: Kylin's own list, detail and step-output answers as the
/// dashboard reads them, so the page shows exactly what a client would get. An observer must not disturb
/// what it observes: these reads are not journaled, trip no fault, need no Basic credentials and count
/// no failed login (the control token guards them like every control operation).
/// <c>GET /__kylinmock/view/projects</c> names the projects for the page's filter.
/// </summary>
internal static partial class DashboardView
{
    private const string Prefix = ControlEndpoint.Prefix + "/view";

    public static KylinAnswer Handle(ServerContext server, ControlRequest request)
    {
        if (request.Method != "GET")
        {
            throw new ControlException(404, $"no control operation {request.Method} {request.Http.Path}");
        }

        var path = request.Http.Path[Prefix.Length..];
        if (path == "/projects")
        {
            return ControlEndpoint.Json(200, new JObject { ["projects"] = new JArray(server.Store.Projects().Select(p => p.Name)) });
        }

        IKylinOperation operation =
            ListPath().IsMatch(path) ? new GetJobListProvider(server)
            : DetailPath().IsMatch(path) ? new GetJobDetailProvider(server)
            : OutputPath().IsMatch(path) ? new GetJobOutputProvider(server)
            : throw new ControlException(404, $"no control operation {request.Method} {request.Http.Path}");
        var kylin = request.Http.WithPath(path);
        try
        {
            return operation.Handle(kylin, new RequestContext(Language.En, MediaTypes.Json, null));
        }
        catch (Exception e)
        {
            // Kylin's message, in the control plane's shape.
            var envelope = ErrorEnvelope.From(e, Language.En, kylin.RequestUrl);
            return ControlEndpoint.Json(envelope.HttpStatus == 200 ? 500 : envelope.HttpStatus, new JObject { ["error"] = envelope.Msg, ["code"] = envelope.ErrorCode });
        }
    }

    [GeneratedRegex("^/kylin/api/jobs/?$", RegexOptions.Multiline)]
    private static partial Regex ListPath();

    [GeneratedRegex(JobPath.Detail, RegexOptions.Multiline)]
    private static partial Regex DetailPath();

    [GeneratedRegex(JobPath.Output, RegexOptions.Multiline)]
    private static partial Regex OutputPath();
}
