using KylinMock.Tests.Support;
using KylinMock.Verification;
using static KylinMock.Tests.Support.ModelEstates;

namespace KylinMock.Tests.Verification;

/// <summary>Issue 23, item 11: the journal's verification sees every Kylin call, classed by the route that answered it.</summary>
public class VerificationTests : ModelEstateTest
{
    [Test]
    public void Item11_A404OnAKylinPath_IsJournaled()
    {
        var answer = Http.Get("/kylin/api/no_such_thing");
        var call = Kylin.Journal.Calls().Single();
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(404));
            Assert.That((call.Operation, call.Request.Path, call.Status), Is.EqualTo((KylinOperation.NotFound, "/kylin/api/no_such_thing", 404)));
        });
    }

    [Test]
    public void Item11_BuildSegmentSamplingSnapshotAndV2Calls_AreClassedByTheirOperation()
    {
        Http.Send(HttpMethod.Post, "/kylin/api/models/kylin_sales_model/segments", $"{{\"project\":\"learn_kylin\",\"start\":\"{T + (5 * Day)}\",\"end\":\"{T + (6 * Day)}\"}}");
        Http.Get("/kylin/api/models/kylin_sales_model/segments?project=learn_kylin");
        Http.Send(HttpMethod.Put, "/kylin/api/models/kylin_sales_model/segments", "{\"project\":\"learn_kylin\",\"type\":\"REFRESH\",\"ids\":[\"seg-1\"]}");
        Http.Send(HttpMethod.Delete, "/kylin/api/models/kylin_sales_model/segments?project=learn_kylin&purge=false&ids=seg-2");
        Http.Send(HttpMethod.Post, "/kylin/api/tables/sampling_jobs", "{\"project\":\"learn_kylin\",\"qualified_table_name\":\"DEFAULT.KYLIN_SALES\",\"rows\":20000}");
        Http.Send(HttpMethod.Post, "/kylin/api/snapshots", "{\"project\":\"learn_kylin\",\"tables\":[\"DEFAULT.KYLIN_SALES\"]}");
        Http.Send(HttpMethod.Put, "/kylin/api/cubes/kylin_sales_model/rebuild?project=learn_kylin", $"{{\"startTime\":{T + (7 * Day)},\"endTime\":{T + (8 * Day)},\"buildType\":\"BUILD\"}}", accept: "application/vnd.apache.kylin-v2+json");
        Assert.That(Kylin.Journal.Calls().Select(c => c.Operation), Is.EqualTo(new[]
        {
            KylinOperation.BuildSegments, KylinOperation.GetSegments, KylinOperation.RefreshOrMergeSegments, KylinOperation.DeleteSegments,
            KylinOperation.SamplingJobs, KylinOperation.Snapshots, KylinOperation.RebuildCubeV2,
        }));
    }

    [Test]
    public void Item11_V2ListPolls_AreReadWithV2Names_SoAProjectFilterFindsThem()
    {
        Http.Get("/kylin/api/jobs?timeFilter=4&projectName=learn_kylin&pageSize=20&pageOffset=0", accept: "application/vnd.apache.kylin-v2+json");
        var call = Kylin.Journal.Calls().Single();
        Assert.Multiple(() =>
        {
            Assert.That(call.Operation, Is.EqualTo(KylinOperation.GetJobListV2));
            Assert.That((call.ListQuery!.TimeFilter, call.ListQuery.Project, call.ListQuery.PageSize), Is.EqualTo((4, "learn_kylin", 20)));
            Assert.That(Kylin.Journal.Calls(KylinCallMatch.JobList(project: "learn_kylin")), Has.Count.EqualTo(1));
        });
    }
}
