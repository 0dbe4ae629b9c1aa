using KylinMock.Answers;
using KylinMock.Errors;
using KylinMock.Models;

namespace KylinMock.Http;

/// <summary>
/// <c>GET /kylin/api/models/{model}/sql?project=</c> (NModelController.getModelSql, ModelService.getModelSql; a model's
/// Developers tab): the model's flat table SQL (PushDownUtil.generateFlatTableSql). The model is looked up by uuid only;
/// none gives the controller's <c>RuntimeException("can not get model sql, " + e)</c> around Java's NullPointerException.
/// </summary>
internal sealed class GetModelSqlProvider(ServerContext server) : IKylinOperation
{
    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        var project = ModelBinding.RequiredString(request, "project");
        var model = server.Backend.FindModelByUuid(project, context.Path["model"])
            ?? throw KylinException.WithRaw(ErrorCode.UnknownErrorCode, "can not get model sql, java.lang.NullPointerException");
        var sql = FlatTableSql.Of(model);
        return new KylinAnswer(200, context.ContentType, EnvelopeJson.Success(w => w.WriteValue(sql)));
    }
}
