using KylinMock.Fixtures;
using KylinMock.Jobs;
using KylinMock.Tests.Support;

namespace KylinMock.Tests.Faces.Kylin5Jobs;

/// <summary>
/// Kylin 5.0.x's job types (kylin5-job-api.md, "Third pass" B.1 and B.4): <c>JobTypeEnum</c> with its categories, and
/// <c>JobController.getJobList</c> listing <c>JobTypeEnum.BUILD_JOB_TYPES</c> (every type but CRON and ASYNC_QUERY) when no
/// type is named.
/// </summary>
public class JobTypesTests
{
    private static readonly JobPlan Plan = JobPlan.Succeeds(60_000, 1_000);

    [Test]
    public void DefaultList_LeavesOutCronAndAsyncQueryJobs_WhichAreListedByName()
    {
        using var live = new LiveServer();
        var build = live.Submit(Plan);
        var query = live.Kylin.Jobs.Submit("p", JobType.ASYNC_QUERY, "q", Plan).Id;
        var cron = live.Kylin.Jobs.Submit("p", JobType.ROUTINE, "ROUTINE", Plan).Id;
        Assert.Multiple(() =>
        {
            Assert.That(live.Http.Get("/kylin/api/jobs?time_filter=4").Ids, Is.EqualTo(new[] { build }));
            Assert.That(live.Http.Get("/kylin/api/jobs?time_filter=4&job_names=ASYNC_QUERY").Ids, Is.EqualTo(new[] { query }));
            Assert.That(live.Http.Get("/kylin/api/jobs?time_filter=4&type=ROUTINE").Ids, Is.EqualTo(new[] { cron }));

            // JobInfoDao.constructJobInfo: a cron job's subject is its type name, so the key finds it by id only.
            Assert.That(live.Http.Get($"/kylin/api/jobs?time_filter=4&type=ROUTINE&key={cron[..8]}").Ids, Is.EqualTo(new[] { cron }));
        });
    }

    [Test]
    public void V2List_WithoutJobName_LeavesOutAsyncQueryJobs()
    {
        // JobControllerV2.getJobList: no jobName lists JobTypeEnum.BUILD_JOB_TYPES.
        using var live = new LiveServer();
        var build = live.Submit(Plan);
        live.Kylin.Jobs.Submit("p", JobType.ASYNC_QUERY, "q", Plan);
        var answer = live.Http.Get("/kylin/api/jobs?timeFilter=4", accept: "application/vnd.apache.kylin-v2+json");
        Assert.That(answer.Data["jobs"]!.Select(j => (string?)j["id"]), Is.EqualTo(new[] { build }));
    }

    [Test]
    public void GeneratedEstate_HasKylin50xJobTypes_AndNoTieredStorageJobs()
    {
        var jobs = JobGenerator.Generate(42, 2000, Estates.Now).Jobs;
        var types = jobs.Select(j => j.JobName).ToHashSet();
        Assert.Multiple(() =>
        {
            Assert.That(types, Is.SupersetOf(new[] { JobType.LAYOUT_DATA_OPTIMIZE, JobType.INDEX_PLAN_OPT, JobType.INTERNAL_TABLE_BUILD, JobType.INTERNAL_TABLE_REFRESH }));
            Assert.That(Enum.GetNames<JobType>(), Has.None.Contains("SECOND_STORAGE"));
            Assert.That(jobs.Where(j => j.JobName == JobType.INTERNAL_TABLE_BUILD).Select(j => j.Steps.Count), Has.All.EqualTo(1));
        });
    }
}
