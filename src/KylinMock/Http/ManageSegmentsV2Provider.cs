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

    // The jobs' priority (3) and the request's absent tag.
    private static readonly BuildSettings Settings = new(3, null);

    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        var alias = context.Path["cubeName"];
        var project = SpringBinding.String(request, "project");
        var body = RequestBody.Object(request, Method);
        var names = RequestBody.Strings(body, "segments");
        var buildType = RequestBody.String(body, "buildType");
        if (names is not { Count: > 0 })
        {
            throw new KylinException(ErrorCode.SegmentsEmptyChosen);
        }

        var answer = server.Store.Write(view =>
        {
            var model = CubePath.Find(view, alias, project).Row.Model;

            // The ids go into a Set: a name given twice is one segment.
            var ids = SegmentBuilds.Resolve(view.Catalog, model, null, names).Distinct(StringComparer.Ordinal).ToArray();
            switch (buildType)
            {
                case "MERGE":
                    if (ids.Length < 2)
                    {
                        throw new KylinException(ErrorCode.SegmentMergeLessThanTwo);
                    }

                    var merge = SegmentBuilds.Merge(view, model, ids, Settings, server.TimeZone);
                    return EnvelopeJson.Success(w => JobInfoV2Json.Write(w, merge));
                case "REFRESH":
                    var jobs = SegmentBuilds.Refresh(view, model, ids, refreshAllIndexes: false, Settings);
                    return EnvelopeJson.Success(w =>
                    {
                        w.WriteStartArray();
                        foreach (var job in jobs)
                        {
                            JobInfoV2Json.Write(w, job);
                        }

                        w.WriteEndArray();
                    });
                case "DROP":
                    SegmentBuilds.Delete(view, model, ids);
                    return JobInfoV2Json.Envelope("000", string.Empty, "Drop segments successfully");
                case null:
                    // switch on a null String (inferred: the NPE's message is null).
                    throw KylinException.WithRaw(ErrorCode.UnknownErrorCode, "null");
                default:
                    return JobInfoV2Json.Envelope("999", string.Empty, "Invalid build type.");
            }
        });
        return new KylinAnswer(200, context.ContentType, answer);
    }
}
