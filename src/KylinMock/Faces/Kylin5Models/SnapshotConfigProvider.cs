using KylinMock.Answers;
using KylinMock.Models;

namespace KylinMock.Http;

/// <summary>
/// <c>PUT /kylin/api/projects/{project}/snapshot_config</c> (NProjectController.updateSnapshotConfig):
/// <c>snapshot_manual_management_enabled</c> and <c>snapshot_automatic_refresh_enabled</c> (both default
/// false) must read as booleans; the first turns the snapshot endpoints on for the project. Data "".
/// </summary>
internal sealed class SnapshotConfigProvider(ServerContext server) : IKylinOperation
{
    private const string Method = "public org.apache.kylin.rest.response.EnvelopeResponse<java.lang.String> org.apache.kylin.rest.controller.NProjectController.updateSnapshotConfig(java.lang.String,org.apache.kylin.rest.request.SnapshotConfigRequest)";

    private static readonly BodyShape Shape = new("org.apache.kylin.rest.request.SnapshotConfigRequest", Method,
        new("snapshot_manual_management_enabled", BodyKind.Boolean), new("snapshot_automatic_refresh_enabled", BodyKind.Boolean));

    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        var project = context.Path["project"];
        var enabled = RequestBody.Read(request, Shape).Bool("snapshot_manual_management_enabled", false);
        server.Backend.SetSnapshotConfig(project, enabled);
        var answer = EnvelopeJson.Success(w => w.WriteValue(string.Empty));
        return new KylinAnswer(200, context.ContentType, answer);
    }
}
