using KylinMock.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace KylinMock.Tests.Faces.Kylin5Models;

/// <summary>POST /kylin/api/models/{model_name}/indexes over HTTP (build contract §2; ModelBuildService.buildIndicesManually, JobManager.addIndexJob).</summary>
public class IndexBuildTests : ModelEstateTest
{
    private const string Thin = "5d0a2f6c-0000-4000-8000-0000000000f1";
    private const long Day = ModelEstates.Day;
    private static readonly long T = ModelEstates.T;

    [SetUp]
    public void AddModels()
    {
        Kylin.Models.Add(ModelEstates.Model(Thin, "thin", partitioned: true),
            [ModelEstates.Seg(Thin, "t-1", T, T + Day) with { IndexCount = 1 }, ModelEstates.Seg(Thin, "t-2", T + Day, T + (2 * Day)) with { IndexCount = 1 }]);
        Kylin.Models.Add(ModelEstates.Model("5d0a2f6c-0000-4000-8000-0000000000f2", "empty", partitioned: true));
    }

    private KylinHttp.Answer Indexes(string model, string body = "{\"project\":\"learn_kylin\"}") =>
        Http.Send(HttpMethod.Post, $"/kylin/api/models/{model}/indexes", body);

    [Test]
    public void Indexes_ModelWithoutSegments_IsNoSegment()
    {
        // BuildIndexResponse(NO_SEGMENT); BasicResponse's warn_code comes first and is written null.
        var answer = Indexes("empty");
        Assert.That(answer.Data.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo("{\"warn_code\":null,\"type\":\"NO_SEGMENT\",\"job_id\":null}"), answer.Text);
    }

    [Test]
    public void Indexes_EverySegmentComplete_IsNoLayout()
    {
        // addRelatedIndexJob gives no job id when nothing is missing: NO_LAYOUT.
        var answer = Indexes("kylin_sales_model");
        Assert.Multiple(() =>
        {
            Assert.That((string?)answer.Data["type"], Is.EqualTo("NO_LAYOUT"));
            Assert.That(Kylin.Jobs.Count, Is.Zero);
        });
    }

    [Test]
    public void Indexes_MissingLayouts_IsOneIndexBuild_LoadingThenFilled_AndBusyModelIsNoLayout()
    {
        // addIndexJob over SegmentUtil.getValidSegments; a READY segment in an unfinished INDEX_BUILD shows LOADING;
        // a second request finds no valid segment (NO_LAYOUT, not an error).
        var answer = Indexes("thin");
        var id = (string)answer.Data["job_id"]!;
        var job = Kylin.Jobs.Find(id)!;
        var busy = Indexes("thin");
        var shown = Http.Get("/kylin/api/models/thin/segments?project=learn_kylin").Data["value"]!.Select(r => (string)r["status_to_display"]!).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That((string?)answer.Data["type"], Is.EqualTo("NORM_BUILD"), answer.Text);
            Assert.That(id, Does.EndWith("-" + Thin));
            Assert.That(job.JobName, Is.EqualTo(KylinMock.Jobs.JobType.INDEX_BUILD));
            Assert.That(job.TargetSegments, Is.EqualTo(new[] { "t-1", "t-2" }));
            Assert.That((job.DataRangeStart, job.DataRangeEnd), Is.EqualTo((T, T + (2 * Day))));
            Assert.That((string?)busy.Data["type"], Is.EqualTo("NO_LAYOUT"));
            Assert.That(shown, Is.EqualTo(new[] { "LOADING", "LOADING" }));
        });

        ((FakeTimeProvider)Kylin.Clock).Advance(TimeSpan.FromMinutes(4));
        var rows = Http.Get("/kylin/api/models/thin/segments?project=learn_kylin").Data["value"]!;
        Assert.That(rows.Select(r => ((string)r["status_to_display"]!, (int)r["index_count"]!)), Is.EqualTo(new[] { ("ONLINE", 3), ("ONLINE", 3) }));
    }

    [Test]
    public void Indexes_BadPriority_IsKE010043207()
    {
        // NBasicController.validatePriority, before the model is looked up.
        var answer = Indexes("nope", "{\"project\":\"learn_kylin\",\"priority\":9}");
        Assert.That((string?)answer.Json["error_code"], Is.EqualTo("KE-010043207"));
    }
}
