using KylinMock.Tests.Support;
using Newtonsoft.Json.Linq;

namespace KylinMock.Tests.Faces.Kylin5Studio;

/// <summary>The data source tree and its table detail (NTableController.getProjectTables, getTableDesc; TableService).</summary>
public class DataSourceTablesTests : ModelEstateTest
{
    private const string Project = ModelEstates.Project;

    private static string[] Names(JToken tables) => tables.Select(t => (string)t["name"]!).ToArray();

    [Test]
    public void ProjectTables_GroupsTheTablesByDatabase_WithTheirRolesInTheModels()
    {
        // TableService.getProjectTables / getTablesResponse: root_fact and storage_size (READY/WARNING segments' bytes) from the
        // models whose root fact table it is, lookup otherwise; primary and foreign keys from the joins; sorted by name.
        var answer = Http.Get($"/kylin/api/tables/project_tables?project={Project}&page_offset=0&page_size=7&table=&source_type=9&is_fuzzy=true&ext=true");
        var database = answer.Data["databases"]![0]!;
        var account = database["tables"]![0]!;
        var sales = database["tables"]![1]!;
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
            Assert.That(((string?)database["dbname"], (int)database["size"]!), Is.EqualTo(("DEFAULT", 2)));
            Assert.That(Names(database["tables"]!), Is.EqualTo(new[] { "KYLIN_ACCOUNT", "KYLIN_SALES" }));
            Assert.That(((bool)sales["root_fact"]!, (bool)sales["lookup"]!, (long)sales["storage_size"]!), Is.EqualTo((true, false, 3 * 2048L)));
            Assert.That(((bool)account["root_fact"]!, (bool)account["lookup"]!), Is.EqualTo((false, true)));
            Assert.That(account["primary_key"], Is.EqualTo(new JArray("ACCOUNT_ID")));
            Assert.That(sales["foreign_key"], Is.EqualTo(new JArray("SELLER_ID")));
            Assert.That(((string?)sales["database"], (int)sales["source_type"]!), Is.EqualTo(("DEFAULT", 9)));
            Assert.That(sales["columns"]![1]!.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo(
                "{\"id\":\"2\",\"name\":\"PART_DT\",\"datatype\":\"date\",\"case_sensitive_name\":\"PART_DT\",\"cardinality\":null,\"min_value\":null,\"max_value\":null,\"null_count\":null,\"excluded\":false}"));
        });
    }

    [Test]
    public void ProjectTables_TableFilter_FuzzyByNameOrDatabasePrefixed_SizeCountsEveryMatch()
    {
        // checkDatabaseAndTable splits "DB.TABLE"; fuzzy is contains ignoring case; size is every match, tables the page.
        var fuzzy = Http.Get($"/kylin/api/tables/project_tables?project={Project}&table=sales&is_fuzzy=true");
        var prefixed = Http.Get($"/kylin/api/tables/project_tables?project={Project}&table=default.kylin_account");
        var paged = Http.Get($"/kylin/api/tables/project_tables?project={Project}&page_offset=1&page_size=1&is_fuzzy=true");
        var otherDatabase = Http.Get($"/kylin/api/tables/project_tables?project={Project}&table=SSB.KYLIN_SALES");
        Assert.Multiple(() =>
        {
            Assert.That(Names(fuzzy.Data["databases"]![0]!["tables"]!), Is.EqualTo(new[] { "KYLIN_SALES" }));
            Assert.That(Names(prefixed.Data["databases"]![0]!["tables"]!), Is.EqualTo(new[] { "KYLIN_ACCOUNT" }));
            Assert.That(((int)paged.Data["databases"]![0]!["size"]!, Names(paged.Data["databases"]![0]!["tables"]!)), Is.EqualTo((2, new[] { "KYLIN_SALES" })));
            Assert.That(otherDatabase.Data["databases"], Is.EqualTo(new JArray()));
        });
    }

    [Test]
    public void ProjectTables_DatabaseNameContainsTheFilter_ShowsAllItsTables()
    {
        // getProjectTables: a database whose name contains the table filter lists every table of it.
        var answer = Http.Get($"/kylin/api/tables/project_tables?project={Project}&table=defa&is_fuzzy=true");
        Assert.That(Names(answer.Data["databases"]![0]!["tables"]!), Is.EqualTo(new[] { "KYLIN_ACCOUNT", "KYLIN_SALES" }));
    }

    [Test]
    public void ProjectTables_KafkaSourceType_AnswersNoDatabase()
    {
        // getTableDesc filters by source type; the estate's tables are Hive's (9), kystudio also asks for Kafka (1).
        var answer = Http.Get($"/kylin/api/tables/project_tables?project={Project}&source_type=1&is_fuzzy=true");
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
            Assert.That(answer.Data.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo("{\"databases\":[]}"));
        });
    }

    [Test]
    public void ProjectTables_BadParameters_AnswerKylinsErrors()
    {
        // NBasicController.handleInvalidRequestParam: missing project, a page size that is not a number; checkProjectName.
        var missing = Http.Get("/kylin/api/tables/project_tables");
        var size = Http.Get($"/kylin/api/tables/project_tables?project={Project}&page_size=ten");
        var unknown = Http.Get("/kylin/api/tables/project_tables?project=nope");
        Assert.Multiple(() =>
        {
            Assert.That((missing.Status, (string?)missing.Json["error_code"]), Is.EqualTo((400, "KE-010000003")));
            Assert.That((size.Status, (string?)size.Json["error_code"]), Is.EqualTo((400, "KE-010000003")));
            Assert.That((unknown.Status, (string?)unknown.Json["error_code"]), Is.EqualTo((500, "KE-010001201")));
        });
    }

    [Test]
    public void TableDesc_ExactName_AnswersTablesThenSizeInHashMapOrder()
    {
        // NTableController.getTableDesc: setCustomDataResponse's HashMap ("tables" hashes before "size"); not fuzzy, the table
        // database.table; without a database the identity is "null.TABLE", which names nothing.
        var answer = Http.Get($"/kylin/api/tables?project={Project}&database=DEFAULT&table=KYLIN_SALES&is_fuzzy=false&source_type=9&ext=true");
        var noDatabase = Http.Get($"/kylin/api/tables?project={Project}&table=KYLIN_SALES");
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
            Assert.That(((JObject)answer.Data).Properties().Select(p => p.Name), Is.EqualTo(new[] { "tables", "size" }));
            Assert.That((Names(answer.Data["tables"]!), (int)answer.Data["size"]!), Is.EqualTo((new[] { "KYLIN_SALES" }, 1)));
            Assert.That((int)noDatabase.Data["size"]!, Is.EqualTo(0));
        });
    }

    [Test]
    public void TableDesc_FuzzyWithinADatabase_PagesTheMatches()
    {
        // getTableDesc: fuzzy, the database's tables whose names contain it ignoring case, cut by page_offset/page_size.
        var answer = Http.Get($"/kylin/api/tables?project={Project}&database=default&table=kylin&is_fuzzy=true&page_size=1&page_offset=1");
        Assert.That((Names(answer.Data["tables"]!), (int)answer.Data["size"]!), Is.EqualTo((new[] { "KYLIN_SALES" }, 2)));
    }
}
