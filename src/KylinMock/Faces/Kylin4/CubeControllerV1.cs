using KylinMock.Backend;
using KylinMock.Http;
using Newtonsoft.Json.Linq;

namespace KylinMock.Kylin4;

/// <summary>Kylin 4's <c>CubeController</c> and <c>CubeDescController</c> (CC, CDC): bind, one backend call, write.</summary>
internal sealed class CubeControllerV1(ServerContext server)
{

    /// <summary><c>GET /cubes</c> (CC:144-174).</summary>
    public KylinAnswer List(KylinRequest request, RequestContext context) => Kylin4Operation.Json(CubeInstanceJson.List(server.Backend.ListCubeInstances(
        Kylin4Binding.String(request, "cubeName"),
        Kylin4Binding.String(request, "modelName"),
        Kylin4Binding.String(request, "projectName"),
        Kylin4Binding.Int(request, "limit", null),
        Kylin4Binding.Int(request, "offset", null))));

    /// <summary><c>GET /cubes/{cubeName}</c> (CC:224-229).</summary>
    public KylinAnswer Get(KylinRequest request, RequestContext context) => Kylin4Operation.Json(CubeInstanceJson.One(server.Backend.GetCubeInstance(context.Path["cubeName"])));

    /// <summary><c>PUT /cubes/{cubeName}/enable</c> (CC:674-688).</summary>
    public KylinAnswer Enable(KylinRequest request, RequestContext context) => Kylin4Operation.Json(CubeInstanceJson.One(server.Backend.EnableCube(context.Path["cubeName"])));

    /// <summary><c>PUT /cubes/{cubeName}/disable</c> (CC:601-614).</summary>
    public KylinAnswer Disable(KylinRequest request, RequestContext context) => Kylin4Operation.Json(CubeInstanceJson.One(server.Backend.DisableCube(context.Path["cubeName"])));

    /// <summary><c>PUT /cubes/{cubeName}/purge</c> (CC:616-629): the cube as it was before.</summary>
    public KylinAnswer Purge(KylinRequest request, RequestContext context) => Kylin4Operation.Json(CubeInstanceJson.One(server.Backend.PurgeCube(context.Path["cubeName"])));

    /// <summary><c>PUT /cubes/{cubeName}/clone</c> (CC:631-672), body <c>{"cubeName","project"}</c>.</summary>
    public KylinAnswer Clone(KylinRequest request, RequestContext context)
    {
        var body = Kylin4Binding.Body(request);
        return Kylin4Operation.Json(CubeInstanceJson.One(server.Backend.CloneCube(context.Path["cubeName"], body.Value<string?>("cubeName"), body.Value<string?>("project"))));
    }

    /// <summary><c>DELETE /cubes/{cubeName}</c> (CC:690-704): an empty 200.</summary>
    public KylinAnswer Delete(KylinRequest request, RequestContext context)
    {
        server.Backend.DeleteCube(context.Path["cubeName"]);
        return Kylin4Operation.Empty();
    }

    /// <summary><c>DELETE /cubes/{cubeName}/segs/{segmentName}</c> (CC:359-377).</summary>
    public KylinAnswer DeleteSegment(KylinRequest request, RequestContext context) =>
        Kylin4Operation.Json(CubeInstanceJson.One(server.Backend.DeleteCubeSegment(context.Path["cubeName"], context.Path["segmentName"])));

    /// <summary><c>GET /cubes/{cubeName}/holes</c> (CC:928-933).</summary>
    public KylinAnswer Holes(KylinRequest request, RequestContext context) => Kylin4Operation.Json(CubeInstanceJson.Holes(server.Backend.GetCubeHoles(context.Path["cubeName"])));

    /// <summary><c>PUT /cubes/{cubeName}/build</c> and <c>/rebuild</c> (CC:408-424): the JobInstance straight after submission.</summary>
    public KylinAnswer Build(KylinRequest request, RequestContext context)
    {
        var body = Kylin4Binding.Body(request);
        var build = new BuildRequest(
            Long(body, "startTime"),
            Long(body, "endTime"),
            body["buildType"] is JValue { Type: not JTokenType.Null } type ? type.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
            Bool(body, "force") || Bool(body, "forceMergeEmptySegment"));
        return Kylin4Operation.Json(JobInstanceJson.One(server.Backend.BuildCube(context.Path["cubeName"], build)));
    }

    /// <summary><c>PUT /cubes/{cubeName}/build2</c> and <c>/rebuild2</c> (CC:429-442): a bare UnsupportedOperationException, not wrapped: BasicController's 500.</summary>
    public KylinAnswer BuildStreaming(KylinRequest request, RequestContext context) =>
        throw Kylin4Error.Plain("java.lang.UnsupportedOperationException", "Unsupported in Kylin 4.0 .");

    /// <summary><c>GET /cube_desc/{cubeName}</c> (CDC:56-69): a one-element array, or an empty 200.</summary>
    public KylinAnswer Desc(KylinRequest request, RequestContext context) =>
        server.Backend.FindCubeInstance(context.Path["cubeName"]) is { } cube ? Kylin4Operation.Json(EstateJson.Array([cube.Model], EstateJson.CubeDesc)) : Kylin4Operation.Empty();

    /// <summary><c>GET /cube_desc/{cubeName}/desc</c> (CDC:96-109): the object, or an empty 200.</summary>
    public KylinAnswer DescOne(KylinRequest request, RequestContext context) =>
        server.Backend.FindCubeInstance(context.Path["cubeName"]) is { } cube ? Kylin4Operation.Json(EstateJson.One(cube.Model, EstateJson.CubeDesc)) : Kylin4Operation.Empty();

    // Jackson coerces a numeric string into a long (the CI client sends "startTime":"1325376000000").
    private static long Long(JObject body, string name) => body[name] switch
    {
        null or { Type: JTokenType.Null } => 0,
        { Type: JTokenType.Integer } v => (long)v,
        JValue { Type: JTokenType.String } v when long.TryParse((string?)v, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var parsed) => parsed,
        var other => throw Kylin4Error.Plain("org.springframework.http.converter.HttpMessageNotReadableException", $"JSON parse error: Cannot deserialize value of type `long` from {other.Type} value"),
    };

    private static bool Bool(JObject body, string name) => body[name] switch
    {
        { Type: JTokenType.Boolean } v => (bool)v,
        JValue { Type: JTokenType.String } v => bool.TryParse((string?)v, out var b) && b,
        _ => false,
    };
}
