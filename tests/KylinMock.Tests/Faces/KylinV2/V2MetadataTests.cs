using KylinMock.Tests.Support;
using Newtonsoft.Json.Linq;

namespace KylinMock.Tests.Faces.KylinV2;

/// <summary>
/// The v2 metadata kylinpy's v2 mode reads (build contract §12.3 and §12.4; MSC = src/metadata-server/.../controller/v2:
/// NProjectControllerV2, NModelControllerV2, NCubeDescControllerV2; QSC/v2/NQueryMetaController).
/// </summary>
public class V2MetadataTests : V2EstateTestBase
{
    private static IEnumerable<string> Keys(JToken token) => ((JObject)token).Properties().Select(p => p.Name);

    // NProjectControllerV2.getProjects: getDataResponse("projects", …) is a HashMap {"projects","size"}; items are bare ProjectInstances.
    [Test]
    public void Projects_AreProjectInstancesWithoutPermission_InAHashMapOfProjectsAndSize()
    {
        var answer = Get("/kylin/api/projects?pageOffset=0&pageSize=1000");
        var v4 = (JObject)Http.Get("/kylin/api/projects").Data["value"]![0]!;
        v4.Remove("permission");
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
            Assert.That(answer.ContentType, Does.StartWith(V2));
            Assert.That(Keys(answer.Data), Is.EqualTo(new[] { "projects", "size" }));
            Assert.That((int)answer.Data["size"]!, Is.EqualTo(1));
            Assert.That(JToken.DeepEquals(answer.Data["projects"]![0], v4), Is.True, answer.Text);
        });
    }

    // getReadableProjects: exact (the default) is a case-sensitive equals; exact=false an ignore-case contains.
    [Test]
    public void Projects_ExactIsCaseSensitive_OtherwiseContainsIgnoringCase()
    {
        Assert.Multiple(() =>
        {
            Assert.That((int)Get("/kylin/api/projects?projectName=learn_kylin").Data["size"]!, Is.EqualTo(1));
            Assert.That((int)Get("/kylin/api/projects?projectName=LEARN_KYLIN").Data["size"]!, Is.EqualTo(0));
            Assert.That((int)Get("/kylin/api/projects?projectName=KYLIN&exact=false").Data["size"]!, Is.EqualTo(1));
        });
    }

    // /api/projects is permitAll (kylinSecurity.xml): an anonymous caller reads no project.
    [Test]
    public void Projects_Anonymous_SeesNone()
    {
        var answer = Get("/kylin/api/projects", authorization: null);
        Assert.That((answer.Status, (int)answer.Data["size"]!), Is.EqualTo((200, 0)));
    }

    // NModelControllerV2.getModels: the v4 list items (addOldParams), in a HashMap {"models","size"}; exactMatch ignores case, false contains.
    [Test]
    public void Models_AreTheV4Items_InAHashMapOfModelsAndSize()
    {
        var answer = Get("/kylin/api/models?projectName=learn_kylin&pageOffset=0&pageSize=1000");
        var v4 = (JArray)Http.Get("/kylin/api/models?project=learn_kylin").Data["value"]!;
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
            Assert.That(Keys(answer.Data), Is.EqualTo(new[] { "models", "size" }));
            Assert.That((int)answer.Data["size"]!, Is.EqualTo(2));
            Assert.That(JToken.DeepEquals(answer.Data["models"], v4), Is.True);
            Assert.That(Get("/kylin/api/models?projectName=learn_kylin&modelName=KYLIN_SALES_MODEL").Data["models"]!.Select(m => (string?)m["name"]), Is.EqualTo(new[] { "kylin_sales_model" }));
            Assert.That((int)Get("/kylin/api/models?projectName=learn_kylin&modelName=SALES").Data["size"]!, Is.EqualTo(0));
            Assert.That((int)Get("/kylin/api/models?projectName=learn_kylin&modelName=SALES&exactMatch=false").Data["size"]!, Is.EqualTo(2));
        });
    }

    // sortBy/reverse as ModelService.getModels; pageOffset is a page index (cutPage).
    [Test]
    public void Models_SortAndPage()
    {
        var ascending = Get("/kylin/api/models?projectName=learn_kylin&reverse=false");
        var second = Get("/kylin/api/models?projectName=learn_kylin&pageOffset=1&pageSize=1");
        Assert.Multiple(() =>
        {
            Assert.That(ascending.Data["models"]!.Select(m => (string?)m["name"]), Is.EqualTo(new[] { "sales_full_model", "kylin_sales_model" }));
            Assert.That(second.Data["models"]!.Select(m => (string?)m["name"]), Is.EqualTo(new[] { "sales_full_model" }));
            Assert.That((int)second.Data["size"]!, Is.EqualTo(2));
        });
    }

    // NBasicController: a missing @RequestParam is Spring's 400 KE-010000003; checkProjectName refuses empty and unknown.
    [Test]
    public void Models_ProjectRefusals_InNBasicControllersWords()
    {
        var missing = Get("/kylin/api/models");
        var empty = Get("/kylin/api/models?projectName=");
        var unknown = Get("/kylin/api/models?projectName=nope");
        Assert.Multiple(() =>
        {
            Assert.That((missing.Status, Msg(missing)), Is.EqualTo((400, "KE-010000003(Invalid Parameter):Required request parameter 'projectName' for method parameter type String is not present")));
            Assert.That((empty.Status, (string?)empty.Json["error_code"]), Is.EqualTo((500, "KE-010001002")));
            Assert.That((unknown.Status, Msg(unknown)), Is.EqualTo((500, "KE-010001201: Can't find project \"nope\". Please check and try again.")));
        });
    }

    // getModelDesc: {"model": the first exact (ignore-case) match}; none is KE-010002202 naming the alias.
    [Test]
    public void Model_IsOneItemUnderModel_UnknownIsModelIdNotExist()
    {
        var answer = Get("/kylin/api/models/learn_kylin/SALES_FULL_MODEL");
        var unknown = Get("/kylin/api/models/learn_kylin/nope");
        var badProject = Get("/kylin/api/models/nope/sales_full_model");
        Assert.Multiple(() =>
        {
            Assert.That(Keys(answer.Data), Is.EqualTo(new[] { "model" }));
            Assert.That((string?)answer.Data["model"]!["uuid"], Is.EqualTo(ModelEstates.FullBuild));
            Assert.That(Keys(answer.Data["model"]!).Take(2), Is.EqualTo(new[] { "name", "lookups" }));
            Assert.That((unknown.Status, Msg(unknown)), Is.EqualTo((500, "KE-010002202: Can't find model id \"nope\". Please check and try again.")));
            Assert.That(Msg(badProject), Is.EqualTo("KE-010001201: Can't find project \"nope\". Please check and try again."));
        });
    }

    // V2ApiFilter asks Spring's mapping: GET /models/{m}/segments matches /models/{projectName}/{modelName}, so the v4
    // segments path passes the filter under v2 and is getModelDesc for project "{m}" (POST still has no v2 mapping).
    [Test]
    public void Model_TheV4SegmentsPathUnderV2_IsGetModelDesc()
    {
        var answer = Get("/kylin/api/models/learn_kylin/segments");
        Assert.That((answer.Status, Msg(answer)), Is.EqualTo((500, "KE-010002202: Can't find model id \"segments\". Please check and try again.")));
    }

    // getCubeWithExactModelName: {"cube":{uuid,name,dimensions,measures,aggregation_groups}}; no rule index → [] and [];
    // ParameterDesc3X: {type,value} of the first parameter.
    [Test]
    public void CubeDesc_IsTheNCubeDescResponse()
    {
        var answer = Get("/kylin/api/cube_desc/learn_kylin/KYLIN_SALES_MODEL");
        var cube = answer.Data["cube"]!;
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
            Assert.That(Keys(answer.Data), Is.EqualTo(new[] { "cube" }));
            Assert.That(Keys(cube), Is.EqualTo(new[] { "uuid", "name", "dimensions", "measures", "aggregation_groups" }));
            Assert.That((string?)cube["name"], Is.EqualTo("kylin_sales_model"));
            Assert.That(cube["dimensions"], Is.Empty);
            Assert.That(cube["aggregation_groups"], Is.Empty);
            Assert.That(cube["measures"]![1]!.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo(
                "{\"name\":\"GMV_SUM\",\"description\":\"\",\"function\":{\"expression\":\"SUM\",\"parameter\":{\"type\":\"column\",\"value\":\"KYLIN_SALES.PRICE\"},\"returntype\":\"decimal(29,4)\"}}"));
        });
    }

    // checkProjectName, then getDataModelDescByAlias: none is KE-010002203.
    [Test]
    public void CubeDesc_Refusals()
    {
        var unknown = Get("/kylin/api/cube_desc/learn_kylin/nope");
        var badProject = Get("/kylin/api/cube_desc/nope/kylin_sales_model");
        Assert.Multiple(() =>
        {
            Assert.That((unknown.Status, Msg(unknown)), Is.EqualTo((500, "KE-010002203: Can't find model name \"nope\". Please check and try again.")));
            Assert.That(Msg(badProject), Is.EqualTo("KE-010001201: Can't find project \"nope\". Please check and try again."));
        });
    }

    // NQueryMetaController.getMetadataForDriver returns List<TableMetaWithType>: a bare array with no envelope, the v4 tables.
    [Test]
    public void TablesAndColumns_IsABareArray_OfTheV4Tables()
    {
        var answer = Get("/kylin/api/tables_and_columns?project=learn_kylin");
        var v4 = Http.Get("/kylin/api/query/tables_and_columns?project=learn_kylin").Data;
        var array = JArray.Parse(answer.Text);
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
            Assert.That(answer.ContentType, Does.StartWith(V2));
            Assert.That(JToken.DeepEquals(array, v4), Is.True, answer.Text);
            Assert.That(array.Select(t => (string?)t["table_NAME"]), Is.EquivalentTo(new[] { "KYLIN_SALES", "KYLIN_ACCOUNT" }));
        });
    }

    // getMetadataForDriver does no project check: doGetMetadata answers a blank project with []; cube narrows to one model.
    [Test]
    public void TablesAndColumns_NoProjectIsEmpty_CubeNarrows()
    {
        var cube = JArray.Parse(Get("/kylin/api/tables_and_columns?project=learn_kylin&cube=kylin_sales_model").Text);
        Assert.Multiple(() =>
        {
            Assert.That(Get("/kylin/api/tables_and_columns").Text, Is.EqualTo("[]"));
            Assert.That(Get("/kylin/api/tables_and_columns?project=").Text, Is.EqualTo("[]"));
            Assert.That(Get("/kylin/api/tables_and_columns?project=nope").Text, Is.EqualTo("[]"));
            Assert.That(JArray.Parse(Get("/kylin/api/tables_and_columns?project=learn_kylin&cube=").Text), Has.Count.EqualTo(2));
            Assert.That(cube, Has.Count.EqualTo(2));
            Assert.That(JArray.Parse(Get("/kylin/api/tables_and_columns?project=learn_kylin&cube=nope").Text), Is.Empty);
        });
    }
}
