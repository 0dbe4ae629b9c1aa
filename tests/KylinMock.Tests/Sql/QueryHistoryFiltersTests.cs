namespace KylinMock.Tests.Sql;

/// <summary>The query history page's filter lists (NQueryController.getQueryHistorySubmitters / getQueryHistoryModels).</summary>
public sealed class QueryHistoryFiltersTests : SqlEstateTest
{
    private const string PushedDown = "SELECT COUNT(*) FROM KYLIN_SALES S INNER JOIN KYLIN_ACCOUNT A ON S.SELLER_ID = A.ACCOUNT_ID";

    [Test]
    public void Submitters_AreTheDistinctUsersOfTheProjectsHistory_FilteredByOneSubmitterIgnoringCase()
    {
        // JdbcQueryHistoryStore.querySubmittersByConditionsProvider: selectDistinct(query_submitter), one submitter filter is a
        // case-insensitive LIKE %x%; an admin of the project sees every submitter.
        Post("SELECT COUNT(*) FROM KYLIN_SALES");
        Post("SELECT COUNT(*) FROM KYLIN_SALES");
        var all = Http.Get($"/kylin/api/query/query_history_submitters?project={Project}&page_size=100");
        var matching = Http.Get($"/kylin/api/query/query_history_submitters?project={Project}&submitter=dmi");
        var none = Http.Get($"/kylin/api/query/query_history_submitters?project={Project}&submitter=zz");
        Assert.Multiple(() =>
        {
            Assert.That(all.Status, Is.EqualTo(200), all.Text);
            Assert.That(all.Data.ToObject<string[]>(), Is.EqualTo(new[] { "ADMIN" }));
            Assert.That(matching.Data.ToObject<string[]>(), Is.EqualTo(new[] { "ADMIN" }));
            Assert.That(none.Data.ToObject<string[]>(), Is.Empty);
        });
    }

    [Test]
    public void Models_AreTheEngineTypesOtherThanNativeThenTheModelsThatAnswered()
    {
        // JdbcQueryHistoryStore.queryQueryHistoriesModelIds: distinct engine_type != NATIVE, then the realizations' models;
        // QueryHistoryService.getQueryHistoryModels maps model ids to aliases and keeps those containing model_name.
        Post("SELECT COUNT(*) FROM KYLIN_SALES");
        Post(PushedDown);
        var all = Http.Get($"/kylin/api/query/query_history_models?project={Project}&page_size=100");
        var filtered = Http.Get($"/kylin/api/query/query_history_models?project={Project}&model_name=SALES");
        Assert.Multiple(() =>
        {
            Assert.That(all.Status, Is.EqualTo(200), all.Text);
            Assert.That(all.Data.ToObject<string[]>(), Is.EqualTo(new[] { "HIVE", "kylin_sales_model" }));
            Assert.That(filtered.Data.ToObject<string[]>(), Is.EqualTo(new[] { "kylin_sales_model" }));
        });
    }

    [Test]
    public void HistoryFilters_MissingOrUnknownProject_AnswerKylinsErrors()
    {
        // NBasicController.handleInvalidRequestParam for the missing @RequestParam; checkProjectName for an unknown project.
        var missing = Http.Get("/kylin/api/query/query_history_models");
        var unknown = Http.Get("/kylin/api/query/query_history_submitters?project=nope");
        Assert.Multiple(() =>
        {
            Assert.That((missing.Status, (string?)missing.Json["error_code"]), Is.EqualTo((400, "KE-010000003")));
            Assert.That((unknown.Status, (string?)unknown.Json["error_code"]), Is.EqualTo((500, "KE-010001201")));
        });
    }
}
