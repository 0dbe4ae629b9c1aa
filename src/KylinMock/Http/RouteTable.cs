using KylinMock.Control;
using WireMock;
using WireMock.ResponseProviders;
using WireMock.Settings;

namespace KylinMock.Http;

/// <summary>
/// The one WireMock provider: reads the request once, matches its path once against the table's lines
/// (in their order; for one path, the first line with the request's method), runs Kylin's pipeline or the
/// control plane, and hands the answer to <see cref="SafetyNet"/>, which writes it. WireMock scores every
/// mapping against every request, so one mapping answers everything and the table picks the route here.
/// </summary>
internal sealed class RouteTable : IResponseProvider
{
    private readonly List<Methods<KylinRoute>> kylin = [];
    private readonly List<Methods<KylinRoute>> kylin4 = [];
    private readonly List<Methods<ControlRoute>> control = [];
    private readonly ServerContext server;
    private readonly KylinEndpoint kylinEndpoint;
    private readonly Kylin4.Kylin4Endpoint kylin4Endpoint;
    private readonly ControlEndpoint controlEndpoint;
    private string? viewPrefix;

    public RouteTable(ServerContext server)
    {
        this.server = server;
        kylinEndpoint = new KylinEndpoint(server);
        kylin4Endpoint = new Kylin4.Kylin4Endpoint(server);
        controlEndpoint = new ControlEndpoint(server);
    }

    /// <summary>A Kylin route producing the v4 types: <paramref name="method"/> on <paramref name="path"/> (see <see cref="PathTemplate"/>) answered by <paramref name="operation"/>; <paramref name="anonymous"/> skips Basic auth.</summary>
    public RouteTable Kylin(string method, string path, IKylinOperation operation, bool anonymous = false)
    {
        Line(kylin, path, anonymous).Add(method, new KylinRoute(operation, Produces.V4));
        return this;
    }

    /// <summary>A Kylin route producing <c>application/vnd.apache.kylin-v2+json</c> (a <c>*ControllerV2</c> mapping): chosen only by the v2 Accept; it may share its path and method with a v4 route.</summary>
    public RouteTable KylinV2(string method, string path, IKylinOperation operation, bool anonymous = false)
    {
        Line(kylin, path, anonymous).Add(method, new KylinRoute(operation, Produces.V2));
        return this;
    }

    /// <summary>A Kylin 4 (v1, plain JSON) route, served instead of the Kylin 5 routes when the server is a Kylin 4; <paramref name="anonymous"/> is Kylin 4's <c>permitAll</c>.</summary>
    public RouteTable Kylin4(string method, string path, IKylinOperation operation, bool anonymous = false)
    {
        Line(kylin4, path, anonymous).Add(method, new KylinRoute(operation, Produces.V1));
        return this;
    }

    /// <summary>
    /// A servlet filter's URL (Spring Security's logout): answered before Spring MVC, so whatever the Accept says (the
    /// V2ApiFilter still refuses the v2 Accept), anonymous; no MVC mapping shares it.
    /// </summary>
    public RouteTable KylinFilter(string method, string path, IKylinOperation operation)
    {
        Line(kylin, path, true).Add(method, new KylinRoute(operation, Produces.Filter));
        return this;
    }

    /// <summary>A Kylin route producing plain <c>application/json</c> (a deprecated JDBC mapping such as <c>query4JDBC</c>): chosen by that Accept, no Accept or a wildcard.</summary>
    public RouteTable KylinJson(string method, string path, IKylinOperation operation)
    {
        Line(kylin, path, false).Add(method, new KylinRoute(operation, Produces.Json));
        return this;
    }

    /// <summary>A control route under <c>/__kylinmock</c>; <paramref name="open"/> needs no control token (health).</summary>
    public RouteTable Control(string method, string path, Func<ControlCall, KylinAnswer> handler, bool open = false)
    {
        Line(control, path, open).Add(method, new ControlRoute(handler));
        return this;
    }

    /// <summary>
    /// Kylin's GET routes as the dashboard reads them, under <paramref name="prefix"/> (<c>{prefix}/kylin/api/jobs</c>):
    /// the same answers, but an observer must not disturb what it observes, so they are not journaled, trip no
    /// fault and need no Basic credentials; the control token guards them like every control operation.
    /// </summary>
    public RouteTable View(string prefix)
    {
        viewPrefix = prefix;
        return this;
    }

    /// <inheritdoc />
    public async Task<(IResponseMessage Message, IMapping? Mapping)> ProvideResponseAsync(
        IMapping mapping, Microsoft.AspNetCore.Http.HttpContext context, IRequestMessage requestMessage, WireMockServerSettings settings)
    {
        var request = KylinRequest.From(requestMessage, context, server.Port, server.ChineseMessages);
        KylinAnswer answer;
        if (request.IsControl)
        {
            // Empty segments are ignored (/__kylinmock//clock/ is the clock).
            var path = KylinRequest.ControlPrefix + "/" + string.Join('/', request.Path[KylinRequest.ControlPrefix.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries));
            if (viewPrefix is not null && path.StartsWith(viewPrefix + "/kylin/", StringComparison.Ordinal))
            {
                answer = controlEndpoint.Guarded(request, () => View(request.WithPath(path[viewPrefix.Length..])));
            }
            else
            {
                var (line, route, values) = Find(control, path, request.Method);
                answer = controlEndpoint.Answer(request, route, line?.Flag ?? false, line?.Allow, values);
            }
        }
        else if (server.KylinVersion == 4)
        {
            answer = TomcatRejection.Check(context) is { } rejected ? rejected : await kylin4Endpoint.Answer(request, context, Match(kylin4, request.Path));
        }
        else
        {
            var match = Match(kylin, request.Path);
            answer = TomcatRejection.Check(context) is { } rejected ? rejected
                : match.Lines.Count == 0
                ? kylinEndpoint.NotFound(request)
                : await kylinEndpoint.Answer(request, context, match);
        }

        SafetyNet.Hand(context, answer);
        return (new ResponseMessage(), null);
    }

    private KylinAnswer View(KylinRequest request)
    {
        var found = Match(kylin, request.Path).Find("GET", Produces.V4);
        if (found is not { } served || request.Method.ToUpperInvariant() != "GET")
        {
            throw new ControlException(404, $"no control operation {request.Method.ToUpperInvariant()} {viewPrefix}{request.Path}");
        }

        try
        {
            return served.Route.Operation.Handle(request, new RequestContext(Errors.Language.En, MediaTypes.Json, null, served.Line.Values));
        }
        catch (Exception e)
        {
            return ErrorAnswer.Observed(e, request);
        }
    }

    // Every Kylin line whose path matches, in the table's order: the endpoint picks the route by method and Accept.
    private static RouteMatch Match(List<Methods<KylinRoute>> table, string path)
    {
        var lines = new List<(Methods<KylinRoute> Line, IReadOnlyDictionary<string, string> Values)>();
        foreach (var line in table)
        {
            if (line.Template.TryMatch(path, out var values))
            {
                lines.Add((line, values));
            }
        }

        return new RouteMatch(lines.ConvertAll(l => new RouteMatch.Line(l.Line.Routes, l.Line.Flag, l.Values)));
    }

    private static Methods<T> Line<T>(List<Methods<T>> lines, string path, bool flag)
    {
        var line = lines.Find(l => l.Template.Text == path);
        if (line is null)
        {
            line = new Methods<T>(new PathTemplate(path), flag);
            lines.Add(line);
        }
        else if (line.Flag != flag)
        {
            throw new InvalidOperationException($"Every route of {path} must agree on whether it is open.");
        }

        return line;
    }

    // The first path with the method wins; else the first path that matched (its methods make the 405).
    private static (Methods<T>? Line, T? Route, IReadOnlyDictionary<string, string> Values) Find<T>(List<Methods<T>> lines, string path, string method)
        where T : class
    {
        (Methods<T>? Line, IReadOnlyDictionary<string, string> Values)? first = null;
        var upper = method.ToUpperInvariant();
        foreach (var line in lines)
        {
            if (line.Template.TryMatch(path, out var values))
            {
                // Spring MVC answers HEAD with the GET handler.
                if ((line.For(upper) ?? (upper == "HEAD" ? line.For("GET") : null)) is { } route)
                {
                    return (line, route, values);
                }

                first ??= (line, values);
            }
        }

        return first is { } f ? (f.Line, null, f.Values) : (null, null, new Dictionary<string, string>());
    }

    /// <summary>The routes of one path, by method in the table's order.</summary>
    private sealed class Methods<T>(PathTemplate template, bool flag)
    {
        private readonly List<(string Method, T Route)> routes = [];

        public PathTemplate Template { get; } = template;

        /// <summary>Kylin: anonymous; control: open.</summary>
        public bool Flag { get; } = flag;

        /// <summary>The methods, as Spring's <c>Allow</c> header lists them.</summary>
        public string Allow => string.Join(", ", routes.Select(r => r.Method).Distinct());

        /// <summary>The routes by method, in the table's order.</summary>
        public IReadOnlyList<(string Method, T Route)> Routes => routes;

        public void Add(string method, T route) => routes.Add((method, route));

        public T? For(string method)
        {
            foreach (var (m, route) in routes)
            {
                if (m == method)
                {
                    return route;
                }
            }

            return default;
        }
    }
}

/// <summary>A Kylin route's handler.</summary>
/// <param name="Operation">The provider of the Kylin operation.</param>
/// <param name="Produces">The media types its mapping produces.</param>
internal sealed record KylinRoute(IKylinOperation Operation, Produces Produces)
{
    /// <summary>The Kylin operation the route answers, named as its provider is (<c>GetJobListProvider</c>: <c>GetJobList</c>).</summary>
    public string Name { get; } = Operation.Name ?? (Operation.GetType().Name is var type && type.EndsWith("Provider", StringComparison.Ordinal) ? type[..^"Provider".Length] : Operation.GetType().Name);
}

/// <summary>What a Kylin mapping's <c>produces</c> lists.</summary>
internal enum Produces
{
    /// <summary><c>application/vnd.apache.kylin-v4-public+json</c> and <c>application/vnd.apache.kylin-v4+json</c>.</summary>
    V4,

    /// <summary><c>application/vnd.apache.kylin-v2+json</c>.</summary>
    V2,

    /// <summary><c>application/json</c>: Kylin 4's v1 controllers.</summary>
    V1,

    /// <summary><c>application/json</c>.</summary>
    Json,

    /// <summary>Nothing negotiated: a servlet filter answers before Spring MVC looks at the Accept.</summary>
    Filter,
}

/// <summary>A control route's handler.</summary>
/// <param name="Handler">Answers the call.</param>
internal sealed record ControlRoute(Func<ControlCall, KylinAnswer> Handler);
