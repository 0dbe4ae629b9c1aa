using KylinMock.Jobs;
using KylinMock.Tests.Support;

namespace KylinMock.Tests.Faces.Kylin5Models;

/// <summary>POST /kylin/api/tables/sampling_jobs over HTTP (build contract §3; OpenSampleController, SampleController, TableSamplingService).</summary>
public class SamplingJobsTests : ModelEstateTest
{
    private const string Path = "/kylin/api/tables/sampling_jobs";

    private KylinHttp.Answer Sample(string body) => Http.Send(HttpMethod.Post, Path, body);

    [Test]
    public void Sampling_MakesTableSamplingJob_AndDiscardsTheUnfinishedOneOfTheTable()
    {
        // TableSamplingService.sampling: an existing running job of the table is discarded, a new one added; data "".
        var first = Sample("{\"project\":\"learn_kylin\",\"qualified_table_name\":\"default.kylin_sales\",\"rows\":20000}");
        var second = Sample("{\"project\":\"learn_kylin\",\"qualified_table_name\":\"DEFAULT.KYLIN_SALES\",\"rows\":20000}");
        var jobs = Kylin.Jobs.Snapshot();
        Assert.Multiple(() =>
        {
            Assert.That(first.Json.ToString(Newtonsoft.Json.Formatting.None), Does.StartWith("{\"code\":\"000\",\"data\":\"\""), first.Text);
            Assert.That(second.Status, Is.EqualTo(200));
            Assert.That(jobs.Select(j => (j.JobName, j.TargetModel, j.Status)), Is.EqualTo(new[]
            {
                (JobType.TABLE_SAMPLING, "DEFAULT.KYLIN_SALES", JobStatus.DISCARDED),
                (JobType.TABLE_SAMPLING, "DEFAULT.KYLIN_SALES", JobStatus.PENDING),
            }));
            Assert.That((jobs[1].DataRangeStart, jobs[1].DataRangeEnd, jobs[1].TargetSegments.Count), Is.EqualTo((0L, long.MaxValue, 0)));
            Assert.That(jobs[1].Steps.Select(s => s.Name), Is.EqualTo(JobType.TABLE_SAMPLING.StepNames()));
        });
    }

    [TestCase("{\"project\":\"learn_kylin\",\"qualified_table_name\":\"DEFAULT.KYLIN_SALES\"}", 500, "KE-010032214: The number of sampling rows should be between 10000 and 20000000. Please modify it.")]
    [TestCase("{\"project\":\"learn_kylin\",\"rows\":10000}", 500, "KE-010007003(Invalid Table Name):Can’t perform table sampling. Please select at least one table.")]
    [TestCase("{\"project\":\"learn_kylin\",\"qualified_table_name\":\"KYLIN_SALES\",\"rows\":10000}", 500, "KE-010007003(Invalid Table Name):The name of table for sampling is invalid. Please enter a table name like “database.table”. ")]
    [TestCase("{\"project\":\"learn_kylin\",\"qualified_table_name\":\"DEFAULT.KYLIN_SALES\",\"rows\":10000,\"priority\":-1}", 500, "KE-010043207: The entered parameter \"priority\" is invalid, only supports \"0, 1, 2, 3, 4\" at the moment. Please check and try again.")]
    public void Sampling_Refusals_ChangeNothing(string body, int status, string message)
    {
        // SampleController.submitSampling: tag, checkSamplingRows, checkSamplingTable, validatePriority; NTableSamplingJob.create.
        var answer = Sample(body);
        Assert.Multiple(() =>
        {
            Assert.That((answer.Status, (string?)answer.Json["msg"]), Is.EqualTo((status, message)), answer.Text);
            Assert.That(Kylin.Jobs.Count, Is.Zero);
        });
    }
}
