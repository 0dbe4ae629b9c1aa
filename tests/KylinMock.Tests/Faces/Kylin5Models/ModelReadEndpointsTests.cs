using KylinMock.Tests.Support;
using Newtonsoft.Json.Linq;

namespace KylinMock.Tests.Faces.Kylin5Models;

/// <summary>The estate's read endpoints over HTTP (build contract §0, §1, §5, §10).</summary>
public class ModelReadEndpointsTests
{
    private KylinMockServer kylin = null!;
    private KylinHttp http = null!;

    [OneTimeSetUp]
    public void Start()
    {
        kylin = ModelEstates.Start();
        http = new KylinHttp(kylin.Url);
    }

    [OneTimeTearDown]
    public void Stop()
    {
        http.Dispose();
        kylin.Dispose();
    }

    private static string Error(KylinHttp.Answer answer) => (string)answer.Json["msg"]!;

    [Test]
    public void Projects_ContainsIgnoringCase_Paged()
    {
        // NProjectController.getProjects: contains ignoring case; exact=true equals.
        var answer = http.Get("/kylin/api/projects?project=KYLIN&page_offset=0&page_size=10");
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200));
            Assert.That(answer.Data["value"]!.Select(p => (string?)p["name"]), Is.EqualTo(new[] { "learn_kylin" }));
            Assert.That((string?)answer.Data["value"]![0]!["permission"], Is.EqualTo("ADMINISTRATION"));
            Assert.That((int)answer.Data["total_size"]!, Is.EqualTo(1));
            Assert.That(http.Get("/kylin/api/projects?project=KYLIN&exact=true").Data["value"], Is.Empty);
        });
    }

    [Test]
    public void Projects_Anonymous_SeesNoProject()
    {
        // The URL is permitAll (kylinSecurity.xml): anonymous gets an empty page.
        var answer = http.Get("/kylin/api/projects", authorization: null);
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200));
            Assert.That(answer.Data["value"], Is.Empty);
        });
    }

    [Test]
    public void Projects_Permission_OtherAclNameIs400_UnknownIs500()
    {
        // AclPermissionEnum.valueOf fails for WRITE (400 KE-010000003); an unknown name is KE-010024002 (500).
        var write = http.Get("/kylin/api/projects?permission=WRITE");
        var unknown = http.Get("/kylin/api/projects?permission=OWNER");
        Assert.Multiple(() =>
        {
            Assert.That((write.Status, (string?)write.Json["error_code"]), Is.EqualTo((400, "KE-010000003")));
            Assert.That((unknown.Status, Error(unknown)), Is.EqualTo((500, "KE-010024002(Permission Denied):Operation failed, unknown permission:OWNER")));
        });
    }

    [Test]
    public void Models_ModelNameExact_IgnoresCase_AndGivesWhatKylinpyReads()
    {
        // OpenModelController.getModels: exact=true is equalsIgnoreCase; kylinpy's get_datasource takes value[0].
        var answer = http.Get("/kylin/api/models?project=learn_kylin&page_offset=0&page_size=1000&model_name=KYLIN_SALES_MODEL&exact=True");
        var model = (JObject)answer.Data["value"]![0]!;
        Assert.Multiple(() =>
        {
            Assert.That(((JArray)answer.Data["value"]!).Count, Is.EqualTo(1));
            Assert.That((string?)model["name"], Is.EqualTo("kylin_sales_model"));
            Assert.That(model.Properties().Select(p => p.Name).Take(4), Is.EqualTo(new[] { "name", "lookups", "is_streaming", "size_kb" }));
            Assert.That((string?)model["lookups"]![0]!["join"]!["type"], Is.EqualTo("LEFT"));
            Assert.That(model["simplified_dimensions"]!.Select(d => (string?)d["column"]), Does.Contain("SELLER_ACCOUNT.ACCOUNT_COUNTRY").And.Not.Contain("KYLIN_SALES.PRICE"));
            Assert.That((string?)model["simplified_measures"]![1]!["parameter_value"]![0]!["value"], Is.EqualTo("KYLIN_SALES.PRICE"));
            Assert.That((string?)model["partition_desc"]!["partition_date_column"], Is.EqualTo("KYLIN_SALES.PART_DT"));
            Assert.That(model["segments"]!.Select(s => (string?)s["status_to_display"]), Is.EqualTo(new[] { "ONLINE", "ONLINE", "LOADING" }));
            Assert.That((string?)model["last_build_end"], Is.EqualTo((ModelEstates.T + (3 * ModelEstates.Day)).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(((JArray)http.Get("/kylin/api/models?project=learn_kylin&model_name=SALES&exact=false").Data["value"]!).Count, Is.EqualTo(2));
        });
    }

    [Test]
    public void Models_FullBuildModel_HasNoPartitionDesc()
    {
        var model = http.Get("/kylin/api/models?project=learn_kylin&model_name=sales_full_model").Data["value"]![0]!;
        Assert.Multiple(() =>
        {
            Assert.That(model["partition_desc"]!.Type, Is.EqualTo(JTokenType.Null));
            Assert.That((string?)model["segments"]![0]!["name"], Is.EqualTo("FULL_BUILD"));
            Assert.That((string?)model["status"], Is.EqualTo("ONLINE"));
        });
    }

    [Test]
    public void Models_SortsByLastModifyDescending_ByDefault()
    {
        var names = http.Get("/kylin/api/models?project=learn_kylin").Data["value"]!.Select(m => (string?)m["name"]);
        Assert.That(names, Is.EqualTo(new[] { "kylin_sales_model", "sales_full_model" }));
    }

    [Test]
    public void Models_Refusals_InKylinsWords()
    {
        // NBasicController: a missing @RequestParam is 400 KE-010000003; checkProjectName; ModelService.formatStatus.
        var missing = http.Get("/kylin/api/models");
        var unknown = http.Get("/kylin/api/models?project=nope");
        var status = http.Get("/kylin/api/models?project=learn_kylin&status=READY");
        Assert.Multiple(() =>
        {
            Assert.That((missing.Status, Error(missing)), Is.EqualTo((400, "KE-010000003(Invalid Parameter):Required request parameter 'project' for method parameter type String is not present")));
            Assert.That((unknown.Status, Error(unknown)), Is.EqualTo((500, "KE-010001201: Can't find project \"nope\". Please check and try again.")));
            Assert.That((status.Status, Error(status)), Is.EqualTo((500, "KE-010043207: The entered parameter \"status\" is invalid, only supports \"ONLINE, OFFLINE, WARNING, BROKEN\" at the moment. Please check and try again.")));
            Assert.That(((JArray)http.Get("/kylin/api/models?project=learn_kylin&status=online").Data["value"]!).Count, Is.EqualTo(2));
        });
    }

    [Test]
    public void ModelDesc_ByUuid_ListsDimensionsMeasuresAndJoins()
    {
        var data = http.Get($"/kylin/api/models/learn_kylin/{ModelEstates.Partitioned}/model_desc").Data;
        Assert.Multiple(() =>
        {
            Assert.That((string?)data["name"], Is.EqualTo("kylin_sales_model"));
            Assert.That(data["dimensions"]!.Select(d => (string?)d["column"]).Count(), Is.EqualTo(4));
            Assert.That(data["dimensions"]![0]!["derived"]!.Value<bool>(), Is.False);
            Assert.That(data["measures"]!.Select(m => (string?)m["function"]!["expression"]), Is.EqualTo(new[] { "COUNT", "SUM" }));
            Assert.That((string?)data["join_tables"]![0]!["alias"], Is.EqualTo("SELLER_ACCOUNT"));
            Assert.That(((JObject)data).Property("simplified_dimensions"), Is.Null);
        });
    }

    [Test]
    public void ModelDesc_UnknownProjectThenModel_Refused()
    {
        var project = http.Get("/kylin/api/models/nope/nope/model_desc");
        var model = http.Get("/kylin/api/models/learn_kylin/nope/model_desc");
        Assert.Multiple(() =>
        {
            Assert.That((project.Status, Error(project)), Is.EqualTo((500, "KE-010001201: Can't find project \"nope\". Please check and try again.")));
            Assert.That((model.Status, Error(model)), Is.EqualTo((500, "KE-010002203: Can't find model name \"nope\". Please check and try again.")));
        });
    }

    [Test]
    public void TablesAndColumns_BareArray_WithRolesAndKeys()
    {
        // QueryService.getMetadataV2: TableMetaWithType; kylinpy keys tables by table_SCHEM.table_NAME.
        var tables = (JArray)http.Get("/kylin/api/query/tables_and_columns?project=learn_kylin").Data;
        var sales = tables.Single(t => (string?)t["table_NAME"] == "KYLIN_SALES");
        var account = tables.Single(t => (string?)t["table_NAME"] == "KYLIN_ACCOUNT");
        Assert.Multiple(() =>
        {
            Assert.That(sales["type"]!.Select(t => (string?)t), Is.EqualTo(new[] { "FACT" }));
            Assert.That(account["type"]!.Select(t => (string?)t), Is.EqualTo(new[] { "LOOKUP" }));
            var price = sales["columns"]!.Single(c => (string?)c["column_NAME"] == "PRICE");
            Assert.That(((string?)price["type_NAME"], (int)price["data_TYPE"]!, (int)price["column_SIZE"]!, (int)price["decimal_DIGITS"]!), Is.EqualTo(("DECIMAL", 3, 19, 4)));
            Assert.That(sales["columns"]!.Single(c => (string?)c["column_NAME"] == "SELLER_ID")["type"]!.Select(t => (string?)t), Is.EqualTo(new[] { "FK" }));
            Assert.That(account["columns"]!.Single(c => (string?)c["column_NAME"] == "ACCOUNT_ID")["type"]!.Select(t => (string?)t), Is.EqualTo(new[] { "PK" }));
            Assert.That(http.Get("/kylin/api/query/tables_and_columns?project=learn_kylin&cube=KYLIN_SALES_MODEL").Data, Is.Empty, "cube is case-sensitive");
        });
    }

    [Test]
    public void Segments_DefaultSort_NewestLastModifiedFirst_ByAliasIgnoringCase()
    {
        // SegmentController: PropertyComparator(ascending=reverse), so reverse=false is descending.
        var answer = http.Get("/kylin/api/models/KYLIN_SALES_MODEL/segments?project=learn_kylin&page_size=2147483646");
        Assert.Multiple(() =>
        {
            Assert.That(answer.Ids, Is.EqualTo(new[] { "seg-3", "seg-2", "seg-1" }));
            Assert.That((int)answer.Data["total_size"]!, Is.EqualTo(3));
            Assert.That(((JObject)answer.Data["value"]![0]!).Properties().First().Name, Is.EqualTo("id"));
            Assert.That(http.Get($"/kylin/api/models/{ModelEstates.Partitioned}/segments?project=learn_kylin&reverse=true").Ids, Is.EqualTo(new[] { "seg-1", "seg-2", "seg-3" }));
        });
    }

    [Test]
    public void Segments_RangeAndStatusFilters()
    {
        var day = ModelEstates.Day;
        var start = ModelEstates.T;
        Assert.Multiple(() =>
        {
            Assert.That(http.Get($"/kylin/api/models/kylin_sales_model/segments?project=learn_kylin&start={start + day}&end={start + day + 1}").Ids, Is.EqualTo(new[] { "seg-2" }));
            Assert.That(http.Get("/kylin/api/models/kylin_sales_model/segments?project=learn_kylin&statuses=LOADING").Ids, Is.EqualTo(new[] { "seg-3" }));
            Assert.That(http.Get("/kylin/api/models/kylin_sales_model/segments?project=learn_kylin&status=online").Ids, Is.EquivalentTo(new[] { "seg-1", "seg-2" }));
            Assert.That(http.Get("/kylin/api/models/kylin_sales_model/segments?project=learn_kylin&page_offset=1&page_size=2").Ids, Is.EqualTo(new[] { "seg-1" }));
        });
    }

    [Test]
    public void Segments_Refusals_InKylinsOrder()
    {
        // OpenSegmentController.getSegments: paging (KE-010043208) before the project, then the model, the range, the statuses.
        var paging = http.Get("/kylin/api/models/nope/segments?project=nope&page_size=-1");
        var project = http.Get("/kylin/api/models/nope/segments?project=nope");
        var model = http.Get("/kylin/api/models/nope/segments?project=learn_kylin");
        var range = http.Get("/kylin/api/models/kylin_sales_model/segments?project=learn_kylin&start=5&end=5");
        var negative = http.Get("/kylin/api/models/kylin_sales_model/segments?project=learn_kylin&start=-5");
        var statuses = http.Get("/kylin/api/models/kylin_sales_model/segments?project=learn_kylin&statuses=online");
        var missing = http.Get("/kylin/api/models/kylin_sales_model/segments");
        Assert.Multiple(() =>
        {
            Assert.That(Error(paging), Is.EqualTo("KE-010043208: The entered parameter value is invalid. The parameter value must be a non-negative integer. Please check and try again."));
            Assert.That((string?)project.Json["error_code"], Is.EqualTo("KE-010001201"));
            Assert.That((string?)model.Json["error_code"], Is.EqualTo("KE-010002203"));
            Assert.That((range.Status, (string?)range.Json["error_code"]), Is.EqualTo((500, "KE-010043203")));
            Assert.That((string?)negative.Json["error_code"], Is.EqualTo("KE-010043202"));
            Assert.That((string?)statuses.Json["error_code"], Is.EqualTo("KE-010043207"));
            Assert.That((missing.Status, (string?)missing.Json["error_code"]), Is.EqualTo((400, "KE-010043201")));
        });
    }

    [Test]
    public void CheckSegments_ListsOverlappingSegments()
    {
        // OpenSegmentController.checkSegments → ModelService.checkSegments.
        var start = ModelEstates.T;
        var body = $"{{\"project\":\"learn_kylin\",\"start\":\"{start + 1}\",\"end\":\"{start + ModelEstates.Day + 1}\"}}";
        var answer = http.Send(HttpMethod.Post, "/kylin/api/models/kylin_sales_model/segments/check", body);
        var missing = http.Send(HttpMethod.Post, "/kylin/api/models/kylin_sales_model/segments/check", "{\"project\":\"learn_kylin\",\"end\":\"1\"}");
        Assert.Multiple(() =>
        {
            Assert.That(answer.Data["segments_overlap"]!.Select(s => (string?)s["segment_id"]), Is.EqualTo(new[] { "seg-1", "seg-2" }), answer.Text);
            Assert.That(Error(missing), Is.EqualTo("KE-010043201: Request parameter \"start\" is empty or value is empty. Please check the request parameters."));
        });
    }
}
