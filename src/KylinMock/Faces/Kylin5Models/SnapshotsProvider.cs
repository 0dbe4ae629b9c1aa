using KylinMock.Answers;
using KylinMock.Errors;
using KylinMock.Jobs;
using KylinMock.Models;

namespace KylinMock.Http;

/// <summary>
/// <c>POST</c> (build) and <c>PUT</c> (refresh) <c>/kylin/api/snapshots</c> (SnapshotController →
/// SnapshotService.buildSnapshots): project, priority and tag, tables or databases, the databases'
/// tables without a snapshot, snapshot management on, the tables known, (refresh) each has a snapshot,
/// no unfinished snapshot job on any of them (KE-010032206); one SNAPSHOT_BUILD/SNAPSHOT_REFRESH job per table.
/// </summary>
internal sealed class SnapshotsProvider(ServerContext server, bool refresh) : IKylinOperation
{
    private const string Method = "public org.apache.kylin.rest.response.EnvelopeResponse<org.apache.kylin.rest.response.JobInfoResponse> org.apache.kylin.rest.controller.SnapshotController.buildSnapshotsManually(org.apache.kylin.rest.request.SnapshotRequest)";

    private static readonly BodyShape Shape = new("org.apache.kylin.rest.request.SnapshotRequest", Method,
        new("project", BodyKind.String), new("priority", BodyKind.Int), new("tag", BodyKind.Raw),
        new("tables", BodyKind.Strings, "java.util.HashSet<java.lang.String>"), new("databases", BodyKind.Strings, "java.util.HashSet<java.lang.String>"));

    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        var body = RequestBody.Read(request, Shape);
        var project = body.String("project") ?? string.Empty;
        var priority = body.Int("priority", 3);
        var tag = body.String("tag");
        var tables = (body.Strings("tables") ?? []).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var databases = (body.Strings("databases") ?? []).Select(d => d.ToUpperInvariant()).Distinct().ToArray();
        var answer = JobInfoJson.Envelope(server.Backend.BuildSnapshots(refresh, project, priority, tag, tables, databases));
        return new KylinAnswer(200, context.ContentType, answer);
    }
}
