using KylinMock.Tests.Support;
using Newtonsoft.Json.Linq;

namespace KylinMock.Tests.Faces.Kylin5Studio;

/// <summary>A model's Data Features and Developers tabs in kystudio (NTableController.getModelTables, NModelController.getModelSql).</summary>
public class ModelDetailTests : ModelEstateTest
{
    private const string Project = ModelEstates.Project;

    [Test]
    public void ModelTables_AreTheRootFactThenTheJoinTables_AsBareTableDescs()
    {
        // TableService.getTablesOfModel: getDataModelDescByAlias (ignoring case), root fact table then join tables; TableDesc's
        // own fields, its columns plain ColumnDescs right after the name (no TableDescResponse fields).
        var answer = Http.Get($"/kylin/api/tables/model_tables?project={Project}&model_name=KYLIN_SALES_MODEL");
        var sales = (JObject)answer.Data[0]!;
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
            Assert.That(answer.Data.Select(t => (string?)t["name"]), Is.EqualTo(new[] { "KYLIN_SALES", "KYLIN_ACCOUNT" }));
            Assert.That(sales.Properties().Select(p => p.Name).Skip(5).Take(3), Is.EqualTo(new[] { "name", "columns", "source_type" }));
            Assert.That(sales.Properties().Select(p => p.Name), Does.Not.Contain("root_fact"));
            Assert.That(sales["columns"]![0]!.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo("{\"id\":\"1\",\"name\":\"TRANS_ID\",\"datatype\":\"bigint\",\"case_sensitive_name\":\"TRANS_ID\"}"));
        });
    }

    [Test]
    public void ModelTables_UnknownModel_IsModelNameNotExist()
    {
        // TableService.getTablesOfModel: KylinException(MODEL_NAME_NOT_EXIST, modelAlias); the model_name is required.
        var unknown = Http.Get($"/kylin/api/tables/model_tables?project={Project}&model_name=nope");
        var missing = Http.Get($"/kylin/api/tables/model_tables?project={Project}");
        Assert.Multiple(() =>
        {
            Assert.That((unknown.Status, (string?)unknown.Json["error_code"]), Is.EqualTo((500, "KE-010002203")));
            Assert.That((missing.Status, (string?)missing.Json["error_code"]), Is.EqualTo((400, "KE-010000003")));
        });
    }

    [Test]
    public void ModelSql_ByUuid_IsTheFlatTableSql()
    {
        // ModelService.getModelSql: PushDownUtil.generateFlatTableSql of the model found by uuid, as the v2 cube sql answers it.
        var answer = Http.Get($"/kylin/api/models/{ModelEstates.Partitioned}/sql?project={Project}");
        var v2 = Http.Get($"/kylin/api/cubes/kylin_sales_model/sql?project={Project}", accept: "application/vnd.apache.kylin-v2+json");
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
            Assert.That((string?)answer.Data, Does.StartWith("SELECT"));
            Assert.That((string?)answer.Data, Is.EqualTo((string?)v2.Data["sql"]));
        });
    }

    [Test]
    public void ModelSql_ByAlias_FailsAsTheControllerWrapsTheNullPointer()
    {
        // NModelController.getModelSql: getDataModelDesc(alias) is null, generateFlatTableSql throws a NullPointerException,
        // rethrown as RuntimeException("can not get model sql, " + e): KE-000000001 (UNKNOWN ERRORCODE), 500.
        var answer = Http.Get($"/kylin/api/models/kylin_sales_model/sql?project={Project}");
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(500), answer.Text);
            Assert.That((string?)answer.Json["msg"], Does.EndWith("can not get model sql, java.lang.NullPointerException"));
        });
    }
}
