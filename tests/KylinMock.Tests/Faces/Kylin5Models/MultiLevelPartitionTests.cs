using KylinMock.Fixtures;
using KylinMock.Jobs;
using KylinMock.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace KylinMock.Tests.Faces.Kylin5Models;

/// <summary>
/// Multi-level partitioning (issue 20, contract "Third pass" A): SUB_PARTITION jobs exist only for models with
/// <c>multi_partition_desc</c>, and the MLP endpoints answer KE-010001208 while the project has MLP off (Kylin's default).
/// </summary>
public class MultiLevelPartitionTests : ModelEstateTest
{
    private const string Mlp = "KE-010001208: Can't use, the multilevel partitioning is not enabled for project “learn_kylin”. Please turn it on and try again.";

    [TestCase(42, 500)]
    [TestCase(7, 5_000)]
    public void GeneratedEstate_HasNoSubPartitionJobs_WithoutMultiPartitionModels(int seed, int count)
    {
        // JobManager.refreshSegmentJob / ModelBuildService.buildSegmentPartitionByValue make SUB_PARTITION jobs only for a
        // model with multi_partition_desc; the generated estate has none, so it has no such jobs.
        var estate = JobGenerator.Generate(seed, count, Estates.Now);
        Assert.Multiple(() =>
        {
            Assert.That(estate.Models!.Models.Where(m => m.MultiPartition), Is.Empty);
            Assert.That(estate.Jobs.Where(j => j.JobName is JobType.SUB_PARTITION_BUILD or JobType.SUB_PARTITION_REFRESH).Select(j => j.Id), Is.Empty);
        });
    }

    [Test]
    public void DefaultServer_ListsNoSubPartitionJobs()
    {
        // The same over HTTP on the default generated server: the job list filtered to the SUB_PARTITION types is empty.
        using var kylin = KylinMockServer.Start(new KylinMockOptions { Clock = new FakeTimeProvider(Estates.Now) });
        using var http = new KylinHttp(kylin.Url);
        foreach (var project in kylin.Jobs.Snapshot().Select(j => j.Project).Distinct())
        {
            var answer = http.Get($"/kylin/api/jobs?project={project}&time_filter=4&job_names=SUB_PARTITION_BUILD&job_names=SUB_PARTITION_REFRESH");
            Assert.That((int)answer.Data["total_size"]!, Is.Zero, project);
        }
    }

    [TestCase("POST")]
    [TestCase("PUT")]
    public void BuildOrRefreshSubPartitions_ProjectWithMlpOff_IsKE010001208(string method)
    {
        // OpenSegmentController.buildMultiPartition/refreshMultiPartition: checkProjectName, then checkProjectMLP.
        var answer = Http.Send(new HttpMethod(method), "/kylin/api/models/kylin_sales_model/segments/multi_partition",
            "{\"project\":\"learn_kylin\",\"segment_id\":\"seg-1\",\"sub_partition_values\":[[\"a\"]]}");
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(500), answer.Text);
            Assert.That((string?)answer.Json["error_code"], Is.EqualTo("KE-010001208"));
            Assert.That((string?)answer.Json["msg"], Is.EqualTo(Mlp));
            Assert.That(Kylin.Jobs.Count, Is.Zero);
        });
    }

    [Test]
    public void BuildSubPartitions_UnknownProject_IsKE010001201First()
    {
        var answer = Http.Send(HttpMethod.Post, "/kylin/api/models/kylin_sales_model/segments/multi_partition", "{\"project\":\"nope\"}");
        Assert.That((string?)answer.Json["error_code"], Is.EqualTo("KE-010001201"), answer.Text);
    }

    [Test]
    public void DeleteSubPartitions_ProjectWithMlpOff_IsKE010001208_AfterTheRequiredParameters()
    {
        // deleteMultiPartition: Spring binds model, project, segment_id and sub_partition_values first (missing -> 400).
        var missing = Http.Send(HttpMethod.Delete, "/kylin/api/models/segments/multi_partition?project=learn_kylin&model=kylin_sales_model&segment_id=seg-1");
        var refused = Http.Send(HttpMethod.Delete, "/kylin/api/models/segments/multi_partition?project=learn_kylin&model=kylin_sales_model&segment_id=seg-1&sub_partition_values=a");
        Assert.Multiple(() =>
        {
            Assert.That(missing.Status, Is.EqualTo(400), missing.Text);
            Assert.That((refused.Status, (string?)refused.Json["msg"]), Is.EqualTo((500, Mlp)), refused.Text);
        });
    }

    [Test]
    public void ListSubPartitions_IsNotGatedByMlp_AndAnEmptyPageForASegment()
    {
        // getMultiPartitions has no checkProjectMLP: ModelService.getSegmentPartitions finds the segment (KE-010022210)
        // and lists its multi-partitions, none for a model without multi_partition_desc.
        var page = Http.Get("/kylin/api/models/kylin_sales_model/segments/multi_partition?project=learn_kylin&segment_id=seg-1");
        var unknown = Http.Get("/kylin/api/models/kylin_sales_model/segments/multi_partition?project=learn_kylin&segment_id=nope");
        Assert.Multiple(() =>
        {
            Assert.That(page.Data.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo("{\"value\":[],\"offset\":0,\"limit\":10,\"total_size\":0}"), page.Text);
            Assert.That((string?)unknown.Json["error_code"], Is.EqualTo("KE-010022210"));
        });
    }
}
