using KylinMock.Jobs;
using KylinMock.Models;
using KylinMock.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace KylinMock.Tests.Faces.Kylin5Models;

/// <summary>
/// The job-producing segment endpoints over HTTP and what the jobs' lives do to the segments, on a
/// manual clock (build contract §1, §7, §8; DLC/open/OpenSegmentController, DLS/ModelBuildService).
/// </summary>
public class SegmentBuildTests : ModelEstateTest
{
    private const string Segments = "/kylin/api/models/kylin_sales_model/segments";
    private const long Day = ModelEstates.Day;
    private static readonly long T = ModelEstates.T;
    private FakeTimeProvider clock = null!;

    [SetUp]
    public void Start() => clock = (FakeTimeProvider)Kylin.Clock;

    private static string Msg(KylinHttp.Answer answer) => (string)answer.Json["msg"]!;

    private KylinHttp.Answer Build(string body, string path = Segments) => Http.Send(HttpMethod.Post, path, body);

    private KylinHttp.Answer Put(string body, string path = Segments) => Http.Put(path, body);

    private static string Range(long start, long end, string extra = "") =>
        $"{{\"project\":\"learn_kylin\",\"start\":\"{start}\",\"end\":\"{end}\"{extra}}}";

    private JObject[] Rows(string path = Segments) =>
        Http.Get(path + "?project=learn_kylin&page_size=100&sort_by=start_time&reverse=true").Data["value"]!.Cast<JObject>().ToArray();

    private (string Status, string Shown)[] Shown(string path = Segments) =>
        Rows(path).Select(r => ((string)r["status"]!, (string)r["status_to_display"]!)).ToArray();

    private void Pass(TimeSpan span) => clock.Advance(span);

    [Test]
    public void Build_NewRange_IsIncBuildOfOneNewSegment_LoadingThenOnline()
    {
        // ModelBuildService.constructIncrementBuild: one NEW segment, an INC_BUILD job "<uuid>-<model uuid>" (JobParam).
        var answer = Build(Range(T + (3 * Day), T + (4 * Day)));
        var job = (JObject)answer.Data["jobs"]![0]!;
        var id = (string)job["job_id"]!;
        var live = Kylin.Jobs.Find(id)!;
        var segment = Rows().Last();
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
            Assert.That(job.Properties().Select(p => p.Name), Is.EqualTo(new[] { "job_name", "job_id" }));
            Assert.That((string?)job["job_name"], Is.EqualTo("INC_BUILD"));
            Assert.That(id, Does.EndWith("-" + ModelEstates.Partitioned));
            Assert.That(live.Status, Is.EqualTo(JobStatus.PENDING));
            Assert.That(live.TargetSegments, Is.EqualTo(new[] { (string)segment["id"]! }));
            Assert.That((live.DataRangeStart, live.DataRangeEnd), Is.EqualTo((T + (3 * Day), T + (4 * Day))));
            Assert.That(live.Steps.Select(s => s.Name), Is.EqualTo(JobType.INC_BUILD.StepNames()));
            Assert.That(live.SubjectAlias, Is.EqualTo("kylin_sales_model"));
            Assert.That(((string)segment["status"]!, (string)segment["status_to_display"]!), Is.EqualTo(("NEW", "LOADING")));
            Assert.That((string?)segment["name"], Is.EqualTo(SegmentNames.Make(T + (3 * Day), T + (4 * Day), TimeZoneInfo.Utc)));
        });

        Pass(TimeSpan.FromSeconds(5));
        var running = Http.Get($"/kylin/api/jobs?time_filter=0&key={id}&project=learn_kylin").Data["value"]![0]!;
        Assert.That((string?)running["job_status"], Is.EqualTo("RUNNING"));
        Assert.That(Shown().Last(), Is.EqualTo(("NEW", "LOADING")));

        Pass(TimeSpan.FromMinutes(3));
        var done = Rows().Last();
        Assert.Multiple(() =>
        {
            Assert.That(Kylin.Jobs.Find(id)!.Status, Is.EqualTo(JobStatus.FINISHED));
            Assert.That(((string)done["status"]!, (string)done["status_to_display"]!), Is.EqualTo(("READY", "ONLINE")));
            Assert.That((int)done["index_count"]!, Is.EqualTo(3));
            Assert.That((long)done["last_build_time"]!, Is.EqualTo(Kylin.Jobs.Find(id)!.EndTime));
        });
    }

    [Test]
    public void Build_OverlappingRange_IsKE010022202_NamingTheSegments_AndChangesNothing()
    {
        // ModelBuildService.buildSegmentOverlapExceptionInfo: StringJoiner(",", "[", "]") of the names.
        var before = Rows().Length;
        var answer = Build(Range(T + 1, T + (2 * Day) + 1));
        Assert.Multiple(() =>
        {
            Assert.That((answer.Status, (string?)answer.Json["code"]), Is.EqualTo((500, "999")));
            Assert.That(Msg(answer), Is.EqualTo("KE-010022202: Can't build segment. The specified data range overlaps with the built segments \"["
                + SegmentNames.Make(T, T + Day, TimeZoneInfo.Utc) + "," + SegmentNames.Make(T + Day, T + (2 * Day), TimeZoneInfo.Utc) + "]\". Please modify and try again."));
            Assert.That(Rows(), Has.Length.EqualTo(before));
            Assert.That(Kylin.Jobs.Count, Is.Zero);
        });
    }

    [TestCase("{\"project\":\"learn_kylin\",\"start\":\"1\"}", 500, "KE-010043206")]
    [TestCase("{\"project\":\"learn_kylin\",\"start\":\"a\",\"end\":\"2\"}", 500, "KE-010043205")]
    [TestCase("{\"project\":\"learn_kylin\",\"start\":\"-1\",\"end\":\"2\"}", 500, "KE-010043202")]
    [TestCase("{\"project\":\"learn_kylin\",\"start\":\"86400000\",\"end\":\"86400001\"}", 500, "KE-010043203")]
    [TestCase("{\"project\":\"learn_kylin\",\"start\":\"1\",\"end\":\"2\",\"priority\":7}", 500, "KE-010043207")]
    [TestCase("{\"start\":\"1\",\"end\":\"2\"}", 500, "KE-010001002")]
    [TestCase("{\"project\":\"nope\",\"start\":\"1\",\"end\":\"2\"}", 500, "KE-010001201")]
    [TestCase("{\"project\":\"learn_kylin\"}", 400, "KE-010000003")]
    [TestCase("{\"project\":\"learn_kylin\",\"start\":\"86400000\",\"end\":\"172800000\",\"sub_partition_values\":[[\"a\"]]}", 500, "KE-010002018")]
    public void Build_Refusals_InKylinsOrder(string body, int status, string code)
    {
        // SegmentController.buildSegmentsManually: DataRangeUtils.validateDataRange (truncated to yyyy-MM-dd: one ms is
        // the same day, KE-010043203), validatePriority, checkProjectName; a partitioned model without a range fails
        // Long.parseLong (400, inferred); PARTITION_VALUE_NOT_SUPPORT for a model without sub-partitions.
        var answer = Build(body);
        Assert.Multiple(() =>
        {
            Assert.That((answer.Status, (string?)answer.Json["error_code"]), Is.EqualTo((status, code)), answer.Text);
            Assert.That(Kylin.Jobs.Count, Is.Zero);
            Assert.That(Rows(), Has.Length.EqualTo(3));
        });
    }

    [Test]
    public void Build_UnknownModel_IsKE010002203()
    {
        // OpenSegmentController.getModel.
        var answer = Build(Range(1, 2), "/kylin/api/models/nope/segments");
        Assert.That(Msg(answer), Is.EqualTo("KE-010002203: Can't find model name \"nope\". Please check and try again."));
    }

    [Test]
    public void Build_WithoutIndexes_IsKE010024002()
    {
        // ModelService.checkModelAndIndexManually: build_all_indexes with no layout in the index plan.
        Kylin.Models.Add(ModelEstates.Model("5d0a2f6c-0000-4000-8000-0000000000cc", "bare", partitioned: true) with { TotalIndexes = 0 });
        var answer = Build(Range(T, T + Day), "/kylin/api/models/bare/segments");
        Assert.That(Msg(answer), Is.EqualTo("KE-010024002(Permission Denied):Can’t build segment(s). Please add some indexes first."));
    }

    [Test]
    public void Build_WithoutIndexBuild_IsReadyEmptySegment_AndJobsNull()
    {
        // constructIncrementBuild with needBuild=false: a READY segment and a null job id in the list.
        var answer = Build(Range(T + (5 * Day), T + (6 * Day), ",\"build_all_indexes\":false"));
        Assert.Multiple(() =>
        {
            Assert.That(answer.Data.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo("{\"jobs\":[null]}"));
            Assert.That(Shown().Last(), Is.EqualTo(("READY", "ONLINE")));
            Assert.That(Kylin.Jobs.Count, Is.Zero);
        });
    }

    [Test]
    public void Build_FullBuildModel_FirstIsFullBuildSegment_ThenRefreshOfIt()
    {
        // constructFullBuild: no segment → FULL_BUILD over 0..Long.MAX_VALUE and INC_BUILD; a segment → refresh with all layouts.
        const string path = "/kylin/api/models/empty_full/segments";
        Kylin.Models.Add(ModelEstates.Model("5d0a2f6c-0000-4000-8000-0000000000dd", "empty_full", partitioned: false));
        var first = Build("{\"project\":\"learn_kylin\",\"start\":\"1\",\"end\":\"9223372036854775806\"}", path);
        var job = Kylin.Jobs.Find((string)first.Data["jobs"]![0]!["job_id"]!)!;
        var row = Rows(path).Single();
        Assert.Multiple(() =>
        {
            Assert.That((string?)first.Data["jobs"]![0]!["job_name"], Is.EqualTo("INC_BUILD"));
            Assert.That((string?)row["name"], Is.EqualTo("FULL_BUILD"));
            Assert.That((job.DataRangeStart, job.DataRangeEnd), Is.EqualTo((0L, long.MaxValue)));
        });

        Pass(TimeSpan.FromMinutes(4));
        var again = Build("{\"project\":\"learn_kylin\"}", path);
        var none = Build("{\"project\":\"learn_kylin\",\"build_all_indexes\":false}", path);
        Assert.Multiple(() =>
        {
            Assert.That((string?)again.Data["jobs"]![0]!["job_name"], Is.EqualTo("INDEX_REFRESH"), again.Text);
            Assert.That(none.Data.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo("{\"jobs\":[]}"));
            Assert.That(Shown(path), Is.EqualTo(new[] { ("READY", "LOCKED"), ("NEW", "REFRESHING") }));
        });
    }

    [Test]
    public void Refresh_ById_MakesCopy_AndSuccessReplacesTheSegment()
    {
        // refreshSegmentById: a NEW copy of the range (REFRESHING; the old one LOCKED), INDEX_REFRESH targeting the copy.
        var answer = Put("{\"project\":\"learn_kylin\",\"type\":\"REFRESH\",\"ids\":[\"seg-1\"]}");
        var id = (string)answer.Data["jobs"]![0]!["job_id"]!;
        var copy = Kylin.Jobs.Find(id)!.TargetSegments.Single();
        Assert.Multiple(() =>
        {
            Assert.That((string?)answer.Data["jobs"]![0]!["job_name"], Is.EqualTo("INDEX_REFRESH"), answer.Text);
            Assert.That(copy, Is.Not.EqualTo("seg-1"));
            Assert.That(Rows().Where(r => (long)r["segRange"]!["date_range_start"]! == T).Select(r => (string)r["status_to_display"]!), Is.EquivalentTo(new[] { "LOCKED", "REFRESHING" }));
        });

        Pass(TimeSpan.FromMinutes(4));
        var first = Rows()[0];
        Assert.Multiple(() =>
        {
            Assert.That((string?)first["id"], Is.EqualTo(copy));
            Assert.That((string?)first["status_to_display"], Is.EqualTo("ONLINE"));
            Assert.That(Rows().Select(r => (string)r["id"]!), Does.Not.Contain("seg-1"));
        });
    }

    [TestCase("{\"project\":\"learn_kylin\",\"ids\":[\"seg-1\"],\"names\":[\"x\"]}", "KE-010022214: Can't enter segment ID and name at the same time. Please re-enter.")]
    [TestCase("{\"project\":\"learn_kylin\"}", "KE-010022215: Please enter segment ID or name.")]
    [TestCase("{\"project\":\"learn_kylin\",\"ids\":[\"x\",\"seg-1\",\"y\"]}", "KE-010022210: Can't find the segment by ID \"x,y\". Please check and try again.")]
    [TestCase("{\"project\":\"learn_kylin\",\"names\":[\"x\"]}", "KE-010022209: Can't find the segment by name \"x\". Please check and try again.")]
    [TestCase("{\"project\":\"learn_kylin\",\"type\":\"MERGE\",\"ids\":[\"seg-1\"]}", "KE-010022207: Please select at least two segment to merge.")]
    [TestCase("{\"project\":\"learn_kylin\",\"type\":\"merge\",\"ids\":[\"seg-1\"]}", "KE-010043207: The entered parameter \"type\" is invalid, only supports \"REFRESH,MERGE\" at the moment. Please check and try again.")]
    public void RefreshOrMerge_Refusals(string body, string message)
    {
        // SegmentController.refreshOrMergeSegments: checkSegmentParams, convertSegmentIdWithName, checkSegmentsExistById.
        var answer = Put(body);
        Assert.Multiple(() =>
        {
            Assert.That(Msg(answer), Is.EqualTo(message));
            Assert.That(Kylin.Jobs.Count, Is.Zero);
            Assert.That(Rows(), Has.Length.EqualTo(3));
        });
    }

    [Test]
    public void Refresh_LoadingOrLockedSegment_IsKE010022217_Or216()
    {
        // ModelService.checkSegmentsStatus: "[id:<id>,name:<name>]" and the shown status; LOCKED has its own code.
        var name3 = SegmentNames.Make(T + (2 * Day), T + (3 * Day), TimeZoneInfo.Utc);
        var loading = Put("{\"project\":\"learn_kylin\",\"ids\":[\"seg-3\"]}");
        Put("{\"project\":\"learn_kylin\",\"ids\":[\"seg-1\"]}");
        var locked = Put("{\"project\":\"learn_kylin\",\"names\":[\"" + SegmentNames.Make(T, T + Day, TimeZoneInfo.Utc) + "\"]}");
        Assert.Multiple(() =>
        {
            Assert.That(Msg(loading), Is.EqualTo($"KE-010022217: Can't refresh or merge segment \"[id:seg-3,name:{name3}]\", as it's in \"LOADING\". Please try again later."));
            Assert.That(Msg(locked), Is.EqualTo($"KE-010022216: Can't remove, refresh or merge segment \"[id:seg-1,name:{SegmentNames.Make(T, T + Day, TimeZoneInfo.Utc)}]\", as it's LOCKED. Please try again later."));
            Assert.That(Kylin.Jobs.Count, Is.EqualTo(1));
        });
    }

    [Test]
    public void Merge_TwoAdjacent_GivesOneMergedSegment_AfterSuccess()
    {
        // mergeSegmentsManually: one NEW segment over [min start, max end) (MERGING, the sources LOCKED); success drops the sources.
        var answer = Put("{\"project\":\"learn_kylin\",\"type\":\"MERGE\",\"ids\":[\"seg-2\",\"seg-1\"]}");
        var job = Kylin.Jobs.Find((string)answer.Data["jobs"]![0]!["job_id"]!)!;
        Assert.Multiple(() =>
        {
            Assert.That((string?)answer.Data["jobs"]![0]!["job_name"], Is.EqualTo("INDEX_MERGE"), answer.Text);
            Assert.That((job.DataRangeStart, job.DataRangeEnd), Is.EqualTo((T, T + (2 * Day))));
            Assert.That(job.Steps.Select(s => s.Name), Is.EqualTo(JobType.INDEX_MERGE.StepNames()));
            Assert.That(Shown(), Is.EquivalentTo(new[] { ("READY", "LOCKED"), ("READY", "LOCKED"), ("NEW", "MERGING"), ("NEW", "LOADING") }));
        });

        Pass(TimeSpan.FromMinutes(5));
        var merged = Rows()[0];
        Assert.Multiple(() =>
        {
            Assert.That(Rows(), Has.Length.EqualTo(2));
            Assert.That(((long)merged["segRange"]!["date_range_start"]!, (long)merged["segRange"]!["date_range_end"]!), Is.EqualTo((T, T + (2 * Day))));
            Assert.That((string?)merged["status_to_display"], Is.EqualTo("ONLINE"));
        });
    }

    [Test]
    public void Merge_WithGap_IsKE010022208()
    {
        // ModelService.checkSegmentsContinuous.
        const string uuid = "5d0a2f6c-0000-4000-8000-0000000000ee";
        Kylin.Models.Add(ModelEstates.Model(uuid, "gappy", partitioned: true), [ModelEstates.Seg(uuid, "g-1", T, T + Day), ModelEstates.Seg(uuid, "g-2", T + (2 * Day), T + (3 * Day))]);
        var answer = Put("{\"project\":\"learn_kylin\",\"type\":\"MERGE\",\"ids\":[\"g-1\",\"g-2\"]}", "/kylin/api/models/gappy/segments");
        Assert.That(Msg(answer), Is.EqualTo("KE-010022208: Can't merge the selected segments, as there are gap(s) in between. Please check and try again."));
    }

    [Test]
    public void Merge_DiscardedJob_RemovesMergedSegment_KeepsSources()
    {
        // NSparkMergingJob.cancelJob: the non-READY target goes, the sources are READY again (ONLINE).
        var id = (string)Put("{\"project\":\"learn_kylin\",\"type\":\"MERGE\",\"ids\":[\"seg-1\",\"seg-2\"]}").Data["jobs"]![0]!["job_id"]!;
        var discard = Put($"{{\"action\":\"DISCARD\",\"project\":\"learn_kylin\",\"job_ids\":[\"{id}\"]}}", "/kylin/api/jobs/status");
        Assert.Multiple(() =>
        {
            Assert.That(discard.Status, Is.EqualTo(200), discard.Text);
            Assert.That(Shown(), Is.EqualTo(new[] { ("READY", "ONLINE"), ("READY", "ONLINE"), ("NEW", "LOADING") }));
        });
    }

    [Test]
    public void Build_ScriptedToFail_KeepsSegmentNew_UntilDiscarded()
    {
        // An ERROR job keeps its NEW segment (LOADING: NEW + INC_BUILD, SegmentUtil); NSparkCubingJob.cancelJob removes it.
        Kylin.Models.ScriptNextJob(ModelEstates.Partitioned, new JobPlan().FailingAt(1));
        var id = (string)Build(Range(T + (3 * Day), T + (4 * Day))).Data["jobs"]![0]!["job_id"]!;
        Pass(TimeSpan.FromMinutes(3));
        Assert.Multiple(() =>
        {
            Assert.That(Kylin.Jobs.Find(id)!.Status, Is.EqualTo(JobStatus.ERROR));
            Assert.That(Shown().Last(), Is.EqualTo(("NEW", "LOADING")));
        });

        Put($"{{\"action\":\"DISCARD\",\"project\":\"learn_kylin\",\"job_ids\":[\"{id}\"]}}", "/kylin/api/jobs/status");
        Assert.That(Rows(), Has.Length.EqualTo(3));
    }

    [Test]
    public void Build_ScriptedThroughControlApi_FailsOnce_ThenResumeFinishes()
    {
        // The control plane's way to script the next build: PUT /__kylinmock/models/{uuid}/next_job.
        var scripted = Http.Send(HttpMethod.Put, $"/__kylinmock/models/{ModelEstates.Partitioned}/next_job", "{\"plan\":{\"pickup_delay_ms\":1000,\"fail_at_step\":1}}", accept: null);
        var id = (string)Build(Range(T + (3 * Day), T + (4 * Day))).Data["jobs"]![0]!["job_id"]!;
        Pass(TimeSpan.FromMinutes(2));
        Pass(TimeSpan.FromMinutes(1));
        var failed = Kylin.Jobs.Find(id)!.Status;
        Put($"{{\"action\":\"RESUME\",\"project\":\"learn_kylin\",\"job_ids\":[\"{id}\"]}}", "/kylin/api/jobs/status");
        Pass(TimeSpan.FromMinutes(5));
        Assert.Multiple(() =>
        {
            Assert.That(scripted.Status, Is.EqualTo(200), scripted.Text);
            Assert.That(failed, Is.EqualTo(JobStatus.ERROR));
            Assert.That(Kylin.Jobs.Find(id)!.Status, Is.EqualTo(JobStatus.FINISHED));
            Assert.That(Shown().Last(), Is.EqualTo(("READY", "ONLINE")));
        });
    }

    [Test]
    public void Delete_ById_RemovesIt_AndPurgeEmptiesTheModel_Offline()
    {
        // SegmentController.deleteSegments: data ""; the model goes OFFLINE when its last segment goes (offlineModelIfNecessary).
        var one = Http.Send(HttpMethod.Delete, Segments + "?project=learn_kylin&purge=false&ids=seg-1");
        var idsLeft = Rows().Select(r => (string)r["id"]!).ToArray();
        var purge = Http.Send(HttpMethod.Delete, Segments + "?project=learn_kylin&purge=true");
        var model = Http.Get("/kylin/api/models?project=learn_kylin&model_name=kylin_sales_model").Data["value"]![0]!;
        Assert.Multiple(() =>
        {
            Assert.That(one.Json.ToString(Newtonsoft.Json.Formatting.None), Does.StartWith("{\"code\":\"000\",\"data\":\"\""), one.Text);
            Assert.That(idsLeft, Is.EqualTo(new[] { "seg-2", "seg-3" }));
            Assert.That(purge.Status, Is.EqualTo(200));
            Assert.That(Rows(), Is.Empty);
            Assert.That((string?)model["status"], Is.EqualTo("OFFLINE"));
        });
    }

    [TestCase("?project=learn_kylin&purge=false", 500, "KE-010022215")]
    [TestCase("?project=learn_kylin&purge=false&ids=seg-1&names=x", 500, "KE-010022214")]
    [TestCase("?project=learn_kylin&purge=false&ids=nope", 500, "KE-010022210")]
    [TestCase("?project=learn_kylin", 400, "KE-010043201")]
    public void Delete_Refusals(string query, int status, string code)
    {
        // SegmentController.deleteSegments: purge is a required @RequestParam; checkSegmentParams; checkSegmentsExistById.
        var answer = Http.Send(HttpMethod.Delete, Segments + query);
        Assert.Multiple(() =>
        {
            Assert.That((answer.Status, (string?)answer.Json["error_code"]), Is.EqualTo((status, code)), answer.Text);
            Assert.That(Rows(), Has.Length.EqualTo(3));
        });
    }

    [Test]
    public void Delete_LockedSegment_IsKE010022216_AndBuildingSegment_EndsItsJobDiscarded()
    {
        // deleteSegmentById refuses LOCKED; a LOADING one may go, and its job turns SUICIDAL (shown DISCARDED; checkSuicide).
        Put("{\"project\":\"learn_kylin\",\"ids\":[\"seg-1\"]}");
        var locked = Http.Send(HttpMethod.Delete, Segments + "?project=learn_kylin&purge=false&ids=seg-1");
        var id = (string)Build(Range(T + (3 * Day), T + (4 * Day))).Data["jobs"]![0]!["job_id"]!;
        var building = Kylin.Jobs.Find(id)!.TargetSegments.Single();
        Http.Send(HttpMethod.Delete, Segments + "?project=learn_kylin&purge=false&ids=" + building);
        Assert.Multiple(() =>
        {
            Assert.That((string?)locked.Json["error_code"], Is.EqualTo("KE-010022216"));
            Assert.That(Kylin.Jobs.Find(id)!.State, Is.EqualTo(ExecutableState.SUICIDAL));
            Assert.That(Kylin.Jobs.Find(id)!.Status, Is.EqualTo(JobStatus.DISCARDED));
        });
    }

    [Test]
    public void Refresh_SegmentOfABlockingJob_IsKE010032206()
    {
        // AbstractJobHandler.checkBeforeHandle: the new job's segment overlaps a segment a blocking job of the model targets.
        var order = new JobOrder("learn_kylin", JobType.INDEX_REFRESH, ModelEstates.Partitioned, new JobPlan()) { TargetSegments = ["seg-2"] };
        Kylin.Jobs.Add([NewJob.Create("busy-" + ModelEstates.Partitioned, "learn_kylin", order, Kylin.Jobs.Now)]);
        var answer = Put("{\"project\":\"learn_kylin\",\"ids\":[\"seg-2\"]}");
        Assert.Multiple(() =>
        {
            Assert.That(Msg(answer), Is.EqualTo("KE-010032206: Can't submit the job at the moment, as a building job for the same object already exists. Please try again later."));
            Assert.That(Rows(), Has.Length.EqualTo(3));
        });
    }
}
