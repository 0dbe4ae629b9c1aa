using KylinMock.Models;
using KylinMock.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace KylinMock.Tests.Faces.Kylin5Models;

/// <summary>
/// <c>batch_index_ids</c> build only those layouts, and completion's <c>index_status</c> becomes a batch (issue 20, contract
/// "Third pass" A; ModelBuildService.addJobParamExtParams -> JobParam.setTargetLayouts, SegmentBuildJobUtil/RefreshJobUtil/
/// IndexBuildJobUtil.computeLayout, ExecutableUtil.checkLayoutsNotEmpty, OpenSegmentController.completeSegments).
/// The model's three layouts are 1, 10001 and 20000000001.
/// </summary>
public class BatchIndexIdsTests : ModelEstateTest
{
    private const string Thin = "5d0a2f6c-0000-4000-8000-0000000000d1";
    private const long Day = ModelEstates.Day;
    private static readonly long T = ModelEstates.T;

    [SetUp]
    public void AddThinModel() =>
        Kylin.Models.Add(ModelEstates.Model(Thin, "thin", partitioned: true),
            [ModelEstates.Seg(Thin, "t-1", T, T + Day) with { IndexCount = 1, IndexCountTotal = 1 }]);

    private void Finish() => ((FakeTimeProvider)Kylin.Clock).Advance(TimeSpan.FromMinutes(10));

    private int IndexCount(string model, string segmentName) =>
        (int)Http.Get($"/kylin/api/models/{model}/segments?project=learn_kylin&page_size=100").Data["value"]!
            .Single(r => (string?)r["name"] == segmentName)["index_count"]!;

    [Test]
    public void BuildSegments_BatchIndexIds_BuildsOnlyThoseLayouts()
    {
        var answer = Http.Send(HttpMethod.Post, "/kylin/api/models/kylin_sales_model/segments",
            $"{{\"project\":\"learn_kylin\",\"start\":\"{T + (5 * Day)}\",\"end\":\"{T + (6 * Day)}\",\"partial_build\":true,\"batch_index_ids\":[1,999]}}");
        Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
        Finish();
        Assert.That(IndexCount("kylin_sales_model", SegmentNames.Make(T + (5 * Day), T + (6 * Day), TimeZoneInfo.Utc)), Is.EqualTo(1));
    }

    [Test]
    public void BuildSegments_BatchIndexIdsMatchingNoLayout_IsKE010032202_AndChangesNothing()
    {
        // ExecutableUtil.checkLayoutsNotEmpty: JOB_CREATE_CHECK_INDEX_FAIL; the transaction rolls the new segment back.
        var before = Http.Get("/kylin/api/models/kylin_sales_model/segments?project=learn_kylin&page_size=100").Data["value"]!.Count();
        var answer = Http.Send(HttpMethod.Post, "/kylin/api/models/kylin_sales_model/segments",
            $"{{\"project\":\"learn_kylin\",\"start\":\"{T + (5 * Day)}\",\"end\":\"{T + (6 * Day)}\",\"batch_index_ids\":[999]}}");
        Assert.Multiple(() =>
        {
            Assert.That((answer.Status, (string?)answer.Json["msg"]), Is.EqualTo((500,
                "KE-010032202: Can't submit the job, as no index is included in the segment. Please check and try again.")), answer.Text);
            Assert.That(Http.Get("/kylin/api/models/kylin_sales_model/segments?project=learn_kylin&page_size=100").Data["value"]!.Count(), Is.EqualTo(before));
            Assert.That(Kylin.Jobs.Count, Is.Zero);
        });
    }

    [Test]
    public void RefreshSegments_BatchIndexIds_TheCopyHoldsOnlyThoseLayouts()
    {
        // RefreshJobUtil.computeLayout with target layouts: the plan's layouts among them.
        var answer = Http.Put("/kylin/api/models/kylin_sales_model/segments",
            "{\"project\":\"learn_kylin\",\"type\":\"REFRESH\",\"ids\":[\"seg-1\"],\"batch_index_ids\":[1,10001]}");
        Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
        Finish();
        Assert.That(IndexCount("kylin_sales_model", SegmentNames.Make(T, T + Day, TimeZoneInfo.Utc)), Is.EqualTo(2));
    }

    [Test]
    public void Completion_BatchIndexIds_AddsOnlyThoseLayouts()
    {
        var answer = Http.Send(HttpMethod.Post, "/kylin/api/models/thin/segments/completion?project=learn_kylin&ids=t-1&batch_index_ids=10001");
        Assert.That((string?)answer.Data["jobs"]![0]!["job_id"], Is.Not.Null, answer.Text);
        Finish();
        Assert.That(IndexCount("thin", SegmentNames.Make(T, T + Day, TimeZoneInfo.Utc)), Is.EqualTo(2));
    }

    [Test]
    public void Completion_IndexStatusNoBuild_BuildsTheIndexesNotBuilt()
    {
        // index_status=NO_BUILD: FusionIndexService.getIndexes gives the layouts no segment holds; they become the batch.
        var answer = Http.Send(HttpMethod.Post, "/kylin/api/models/thin/segments/completion?project=learn_kylin&ids=t-1&index_status=NO_BUILD");
        Assert.That((string?)answer.Data["jobs"]![0]!["job_id"], Is.Not.Null, answer.Text);
        Finish();
        Assert.That(IndexCount("thin", SegmentNames.Make(T, T + Day, TimeZoneInfo.Utc)), Is.EqualTo(3));
    }

    [Test]
    public void Completion_IndexStatusMatchingNoIndex_IsOneIndexBuildWithoutJob()
    {
        // OpenSegmentController.completeSegments: no index in the statuses -> {"jobs":[{"job_name":"INDEX_BUILD","job_id":null}],"failed_segments":[]}.
        var answer = Http.Send(HttpMethod.Post, "/kylin/api/models/kylin_sales_model/segments/completion?project=learn_kylin&ids=seg-1&index_status=NO_BUILD");
        Assert.Multiple(() =>
        {
            Assert.That(answer.Data.ToString(Newtonsoft.Json.Formatting.None),
                Is.EqualTo("{\"jobs\":[{\"job_name\":\"INDEX_BUILD\",\"job_id\":null}],\"failed_segments\":[]}"), answer.Text);
            Assert.That(Kylin.Jobs.Count, Is.Zero);
        });
    }
}
