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
        new("tables", BodyKind.Strings, "java.util.HashSet<java.lang.String>"), new("databases", BodyKind.Strings, "java.util.HashSet<java.lang.String>"),
        new("options", BodyKind.Raw));

    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        var body = RequestBody.Read(request, Shape);
        var project = body.String("project") ?? string.Empty;
        var priority = body.Int("priority", 3);
        var tag = body.String("tag");
        var tables = (body.Strings("tables") ?? []).Distinct(StringComparer.Ordinal).ToList();
        var databases = (body.Strings("databases") ?? []).Select(d => d.ToUpperInvariant()).Distinct().ToArray();
        var answer = JobInfoJson.Envelope(server.Backend.BuildSnapshots(refresh, project, priority, tag, tables, databases, Options(body.String("options"))));
        return new KylinAnswer(200, context.ContentType, answer);
    }

    // SnapshotRequest.options: {"DB.TABLE":{"partition_col","incremental_build","partitions_to_build"}}, keyed as sent. The
    // binder keeps the field as compact JSON (an Object field); its small map is read here as Jackson would bind it.
    private static Dictionary<string, SnapshotTableOption> Options(string? json)
    {
        var options = new Dictionary<string, SnapshotTableOption>(StringComparer.Ordinal);
        switch (json is null ? null : Newtonsoft.Json.Linq.JToken.Parse(json))
        {
            case null or { Type: Newtonsoft.Json.Linq.JTokenType.Null }:
                return options;
            case Newtonsoft.Json.Linq.JObject map:
                foreach (var (table, value) in map)
                {
                    var option = value as Newtonsoft.Json.Linq.JObject ?? [];
                    options[table] = new SnapshotTableOption(Text(option["partition_col"]), option["incremental_build"] is { Type: Newtonsoft.Json.Linq.JTokenType.Boolean } b && (bool)b,
                        option["partitions_to_build"] is Newtonsoft.Json.Linq.JArray list ? list.Select(Text).OfType<string>().ToArray() : null);
                }

                return options;
            case var other:
                throw KylinException.WithRaw(ErrorCode.FailedParseJson, $"Cannot deserialize value of type `java.util.Map<java.lang.String,org.apache.kylin.rest.request.SnapshotRequest$TableOption>` from {other.Type} value");
        }
    }

    private static string? Text(Newtonsoft.Json.Linq.JToken? token) => token is Newtonsoft.Json.Linq.JValue { Value: { } value } ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) : null;
}
