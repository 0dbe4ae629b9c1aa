using KylinMock.Tests.Support;
using Newtonsoft.Json.Linq;

namespace KylinMock.Tests.Faces.Kylin5Models;

/// <summary>POST /kylin/api/models/{model_name}/segments/completion over HTTP (build contract §2; OpenSegmentController.completeSegments, ModelBuildService.addIndexesToSegments, JobInfoResponseWithFailure).</summary>
public class CompleteSegmentsTests : ModelEstateTest
{
    private const string Thin = "5d0a2f6c-0000-4000-8000-0000000000f3";
    private const string Path = "/kylin/api/models/thin/segments/completion?project=learn_kylin";
    private const long Day = ModelEstates.Day;
    private static readonly long T = ModelEstates.T;

    [SetUp]
    public void AddModels()
    {
        Kylin.Models.Add(ModelEstates.Model(Thin, "thin", partitioned: true),
            [ModelEstates.Seg(Thin, "c-1", T, T + Day) with { IndexCount = 1 }, ModelEstates.Seg(Thin, "c-2", T + Day, T + (2 * Day)) with { IndexCount = 1 }]);
    }

    private KylinHttp.Answer Complete(string query) => Http.Send(HttpMethod.Post, Path + query);

    [Test]
    public void Completion_OneJobOverTheSegments_ThenBlockedSegmentsAreFailedSegments()
    {
        // addIndexesToSegments: one INDEX_BUILD; a second request over a busy segment fails it with KE-010032206 in failed_segments.
        var first = Complete("&ids=c-1,c-2");
        var id = (string)first.Data["jobs"]![0]!["job_id"]!;
        var second = Complete("&ids=c-2&parallel=true");
        var failed = second.Data["failed_segments"]![0]!;
        Assert.Multiple(() =>
        {
            Assert.That((string?)first.Data["jobs"]![0]!["job_name"], Is.EqualTo("INDEX_BUILD"), first.Text);
            Assert.That(first.Data["failed_segments"], Is.Empty);
            Assert.That(Kylin.Jobs.Find(id)!.TargetSegments, Is.EqualTo(new[] { "c-1", "c-2" }));
            Assert.That(second.Data["jobs"], Is.Empty, second.Text);
            Assert.That((string?)failed["id"], Is.EqualTo("c-2"));
            Assert.That(((JProperty)failed.Last!).Name, Is.EqualTo("error"));
            Assert.That(failed["error"]!.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo("{\"code\":\"KE-010032206\",\"msg\":\"Can't submit the job at the moment, as a building job for the same object already exists. Please try again later.\"}"));
            Assert.That(Kylin.Jobs.Count, Is.EqualTo(1));
        });
    }

    [Test]
    public void Completion_NothingMissing_IsNullJobId()
    {
        // No index is missing in the segment: the INDEX_BUILD entry carries no job id.
        var answer = Http.Send(HttpMethod.Post, "/kylin/api/models/kylin_sales_model/segments/completion?project=learn_kylin&ids=seg-1");
        Assert.That(answer.Data.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo("{\"jobs\":[{\"job_name\":\"INDEX_BUILD\",\"job_id\":null}],\"failed_segments\":[]}"), answer.Text);
    }

    [TestCase("", "KE-010022215")]
    [TestCase("&ids=c-1&names=x", "KE-010022214")]
    [TestCase("&ids=c-1&batch_index_ids=1&index_status=ONLINE", "KE-010022220")]
    [TestCase("&ids=c-1&index_status=GONE", "KE-010022221")]
    [TestCase("&ids=nope", "KE-010022210")]
    public void Completion_Refusals(string query, string code)
    {
        // OpenSegmentController.checkParams and formatStatus; ModelService.checkSegmentsExistById.
        var answer = Complete(query);
        Assert.Multiple(() =>
        {
            Assert.That((string?)answer.Json["error_code"], Is.EqualTo(code), answer.Text);
            Assert.That(Kylin.Jobs.Count, Is.Zero);
        });
    }
}
