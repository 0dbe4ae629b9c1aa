using KylinMock.Models;
using KylinMock.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace KylinMock.Tests.Faces.Kylin5Models;

/// <summary>
/// A model's status and index counts follow its READY segments (issue 20, contract "Third pass" A): a finished
/// INDEX_BUILD puts an OFFLINE model ONLINE, a model whose last segment goes is OFFLINE by any path, and
/// <c>empty_indexes_count</c> is total minus available.
/// </summary>
public class ModelStatusFollowsSegmentsTests : ModelEstateTest
{
    private const string V2 = "application/vnd.apache.kylin-v2+json";
    private const string Fresh = "5d0a2f6c-0000-4000-8000-0000000000c1";
    private const long Day = ModelEstates.Day;
    private static readonly long T = ModelEstates.T;

    [SetUp]
    public void AddFreshModel() =>
        Kylin.Models.Add(ModelEstates.Model(Fresh, "fresh", partitioned: true) with { StoredStatus = ModelStatus.OFFLINE });

    private void Advance(TimeSpan by) => ((FakeTimeProvider)Kylin.Clock).Advance(by);

    private JObject ModelRow(string alias) =>
        (JObject)Http.Get($"/kylin/api/models?project=learn_kylin&model_name={alias}").Data["value"]!.Single();

    private string JobStatus(string id) =>
        (string)Http.Get($"/kylin/api/jobs?project=learn_kylin&time_filter=4&key={id}").Data["value"]!.Single()["job_status"]!;

    [Test]
    public void IndexBuild_OfflineModel_FinishesOnline_TheTwoStepFlow()
    {
        // ExecutableAddCuboidHandler.handleFinished -> ExecutableHandler.markDFStatus: OFFLINE -> ONLINE.
        // Step 1: an empty segment (build_all_indexes false) -> READY, no job; the model stays OFFLINE.
        var empty = Http.Send(HttpMethod.Post, "/kylin/api/models/fresh/segments",
            $"{{\"project\":\"learn_kylin\",\"start\":\"{T}\",\"end\":\"{T + Day}\",\"build_all_indexes\":false}}");
        Assert.That(empty.Status, Is.EqualTo(200), empty.Text);
        Assert.That((string?)ModelRow("fresh")["status"], Is.EqualTo("OFFLINE"));

        // Step 2: POST /indexes -> one INDEX_BUILD; once it finishes the model is ONLINE with every index available.
        var build = Http.Send(HttpMethod.Post, "/kylin/api/models/fresh/indexes", "{\"project\":\"learn_kylin\"}");
        var id = (string)build.Data["job_id"]!;
        Advance(TimeSpan.FromMinutes(5));
        var row = ModelRow("fresh");
        Assert.Multiple(() =>
        {
            Assert.That(JobStatus(id), Is.EqualTo("FINISHED"));
            Assert.That((string?)row["status"], Is.EqualTo("ONLINE"));
            Assert.That((int)row["empty_indexes_count"]!, Is.Zero);
            Assert.That((int)row["available_indexes_count"]!, Is.EqualTo(3));
        });
    }

    [Test]
    public void DeleteLastSegment_ModelIsOffline()
    {
        // NDataflow.setSegments: no segments left -> OFFLINE (ModelService.deleteSegmentById).
        var answer = Http.Send(HttpMethod.Delete, "/kylin/api/models/sales_full_model/segments?project=learn_kylin&purge=false&ids=seg-f");
        Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
        Assert.That((string?)ModelRow("sales_full_model")["status"], Is.EqualTo("OFFLINE"));
    }

    [Test]
    public void DiscardedFirstBuild_LastSegmentGoes_ModelIsOffline()
    {
        // NSparkCubingJob.cancelJob removes the NEW segment; NDataflow.setSegments turns the emptied dataflow OFFLINE,
        // even for a model that was ONLINE.
        const string Once = "5d0a2f6c-0000-4000-8000-0000000000c2";
        Kylin.Models.Add(ModelEstates.Model(Once, "once", partitioned: true));
        var build = Http.Send(HttpMethod.Post, "/kylin/api/models/once/segments", $"{{\"project\":\"learn_kylin\",\"start\":\"{T}\",\"end\":\"{T + Day}\"}}");
        var id = (string)build.Data["jobs"]![0]!["job_id"]!;
        Assert.That((string?)ModelRow("once")["status"], Is.Not.EqualTo("OFFLINE"), "stored ONLINE before the discard");
        var discard = Http.Put("/kylin/api/jobs/status", $"{{\"action\":\"DISCARD\",\"project\":\"learn_kylin\",\"job_ids\":[\"{id}\"]}}");
        Assert.That(discard.Status, Is.EqualTo(200), discard.Text);
        var row = ModelRow("once");
        Assert.Multiple(() =>
        {
            Assert.That((string?)row["status"], Is.EqualTo("OFFLINE"));
            Assert.That(row["segments"], Is.Empty);
        });
    }

    [Test]
    public void OnlineModelWithoutReadySegment_AllIndexesEmpty_ShownWarning()
    {
        // NDataModelResponse.computedDisplayInfo: empty = total - available, available 0 without a READY segment
        // (NIndexPlanManager.getAvailableIndexesCount); ModelService.convertModelStatusToDisplay: ONLINE with empty indexes is WARNING.
        const string Loading = "5d0a2f6c-0000-4000-8000-0000000000c3";
        Kylin.Models.Add(ModelEstates.Model(Loading, "loading", partitioned: true),
            [ModelEstates.Seg(Loading, "l-1", T, T + Day, SegmentStatus.NEW)]);
        var row = ModelRow("loading");
        var cube = (JObject)Http.Get("/kylin/api/cubes/loading?project=learn_kylin", accept: V2).Data;
        Assert.Multiple(() =>
        {
            Assert.That((int)row["available_indexes_count"]!, Is.Zero);
            Assert.That((int)row["empty_indexes_count"]!, Is.EqualTo(3));
            Assert.That((string?)row["status"], Is.EqualTo("WARNING"));
            Assert.That((int)cube["empty_indexes_count"]!, Is.EqualTo(3), "the v2 cube shows the same counts");
            Assert.That((string?)cube["status"], Is.EqualTo("WARNING"));
        });
    }

    [Test]
    public void OfflineModelWithoutSegments_EmptyIsTotal()
    {
        // The same rule with no segment at all: every layout is empty; OFFLINE is shown as stored.
        var row = ModelRow("fresh");
        Assert.Multiple(() =>
        {
            Assert.That((int)row["empty_indexes_count"]!, Is.EqualTo(3));
            Assert.That((string?)row["status"], Is.EqualTo("OFFLINE"));
        });
    }
}
