using KylinMock.Tests.Support;
using Newtonsoft.Json.Linq;

namespace KylinMock.Tests.Faces.KylinV2;

/// <summary>
/// v2 PUT /kylin/api/cubes/{cubeName}/rebuild and /segments: the same jobs as v4's build endpoints, answered as
/// JobInfoResponseV2 (build contract §12.1; DLC/v2/SegmentControllerV2.rebuild/manageSegments, DLS/ModelBuildService).
/// </summary>
public class V2SegmentBuildTests : ModelEstateTest
{
    private const string V2 = "application/vnd.apache.kylin-v2+json";
    private const string Rebuild = "/kylin/api/cubes/kylin_sales_model/rebuild";
    private const string Manage = "/kylin/api/cubes/kylin_sales_model/segments";
    private const long Day = ModelEstates.Day;
    private static readonly long T = ModelEstates.T;

    private static string Msg(KylinHttp.Answer answer) => (string)answer.Json["msg"]!;

    private KylinHttp.Answer Put(string path, string body) => Http.Send(HttpMethod.Put, path, body, accept: V2);

    private static string Range(long start, long end, string buildType) =>
        $"{{\"startTime\":{start},\"endTime\":{end},\"buildType\":\"{buildType}\"}}";

    private static string Names(string buildType, params string[] names) =>
        new JObject { ["segments"] = new JArray(names.Cast<object>().ToArray()), ["buildType"] = buildType }.ToString();

    private JObject[] Rows(string model = "kylin_sales_model") =>
        Http.Get($"/kylin/api/models/{model}/segments?project=learn_kylin&page_size=100&sort_by=start_time&reverse=true").Data["value"]!.Cast<JObject>().ToArray();

    private string Name(string id) => (string)Rows().First(r => (string?)r["id"] == id)["name"]!;

    // SegmentControllerV2.rebuild BUILD → buildSegmentsManually: a NEW segment on the range and an INC_BUILD job, answered {uuid, job_type}.
    [Test]
    public void Rebuild_Build_PartitionedRange_IsIncBuild_AsJobInfoResponseV2()
    {
        var answer = Put(Rebuild + "?project=learn_kylin", Range(T + (3 * Day), T + (4 * Day), "BUILD"));
        var data = (JObject)answer.Data;
        var job = Kylin.Jobs.Find((string)data["uuid"]!);
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
            Assert.That(answer.ContentType, Does.StartWith(V2));
            Assert.That((string?)answer.Json["code"], Is.EqualTo("000"));
            Assert.That(data.Properties().Select(p => p.Name), Is.EqualTo(new[] { "uuid", "job_type" }));
            Assert.That((string?)data["job_type"], Is.EqualTo("INC_BUILD"));
            Assert.That((string)data["uuid"]!, Does.EndWith("-" + ModelEstates.Partitioned));
            Assert.That(job, Is.Not.Null);
            Assert.That((job!.DataRangeStart, job.DataRangeEnd), Is.EqualTo((T + (3 * Day), T + (4 * Day))));
            Assert.That(Rows().Length, Is.EqualTo(4));
        });
    }

    // SegmentControllerV2.rebuild BUILD of a full-build model with a segment: INDEX_REFRESH of it (constructFullBuild); the range only has to be valid.
    [Test]
    public void Rebuild_Build_FullBuildModel_RefreshesItsSegment()
    {
        var answer = Put("/kylin/api/cubes/sales_full_model/rebuild", Range(0, 1, "BUILD"));
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
            Assert.That((string?)answer.Data["job_type"], Is.EqualTo("INDEX_REFRESH"));
            Assert.That(Kylin.Jobs.Find((string)answer.Data["uuid"]!), Is.Not.Null);
        });
    }

    // SegmentControllerV2.rebuild: the cube first (KE-010025201), then DataRangeUtils.validateDataRange of String(start/end):
    // an empty body is 0..0 (KE-010043203), a negative KE-010043202; then v4's overlap (KE-010022202). Nothing changes.
    [Test]
    public void Rebuild_Refusals_CubeThenRangeThenOverlap()
    {
        var unknown = Put("/kylin/api/cubes/nope/rebuild", "{}");
        var empty = Put(Rebuild, "{}");
        var negative = Put(Rebuild, Range(-1, T, "BUILD"));
        var overlap = Put(Rebuild, Range(T, T + Day, "BUILD"));
        Assert.Multiple(() =>
        {
            Assert.That((unknown.Status, Msg(unknown)), Is.EqualTo((500, "KE-010025201: Can't find the cube.")));
            Assert.That((empty.Status, (string?)empty.Json["error_code"]), Is.EqualTo((500, "KE-010043203")));
            Assert.That((string?)negative.Json["error_code"], Is.EqualTo("KE-010043202"));
            Assert.That((string?)overlap.Json["error_code"], Is.EqualTo("KE-010022202"));
            Assert.That(Kylin.Jobs.Snapshot(), Is.Empty);
            Assert.That(Rows().Length, Is.EqualTo(3));
        });
    }

    // SegmentControllerV2.rebuild REFRESH: the segments with start ≥ startTime and end ≤ endTime; exactly one is refreshed
    // (refreshSegmentById: a NEW copy and INDEX_REFRESH); none KE-010022203, several KE-010022206.
    [Test]
    public void Rebuild_Refresh_TheOneSegmentInsideTheRange()
    {
        var none = Put(Rebuild, Range(T + (10 * Day), T + (11 * Day), "REFRESH"));
        var several = Put(Rebuild, Range(T, T + (2 * Day), "REFRESH"));
        var one = Put(Rebuild, Range(T, T + Day, "REFRESH"));
        Assert.Multiple(() =>
        {
            Assert.That(Msg(none), Is.EqualTo("KE-010022203: Can't refresh. Please select segment and try again."));
            Assert.That(Msg(several), Is.EqualTo("KE-010022206: Please select at most one segment to refresh."));
            Assert.That(one.Status, Is.EqualTo(200), one.Text);
            Assert.That((string?)one.Data["job_type"], Is.EqualTo("INDEX_REFRESH"));
            Assert.That(Kylin.Jobs.Find((string)one.Data["uuid"]!)!.DataRangeStart, Is.EqualTo(T));
            Assert.That(Rows().Length, Is.EqualTo(4));
        });
    }

    // SegmentControllerV2.rebuild: buildType is case-sensitive; anything else is HTTP 200 {"code":"999","data":null,"msg":"Invalid build type."}.
    [Test]
    public void Rebuild_OtherBuildType_IsSoft999_AndChangesNothing()
    {
        var answer = Put(Rebuild, Range(T + (3 * Day), T + (4 * Day), "build"));
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200));
            Assert.That(answer.Text, Is.EqualTo("{\"code\":\"999\",\"data\":null,\"msg\":\"Invalid build type.\"}"));
            Assert.That(Kylin.Jobs.Snapshot(), Is.Empty);
        });
    }

    // SegmentControllerV2.rebuild/manageSegments switch on buildType: null is a NullPointerException, 500 UNKNOWN ERRORCODE (inferred), after the checks before it.
    [Test]
    public void BuildType_Missing_IsUnknownError500()
    {
        var rebuild = Put(Rebuild, $"{{\"startTime\":{T + (3 * Day)},\"endTime\":{T + (4 * Day)}}}");
        var manage = Put(Manage, "{\"segments\":[\"" + Name("seg-1") + "\"]}");
        Assert.Multiple(() =>
        {
            Assert.That((rebuild.Status, Msg(rebuild)), Is.EqualTo((500, "KE-000000001(UNKNOWN ERRORCODE): null")));
            Assert.That((manage.Status, Msg(manage)), Is.EqualTo((500, "KE-000000001(UNKNOWN ERRORCODE): null")));
            Assert.That(Kylin.Jobs.Snapshot(), Is.Empty);
        });
    }

    // SegmentControllerV2.manageSegments MERGE → mergeSegmentsManually: one NEW segment over both and an INDEX_MERGE job, answered {uuid, job_type}.
    [Test]
    public void Segments_Merge_IsOneIndexMerge()
    {
        var answer = Put(Manage + "?project=learn_kylin", Names("MERGE", Name("seg-1"), Name("seg-2")));
        var data = (JObject)answer.Data;
        var job = Kylin.Jobs.Find((string)data["uuid"]!);
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
            Assert.That(data.Properties().Select(p => p.Name), Is.EqualTo(new[] { "uuid", "job_type" }));
            Assert.That((string?)data["job_type"], Is.EqualTo("INDEX_MERGE"));
            Assert.That((job!.DataRangeStart, job.DataRangeEnd), Is.EqualTo((T, T + (2 * Day))));
        });
    }

    // SegmentControllerV2.manageSegments REFRESH → refreshSegmentById: one INDEX_REFRESH a segment, an array of {uuid, job_type}.
    [Test]
    public void Segments_Refresh_IsOneIndexRefreshASegment()
    {
        var answer = Put(Manage, Names("REFRESH", Name("seg-1"), Name("seg-2")));
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
            Assert.That(answer.Data.Select(j => (string?)j["job_type"]), Is.EqualTo(new[] { "INDEX_REFRESH", "INDEX_REFRESH" }));
            Assert.That(answer.Data.All(j => Kylin.Jobs.Find((string)j["uuid"]!) is not null), Is.True);
            Assert.That(Rows().Length, Is.EqualTo(5));
        });
    }

    // SegmentControllerV2.manageSegments DROP → deleteSegmentById(force): the segments go; {"code":"000","data":"","msg":"Drop segments successfully"}.
    [Test]
    public void Segments_Drop_RemovesThem()
    {
        var answer = Put(Manage, Names("DROP", Name("seg-1")));
        Assert.Multiple(() =>
        {
            Assert.That(answer.Text, Is.EqualTo("{\"code\":\"000\",\"data\":\"\",\"msg\":\"Drop segments successfully\"}"));
            Assert.That(Rows().Select(r => (string?)r["id"]), Is.EqualTo(new[] { "seg-2", "seg-3" }));
        });
    }

    // SegmentControllerV2.manageSegments, in order: no segments KE-010022212, the cube KE-010025201, unknown names KE-010022209,
    // MERGE of one KE-010022207; another buildType is the soft {"code":"999","data":"","msg":"Invalid build type."}. Nothing changes.
    [Test]
    public void Segments_Refusals_InOrder()
    {
        var seg1 = Name("seg-1");
        var empty = Put("/kylin/api/cubes/nope/segments", "{\"buildType\":\"MERGE\"}");
        var unknown = Put("/kylin/api/cubes/nope/segments", Names("MERGE", seg1));
        var badName = Put(Manage, Names("MERGE", seg1, "nope"));
        var one = Put(Manage, Names("MERGE", seg1, seg1));
        var other = Put(Manage, Names("merge", seg1));
        Assert.Multiple(() =>
        {
            Assert.That((empty.Status, Msg(empty)), Is.EqualTo((500, "KE-010022212: You should choose at least one segment!")));
            Assert.That(Msg(unknown), Is.EqualTo("KE-010025201: Can't find the cube."));
            Assert.That(Msg(badName), Is.EqualTo("KE-010022209: Can't find the segment by name \"nope\". Please check and try again."));
            Assert.That(Msg(one), Is.EqualTo("KE-010022207: Please select at least two segment to merge."));
            Assert.That(other.Text, Is.EqualTo("{\"code\":\"999\",\"data\":\"\",\"msg\":\"Invalid build type.\"}"));
            Assert.That(Kylin.Jobs.Snapshot(), Is.Empty);
            Assert.That(Rows().Length, Is.EqualTo(3));
        });
    }
}
