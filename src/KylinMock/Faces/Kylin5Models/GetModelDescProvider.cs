using System.Text.RegularExpressions;
using KylinMock.Errors;
using KylinMock.Answers;
using KylinMock.Models;

namespace KylinMock.Http;

/// <summary>
/// <c>GET /kylin/api/models/{project}/{model_name}/model_desc</c> (OpenModelController.getModelDesc):
/// unknown project, unknown or broken model are refused in that order (all 500).
/// </summary>
internal sealed partial class GetModelDescProvider(ServerContext server) : IKylinOperation
{
    /// <summary>The path pattern, with the project and model captured.</summary>

    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        var project = context.Path["project"];
        var modelName = context.Path["model_name"];
        var (model, tables) = server.Backend.GetModelDesc(project, modelName);
        var body = EnvelopeJson.Success(w => ModelJson.WriteDesc(w, model, tables));
        return new KylinAnswer(200, context.ContentType, body);
    }
}
