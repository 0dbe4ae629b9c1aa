using KylinMock.Answers;
using KylinMock.Errors;
using KylinMock.Models;

namespace KylinMock.Http;

/// <summary>
/// <c>DELETE /kylin/api/models/{model_name}/segments</c> (OpenSegmentController.deleteSegments →
/// SegmentController → ModelService.deleteSegmentById / purgeModelManually): project and purge required,
/// project, model, then purge everything, or ids xor names, none resolved KE-010022211, unknown, LOCKED.
/// </summary>
internal sealed class DeleteSegmentsProvider(ServerContext server) : IKylinOperation
{
    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        var modelName = context.Path["model_name"];
        var project = SpringBinding.RequiredString(request, "project");
        var purge = SpringBinding.RequiredBool(request, "purge");
        _ = SpringBinding.Bool(request, "force", false);
        var ids = SpringBinding.Items(request, "ids");
        var names = SpringBinding.Items(request, "names");
        server.Backend.DeleteSegments(project, modelName, purge, ids, names);
        var answer = EnvelopeJson.Success(w => w.WriteValue(string.Empty));
        return new KylinAnswer(200, context.ContentType, answer);
    }
}
