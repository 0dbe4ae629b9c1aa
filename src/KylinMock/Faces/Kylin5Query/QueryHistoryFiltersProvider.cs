using KylinMock.Answers;
using KylinMock.Sql;

namespace KylinMock.Http;

/// <summary>
/// The query history page's filter lists (NQueryController, QueryHistoryService, JdbcQueryHistoryStore):
/// <c>GET /kylin/api/query/query_history_submitters</c>, the distinct submitters of the project's history whose name contains
/// the one <c>submitter</c> given, ignoring case; <c>GET /kylin/api/query/query_history_models</c>, the distinct engine types
/// other than NATIVE, then the aliases of the models that answered, containing <c>model_name</c> ignoring case. Both at most
/// <c>page_size</c> (100). The mock's users administer every project, so no submitter is filtered out.
/// </summary>
internal sealed class QueryHistoryFiltersProvider(ServerContext server, bool models) : IKylinOperation
{
    /// <inheritdoc />
    public string? Name => models ? "GetQueryHistoryModels" : "GetQueryHistorySubmitters";

    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        var project = server.Backend.QueryProject(ModelBinding.RequiredString(request, "project"));
        var size = SpringBinding.Int(request, "page_size", 100);
        var history = server.Backend.Queries.History(project);
        var names = models ? Models(history, SpringBinding.String(request, "model_name"), size) : Submitters(history, SpringBinding.Items(request, "submitter") ?? [], size);
        return new KylinAnswer(200, context.ContentType, EnvelopeJson.Success(w => w.WriteStringArray(names)));
    }

    // querySubmittersByConditionsProvider: selectDistinct(query_submitter), one filter value is a case-insensitive LIKE, limit size.
    private static IReadOnlyList<string> Submitters(IReadOnlyList<QueryRecord> history, string[] submitter, int size) =>
        history.Select(q => q.Submitter)
            .Where(s => submitter.Length != 1 || s.Contains(submitter[0], StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.Ordinal)
            .Take(Math.Max(0, size))
            .ToArray();

    // queryQueryHistoriesModelIds: the engine types that are not NATIVE, then the distinct models (limit size); the aliases
    // that contain the filter, limit size.
    private static IReadOnlyList<string> Models(IReadOnlyList<QueryRecord> history, string? modelName, int size)
    {
        var engines = history.Where(q => q.Answer.EngineType != SqlEngineType.NATIVE).Select(q => q.Answer.EngineType.ToString()).Distinct(StringComparer.Ordinal);
        var aliases = history.SelectMany(q => q.Answer.Realizations).Select(r => r.ModelAlias).Distinct(StringComparer.Ordinal).Take(Math.Max(0, size));
        return engines.Concat(aliases)
            .OfType<string>()
            .Where(a => a.Length > 0 && (string.IsNullOrEmpty(modelName) || a.Contains(modelName, StringComparison.OrdinalIgnoreCase)))
            .Take(Math.Max(0, size))
            .ToArray();
    }
}
