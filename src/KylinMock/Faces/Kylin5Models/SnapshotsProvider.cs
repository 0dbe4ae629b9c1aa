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

    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        var body = RequestBody.Object(request, Method);
        var project = RequestBody.String(body, "project") ?? string.Empty;
        var priority = RequestBody.Int(body, "priority", 3);
        var tag = RequestBody.Raw(body, "tag");
        var tables = (RequestBody.Strings(body, "tables") ?? []).Distinct(StringComparer.Ordinal).ToList();
        var databases = (RequestBody.Strings(body, "databases") ?? []).Select(d => d.ToUpperInvariant()).Distinct().ToArray();
        var answer = JobInfoJson.Envelope(server.Backend.BuildSnapshots(refresh, project, priority, tag, tables, databases, Options(body)));
        return new KylinAnswer(200, context.ContentType, answer);
    }

    // SnapshotRequest.options: {"DB.TABLE":{"partition_col","incremental_build","partitions_to_build"}}, keyed as sent.
    private static Dictionary<string, SnapshotTableOption> Options(Newtonsoft.Json.Linq.JObject body)
    {
        var options = new Dictionary<string, SnapshotTableOption>(StringComparer.Ordinal);
        switch (body["options"])
        {
            case null or { Type: Newtonsoft.Json.Linq.JTokenType.Null }:
                return options;
            case Newtonsoft.Json.Linq.JObject map:
                foreach (var (table, value) in map)
                {
                    var option = value as Newtonsoft.Json.Linq.JObject ?? [];
                    options[table] = new SnapshotTableOption(RequestBody.String(option, "partition_col"), RequestBody.Bool(option, "incremental_build", false),
                        RequestBody.Strings(option, "partitions_to_build"));
                }

                return options;
            case var other:
                throw KylinException.WithRaw(ErrorCode.FailedParseJson, $"Cannot deserialize value of type `java.util.Map<java.lang.String,org.apache.kylin.rest.request.SnapshotRequest$TableOption>` from {other.Type} value");
        }
    }
}
