using KylinMock.Tests.Support;
using Newtonsoft.Json.Linq;

namespace KylinMock.Tests.Faces.KylinV2;

/// <summary>
/// v2 GET /kylin/api/cubes and /cubes/{cubeName}: models seen as cubes, over the same models and segments as v4
/// (build contract §12.1; DLC/v2/SegmentControllerV2.getCubes/getCube, MOD/service/ModelService.getCube/getCubes0,
/// MOD/response/NDataModelResponse3X).
/// </summary>
public class V2CubeTests : V2EstateTestBase
{
    // getDataResponse("cubes", …): a HashMap, "size" before "cubes"; getCubes0 sorts last_modified descending.
    [Test]
    public void Cubes_AreEveryModel_LastModifiedFirst_InAHashMapOfSizeAndCubes()
    {
        var answer = Get("/kylin/api/cubes?projectName=learn_kylin");
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
            Assert.That(answer.ContentType, Does.StartWith(V2));
            Assert.That(((JObject)answer.Data).Properties().Select(p => p.Name), Is.EqualTo(new[] { "size", "cubes" }));
            Assert.That((int)answer.Data["size"]!, Is.EqualTo(2));
            Assert.That(answer.Data["cubes"]!.Select(c => (string?)c["name"]), Is.EqualTo(new[] { "kylin_sales_model", "sales_full_model" }));
        });
    }

    // getCubes: modelName matches the alias ignoring case; pageOffset is a page index (cutPage), size counts all.
    [Test]
    public void Cubes_ModelNameIgnoresCase_AndPagesByPageIndex()
    {
        var named = Get("/kylin/api/cubes?projectName=learn_kylin&modelName=SALES_FULL_MODEL");
        var second = Get("/kylin/api/cubes?projectName=learn_kylin&pageOffset=1&pageSize=1");
        var none = Get("/kylin/api/cubes?projectName=learn_kylin&modelName=sales");
        Assert.Multiple(() =>
        {
            Assert.That(named.Data["cubes"]!.Select(c => (string?)c["name"]), Is.EqualTo(new[] { "sales_full_model" }));
            Assert.That((int)second.Data["size"]!, Is.EqualTo(2));
            Assert.That(second.Data["cubes"]!.Select(c => (string?)c["name"]), Is.EqualTo(new[] { "sales_full_model" }));
            Assert.That((int)none.Data["size"]!, Is.EqualTo(0));
        });
    }

    // getCubes0 copies the request's projectName spelling into "project"; checkProjectName ignores case.
    [Test]
    public void Cubes_ProjectIsTheRequestsSpelling()
    {
        var answer = Get("/kylin/api/cubes?projectName=LEARN_KYLIN");
        Assert.That(answer.Data["cubes"]!.Select(c => (string?)c["project"]), Is.EqualTo(new[] { "LEARN_KYLIN", "LEARN_KYLIN" }));
    }

    // BaseController: a missing @RequestParam is 400 KE-010043201; checkProjectName: empty KE-010001002, unknown KE-010001201.
    [Test]
    public void Cubes_ProjectRefusals_InBaseControllersWords()
    {
        var missing = Get("/kylin/api/cubes");
        var empty = Get("/kylin/api/cubes?projectName=");
        var unknown = Get("/kylin/api/cubes?projectName=nope");
        Assert.Multiple(() =>
        {
            Assert.That((missing.Status, Msg(missing)), Is.EqualTo((400, "KE-010043201: Request parameter \"projectName\" is empty or value is empty. Please check the request parameters.")));
            Assert.That((empty.Status, Msg(empty)), Is.EqualTo((500, "KE-010001002(Empty Project Name):Can’t find project information. Please select a project.")));
            Assert.That((unknown.Status, Msg(unknown)), Is.EqualTo((500, "KE-010001201: Can't find project \"nope\". Please check and try again.")));
        });
    }

    // Negatives are not validated: cutPage's sublist fails (negative offset 500, negative size 400 KE-010000003).
    [Test]
    public void Cubes_NegativePaging_FailsInCutPage()
    {
        var offset = Get("/kylin/api/cubes?projectName=learn_kylin&pageOffset=-1");
        var size = Get("/kylin/api/cubes?projectName=learn_kylin&pageSize=-1");
        var text = Get("/kylin/api/cubes?projectName=learn_kylin&pageSize=x");
        Assert.Multiple(() =>
        {
            Assert.That((offset.Status, (string?)offset.Json["code"]), Is.EqualTo((500, "999")));
            Assert.That((size.Status, (string?)size.Json["error_code"]), Is.EqualTo((400, "KE-010000003")));
            Assert.That((text.Status, (string?)text.Json["error_code"]), Is.EqualTo((400, "KE-010000003")));
        });
    }

    // NDataModelResponse3X: only its named properties, in its order; lookups where join_tables would be; status in 3.x words.
    [Test]
    public void Cube_IsTheModelInThe3XShape()
    {
        var answer = Get("/kylin/api/cubes/kylin_sales_model?project=learn_kylin");
        var cube = (JObject)answer.Data;
        string[] order =
        [
            "uuid", "last_modified", "create_time", "version", "mvcc", "alias", "owner", "config_last_modifier", "config_last_modified",
            "description", "fact_table", "fact_table_alias", "management_type", "lookups", "filter_condition", "partition_desc",
            "capacity", "segment_config", "data_check_desc", "semantic_version", "storage_type", "model_type", "all_named_columns",
            "all_measures", "recommendations_count", "computed_columns", "multi_partition_desc", "multi_partition_key_mapping",
            "fusion_id", "status", "last_build_end", "storage", "source", "expansion_rate", "usage", "model_broken",
            "root_fact_table_deleted", "segments", "available_indexes_count", "empty_indexes_count", "segment_holes", "total_indexes",
            "simplified_dimensions", "simplified_measures", "name", "is_streaming", "size_kb", "input_records_count",
            "input_records_size", "project", "unauthorized_tables", "unauthorized_columns", "visible",
        ];
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
            Assert.That(cube.Properties().Select(p => p.Name), Is.EqualTo(order));
            Assert.That((string?)cube["uuid"], Is.EqualTo(ModelEstates.Partitioned));
            Assert.That((string?)cube["status"], Is.EqualTo("READY"));
            Assert.That((string?)cube["lookups"]![0]!["alias"], Is.EqualTo("SELLER_ACCOUNT"));
            Assert.That(cube["lookups"]![0]!["join"]!["simplified_non_equi_join_conditions"], Is.Null);
            Assert.That(((JObject)cube["simplified_dimensions"]![0]!).Properties().Select(p => p.Name), Is.EqualTo(new[] { "id", "name", "column", "status" }));
            Assert.That((long)cube["input_records_count"]!, Is.EqualTo(30));
            Assert.That((string?)cube["project"], Is.EqualTo("learn_kylin"));
        });
    }

    // getSegmentsResponse(…, "1", Long.MAX-1, sort last_modify): range order, each with size_kb and input_records first, as v4 shows them.
    [Test]
    public void Cube_Segments_AreV4sWithOldParamsFirst()
    {
        var cube = Get("/kylin/api/cubes/kylin_sales_model").Data;
        var v4 = (JArray)Http.Get("/kylin/api/models?project=learn_kylin&model_name=kylin_sales_model").Data["value"]![0]!["segments"]!;
        var segments = (JArray)cube["segments"]!;
        Assert.Multiple(() =>
        {
            Assert.That(segments.Select(s => (string?)s["id"]), Is.EqualTo(new[] { "seg-1", "seg-2", "seg-3" }));
            Assert.That(((JObject)segments[0]).Properties().Select(p => p.Name).Take(3), Is.EqualTo(new[] { "size_kb", "input_records", "id" }));
            Assert.That((long)segments[0]["size_kb"]!, Is.EqualTo(2));
            Assert.That(JToken.DeepEquals(segments, v4), Is.True);
        });
    }

    // getCube: no project scans the projects; an alias none has is KE-010025201 (500), as is an explicit project without it.
    [Test]
    public void Cube_Unknown_IsCubeNotExist()
    {
        var scanned = Get("/kylin/api/cubes/SALES_FULL_MODEL");
        var unknown = Get("/kylin/api/cubes/nope");
        var inProject = Get("/kylin/api/cubes/nope?project=learn_kylin");
        var badProject = Get("/kylin/api/cubes/sales_full_model?project=nope");
        Assert.Multiple(() =>
        {
            Assert.That((string?)scanned.Data["uuid"], Is.EqualTo(ModelEstates.FullBuild));
            Assert.That((string?)scanned.Data["partition_desc"], Is.Null);
            Assert.That((unknown.Status, Msg(unknown)), Is.EqualTo((500, "KE-010025201: Can't find the cube.")));
            Assert.That((string?)unknown.Json["error_code"], Is.EqualTo("KE-010025201"));
            Assert.That(Msg(inProject), Is.EqualTo("KE-010025201: Can't find the cube."));
            Assert.That(Msg(badProject), Is.EqualTo("KE-010001201: Can't find project \"nope\". Please check and try again."));
        });
    }

    // getHoles: consecutive segments (range order) that neither connect nor overlap leave a gap, written as an empty
    // NDataSegmentResponse: name (Segments.makeSegmentName), segRange, timeRange, every other field at its default.
    [Test]
    public void Holes_AreEmptySegmentsSpanningTheGaps()
    {
        const string gappy = "5d0a2f6c-0000-4000-8000-0000000000cc";
        using var own = ModelEstates.Start();
        using var client = new KylinHttp(own.Url);
        var t = ModelEstates.T;
        var day = ModelEstates.Day;
        own.Models.Add(ModelEstates.Model(gappy, "gappy_model", partitioned: true) with { LastModified = t + 5 },
        [
            ModelEstates.Seg(gappy, "g-1", t, t + day),
            ModelEstates.Seg(gappy, "g-2", t + (3 * day), t + (4 * day)),
            ModelEstates.Seg(gappy, "g-3", t + (4 * day), t + (5 * day)),
        ]);
        var answer = client.Get("/kylin/api/cubes/gappy_model/holes?project=learn_kylin", accept: V2);
        var hole = (JObject)((JArray)answer.Data).Single();
        var name = $"{DateTimeOffset.FromUnixTimeMilliseconds(t + day):yyyyMMddHHmmss}_{DateTimeOffset.FromUnixTimeMilliseconds(t + (3 * day)):yyyyMMddHHmmss}";
        var expected = "{\"id\":null,\"name\":\"" + name + "\",\"create_time_utc\":0,\"status\":null," +
            "\"segRange\":{\"@class\":\"org.apache.kylin.metadata.model.SegmentRange$TimePartitionedSegmentRange\",\"date_range_start\":" + (t + day) + ",\"date_range_end\":" + (t + (3 * day)) + "}," +
            "\"timeRange\":{\"start\":" + (t + day) + ",\"end\":" + (t + (3 * day)) + "},\"dimension_range_info_map\":{},\"parameters\":null,\"dictionaries\":null,\"snapshots\":null," +
            "\"last_build_time\":0,\"source_count\":0,\"source_bytes_size\":0,\"column_source_bytes\":{},\"ori_snapshot_size\":{},\"additionalInfo\":{}," +
            "\"is_realtime_segment\":false,\"is_snapshot_ready\":false,\"is_dict_ready\":false,\"is_flat_table_ready\":false,\"is_fact_view_ready\":false," +
            "\"multi_partitions\":[],\"max_bucket_id\":-1,\"bytes_size\":0,\"hit_count\":0,\"status_to_display\":null,\"status_second_storage_to_display\":null," +
            "\"index_count\":0,\"locked_index_count\":0,\"index_count_total\":0,\"multi_partition_count\":0,\"multi_partition_count_total\":0,\"row_count\":0," +
            "\"second_storage_nodes\":null,\"second_storage_size\":0,\"has_base_table_index\":false,\"has_base_agg_index\":false,\"has_base_table_index_data\":false,\"last_modified_time\":0}";
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
            Assert.That(hole.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo(expected));
        });
    }

    // getHoles: connected segments leave none (data []); the cube is looked up as getCube does.
    [Test]
    public void Holes_NoneOrUnknownCube()
    {
        var none = Get("/kylin/api/cubes/kylin_sales_model/holes");
        var unknown = Get("/kylin/api/cubes/nope/holes");
        Assert.Multiple(() =>
        {
            Assert.That((none.Status, none.Data.ToString(Newtonsoft.Json.Formatting.None)), Is.EqualTo((200, "[]")));
            Assert.That((unknown.Status, Msg(unknown)), Is.EqualTo((500, "KE-010025201: Can't find the cube.")));
        });
    }

    // getSql → PushDownUtil.generateFlatTableSql(model, false): effective columns as "ALIAS"."COL" as "ALIAS_COL", joined
    // by ", " after each newline; the fact table; each lookup's join with ON fk = pk; WHERE 1 = 1. Data is {"sql"}.
    [Test]
    public void Sql_IsTheFlatTableSql()
    {
        var answer = Get("/kylin/api/cubes/kylin_sales_model/sql?project=learn_kylin");
        const string sql = "SELECT \n" +
            "\"KYLIN_SALES\".\"TRANS_ID\" as \"KYLIN_SALES_TRANS_ID\"\n, " +
            "\"KYLIN_SALES\".\"PART_DT\" as \"KYLIN_SALES_PART_DT\"\n, " +
            "\"KYLIN_SALES\".\"SELLER_ID\" as \"KYLIN_SALES_SELLER_ID\"\n, " +
            "\"KYLIN_SALES\".\"PRICE\" as \"KYLIN_SALES_PRICE\"\n, " +
            "\"SELLER_ACCOUNT\".\"ACCOUNT_COUNTRY\" as \"SELLER_ACCOUNT_ACCOUNT_COUNTRY\"\n" +
            "FROM \"DEFAULT\".\"KYLIN_SALES\" as \"KYLIN_SALES\"\n" +
            "LEFT JOIN \"DEFAULT\".\"KYLIN_ACCOUNT\" as \"SELLER_ACCOUNT\"\n" +
            "ON \"KYLIN_SALES\".\"SELLER_ID\" = \"SELLER_ACCOUNT\".\"ACCOUNT_ID\"\n" +
            "WHERE \n1 = 1\n";
        var unknown = Get("/kylin/api/cubes/nope/sql");
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
            Assert.That(((JObject)answer.Data).Properties().Select(p => p.Name), Is.EqualTo(new[] { "sql" }));
            Assert.That((string?)answer.Data["sql"], Is.EqualTo(sql));
            Assert.That((unknown.Status, Msg(unknown)), Is.EqualTo((500, "KE-010025201: Can't find the cube.")));
        });
    }

    // SegmentControllerV2 produces v2 only: with the v4 Accept, Spring matches the path but not produces (406).
    [Test]
    public void Cubes_WithTheV4Accept_AreNotAcceptable()
    {
        Assert.That(Http.Get("/kylin/api/cubes?projectName=learn_kylin").Status, Is.EqualTo(406));
    }
}
