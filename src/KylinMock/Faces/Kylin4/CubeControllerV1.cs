using KylinMock.Backend;
using KylinMock.Http;

namespace KylinMock.Kylin4;

/// <summary>Kylin 4's <c>CubeController</c> and <c>CubeDescController</c> (CC, CDC): bind, one backend call, write.</summary>
internal sealed class CubeControllerV1(ServerContext server)
{
    // CubeController.cloneCube's CubeRequest and rebuild's JobBuildRequest (Jackson coerces "startTime":"1325376000000", as Kylin's CI client sends it).
    private static readonly BodyShape CloneShape = new("org.apache.kylin.rest.request.CubeRequest", "cloneCube",
        new("cubeName", BodyKind.String), new("project", BodyKind.String));

    private static readonly BodyShape BuildShape = new("org.apache.kylin.rest.request.JobBuildRequest", "rebuild",
        new("startTime", BodyKind.Long), new("endTime", BodyKind.Long), new("buildType", BodyKind.String),
        new("force", BodyKind.Bool), new("forceMergeEmptySegment", BodyKind.Bool));

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
        var body = Kylin4Binding.Body(request, CloneShape);
        return Kylin4Operation.Json(CubeInstanceJson.One(server.Backend.CloneCube(context.Path["cubeName"], body.String("cubeName"), body.String("project"))));
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
        var body = Kylin4Binding.Body(request, BuildShape);
        var build = new BuildRequest(body.Long("startTime", 0), body.Long("endTime", 0), body.String("buildType"), body.Bool("force", false) || body.Bool("forceMergeEmptySegment", false));
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
}
