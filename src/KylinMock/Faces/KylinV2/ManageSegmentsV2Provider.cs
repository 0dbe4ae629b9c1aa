using KylinMock.Answers;
using KylinMock.Errors;
using KylinMock.Models;

namespace KylinMock.Http;

/// <summary>
/// v2 <c>PUT /kylin/api/cubes/{cubeName}/segments</c> (SegmentControllerV2.manageSegments; build contract §12.1):
/// segment names (none KE-010022212), the cube (KE-010025201), the names (KE-010022209), then <c>buildType</c>:
/// MERGE (at least two, then v4's mergeSegmentsManually), REFRESH (v4's refreshSegmentById, one job a segment),
/// DROP (v4's deleteSegmentById), anything else the soft "Invalid build type.".
/// </summary>
internal sealed class ManageSegmentsV2Provider(ServerContext server) : IKylinOperation
{
    private const string Method = "public org.apache.kylin.rest.response.EnvelopeResponse org.apache.kylin.rest.controller.v2.SegmentControllerV2.manageSegments(java.lang.String,java.lang.String,org.apache.kylin.rest.request.SegmentMgmtRequest)";

    private static readonly BodyShape Shape = new("org.apache.kylin.rest.request.SegmentMgmtRequest", Method,
        new("segments", BodyKind.Strings, "java.util.ArrayList<java.lang.String>"), new("buildType", BodyKind.String));


    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        var alias = context.Path["cubeName"];
        var project = SpringBinding.String(request, "project");
        var body = RequestBody.Read(request, Shape);
        var names = body.Strings("segments");
        var buildType = body.String("buildType");
        if (names is not { Count: > 0 })
        {
            throw new KylinException(ErrorCode.SegmentsEmptyChosen);
        }

        var (valid, jobs) = server.Backend.ManageCubeSegments(alias, project, names, buildType);
        var answer = buildType switch
        {
            _ when !valid => JobInfoV2Json.Envelope("999", string.Empty, "Invalid build type."),
            "MERGE" => EnvelopeJson.Success(w => JobInfoV2Json.Write(w, jobs[0])),
            "REFRESH" => EnvelopeJson.Success(w =>
            {
                w.WriteStartArray();
                foreach (var job in jobs)
                {
                    JobInfoV2Json.Write(w, job);
                }

                w.WriteEndArray();
            }),
            _ => JobInfoV2Json.Envelope("000", string.Empty, "Drop segments successfully"),
        };
        return new KylinAnswer(200, context.ContentType, answer);
    }
}
