using System.Text.RegularExpressions;
using KylinMock.Errors;
using KylinMock.Json;
using KylinMock.Models;

namespace KylinMock.Http;

/// <summary>
/// <c>GET /kylin/api/models/{project}/{model_name}/model_desc</c> (OpenModelController.getModelDesc):
/// unknown project, unknown or broken model are refused in that order (all 500).
/// </summary>
internal sealed partial class GetModelDescProvider(ServerContext server) : IKylinOperation
{
    /// <summary>The path pattern, with the project and model captured.</summary>
    public const string Pattern = "^/kylin/api/models/(?<project>[^/]+)/(?<model>[^/]+)/model_desc/?$";

    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        var match = PathRegex().Match(request.Path);
        var project = Uri.UnescapeDataString(match.Groups["project"].Value);
        var modelName = Uri.UnescapeDataString(match.Groups["model"].Value);
        var body = server.Store.Read(view =>
        {
            var name = view.FindProject(project)?.Name ?? throw new KylinException(ErrorCode.ProjectNotExist, project);
            var model = ModelNames.Model(view.Catalog, name, modelName);
            return EnvelopeJson.Success(w => ModelJson.WriteDesc(w, model, view.Catalog.Tables(name)));
        });
        return new KylinAnswer(200, context.ContentType, body);
    }

    [GeneratedRegex(Pattern)]
    private static partial Regex PathRegex();
}
