using System.Globalization;
using KylinMock.Answers;
using KylinMock.Errors;
using KylinMock.Models;

namespace KylinMock.Http;

/// <summary>
/// v2 <c>PUT /kylin/api/cubes/{cubeName}/rebuild</c> (SegmentControllerV2.rebuild; build contract §12.1): the cube
/// (KE-010025201), the range validated as v4 does (an empty body is 0..0, KE-010043203), then <c>buildType</c>:
/// BUILD is v4's buildSegmentsManually with every index; REFRESH refreshes the one segment inside the raw range
/// (none KE-010022203, several KE-010022206); anything else is the soft "Invalid build type.". Answers JobInfoResponseV2.
/// </summary>
internal sealed class RebuildCubeV2Provider(ServerContext server) : IKylinOperation
{
    private const string Method = "public org.apache.kylin.rest.response.EnvelopeResponse org.apache.kylin.rest.controller.v2.SegmentControllerV2.rebuild(java.lang.String,java.lang.String,org.apache.kylin.rest.request.CubeRebuildRequest)";

    private static readonly BodyShape Shape = new("org.apache.kylin.rest.request.CubeRebuildRequest", Method,
        new("startTime", BodyKind.Long), new("endTime", BodyKind.Long), new("buildType", BodyKind.String));


    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        var alias = context.Path["cubeName"];
        var project = SpringBinding.String(request, "project");
        var body = RequestBody.Read(request, Shape);
        var startTime = body.Long("startTime", 0);
        var endTime = body.Long("endTime", 0);
        var buildType = body.String("buildType");
        var (valid, jobs) = server.Backend.RebuildCube(alias, project, startTime, endTime, buildType);
        var answer = valid ? EnvelopeJson.Success(w => JobInfoV2Json.Write(w, jobs[0])) : JobInfoV2Json.Envelope("999", null, "Invalid build type.");
        return new KylinAnswer(200, context.ContentType, answer);
    }
}
