using KylinMock.Tests.Support;

namespace KylinMock.Tests.Faces.Kylin5Jobs;

/// <summary>GET /kylin/api/jobs filters over the hand-written capture (contract: "GET /kylin/api/jobs").</summary>
public class ListJobsFilterTests : ListJobsTestBase
{
    [TestCase(0, new[] { 3, 2, 1 })]
    [TestCase(1, new[] { 3, 2, 1, 4, 10 })]
    [TestCase(2, new[] { 3, 2, 1, 4, 10, 5, 6 })]
    [TestCase(3, new[] { 3, 2, 1, 4, 10, 5, 6, 7, 8 })]
    [TestCase(4, new[] { 3, 2, 1, 4, 10, 5, 6, 7, 8, 9 })]
    public void TimeFilter_KeepsJobsModifiedWithinTheWindow(int timeFilter, int[] expected)
    {
        Assert.That(List($"time_filter={timeFilter}&page_size=100"), Is.EqualTo(expected));
    }

    [Test]
    public void TimeFilter_TestsLastModifiedNotCreateTime()
    {
        // Job 1 was created two days ago but last modified two hours ago: Kylin's window reads last_modified.
        Assert.That(List("time_filter=0"), Does.Contain(1));
    }

    [Test]
    public void ListJobs_Envelope_HasValueOffsetLimitTotalSize()
    {
        var answer = Http.Get("/kylin/api/jobs?time_filter=4&page_offset=1&page_size=3");
        Assert.Multiple(() =>
        {
            Assert.That(answer.Json.Properties().Select(p => p.Name), Is.EqualTo(new[] { "code", "data", "msg" }));
            Assert.That((string?)answer.Json["code"], Is.EqualTo("000"));
            Assert.That((string?)answer.Json["msg"], Is.EqualTo(string.Empty));
            Assert.That(((Newtonsoft.Json.Linq.JObject)answer.Data).Properties().Select(p => p.Name), Is.EqualTo(new[] { "value", "offset", "limit", "total_size" }),
                "Jackson re-appends the renamed total_size (contract, second pass)");
            Assert.That((int)answer.Data["total_size"]!, Is.EqualTo(10));
            Assert.That((int)answer.Data["offset"]!, Is.EqualTo(1));
            Assert.That((int)answer.Data["limit"]!, Is.EqualTo(3));
        });
    }

    [Test]
    public void Project_MatchesCaseInsensitively_AndReportsTheStoredCase()
    {
        var answer = Http.Get("/kylin/api/jobs?time_filter=4&project=ssb&page_size=100");
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200));
            Assert.That(answer.Data["value"]!.Select(j => (string?)j["project"]).Distinct(), Is.EqualTo(new[] { "SSB" }));
            Assert.That((int)answer.Data["total_size"]!, Is.EqualTo(5));
        });
    }

    [Test]
    public void Project_Empty_ListsEveryProjectTogether()
    {
        Assert.That(List("time_filter=4&project=&page_size=100"), Has.Count.EqualTo(10));
    }

    [Test]
    public void Project_Unknown_IsKE010001201WithHttp500()
    {
        AssertError(Http.Get("/kylin/api/jobs?time_filter=4&project=nope"), 500,
            "KE-010001201: Can't find project \"nope\". Please check and try again.", "KE-010001201");
    }

    [TestCase("statuses=RUNNING", new[] { 2 })]
    [TestCase("statuses=PENDING,ERROR", new[] { 3, 4 })]
    [TestCase("statuses=PENDING&statuses=ERROR", new[] { 3, 4 })]
    [TestCase("statuses=PENDING,%20ERROR", new[] { 3, 4 })]
    [TestCase("statuses=STOPPED", new[] { 7 })]
    [TestCase("statuses=FINISHED", new[] { 1, 10, 5, 9 })]
    [TestCase("statuses=DISCARDED", new[] { 6, 8 })]
    [TestCase("statuses=", new[] { 3, 2, 1, 4, 10, 5, 6, 7, 8, 9 })]
    public void Statuses_KeepJobsShowingThoseStatuses(string query, int[] expected)
    {
        Assert.That(List("time_filter=4&page_size=100&" + query), Is.EqualTo(expected));
    }

    [Test]
    public void Statuses_New_MatchesPendingJobs_AsKylinMapsNewToReady()
    {
        Assert.That(List("time_filter=4&statuses=NEW"), Is.EqualTo(new[] { 3 }));
    }

    [Test]
    public void Statuses_Suicidal_MatchesNoJobThatWasDiscardedByAUser()
    {
        Assert.That(List("time_filter=4&statuses=SUICIDAL"), Is.Empty);
    }

    [TestCase("running")]
    [TestCase("BOGUS")]
    [TestCase("PENDING,")]
    public void Statuses_NotAJobStatusName_IsKE010032212WithHttp500(string statuses)
    {
        AssertError(Http.Get("/kylin/api/jobs?time_filter=4&statuses=" + statuses), 500,
            "KE-010032212: The selected job status is invalid. The value of status must be \"PENDING\", \"RUNNING\", \"FINISHED\", \"ERROR\", \"DISCARDED\" or \"STOPPED\". Please check and try again.",
            "KE-010032212");
    }

    // 5.0.x: JobStatusUtil.mapJobStatusToScheduleState has no state for these names and throws a
    // RuntimeException (500, UNKNOWN ERRORCODE); SKIP maps to the SKIP state, which no job is in.
    [TestCase("STARTING")]
    [TestCase("STOPPING")]
    [TestCase("LAUNCHING_ERROR")]
    [TestCase("WARNING")]
    public void Statuses_ValidNameWithNoState_IsARuntimeExceptionWithHttp500(string statuses)
    {
        AssertError(Http.Get("/kylin/api/jobs?time_filter=4&statuses=" + statuses), 500,
            $"KE-000000001(UNKNOWN ERRORCODE): Can not map {statuses} to ExecutableState", null);
    }

    [Test]
    public void Statuses_Skip_MatchesNoJob()
    {
        Assert.That(List("time_filter=4&statuses=SKIP"), Is.Empty);
    }

    // 5.0.x JobFilterUtil.getJobMapperFilter: the key is first resolved to model names (ModelService.getModelNamesByFuzzyName),
    // table names (TableExtService.getTableNamesByFuzzyKey) and project names, a part ignoring case; the job table's
    // subject column must be one of them. Only when none match is it "job_id like %key%" (case-sensitive, untrimmed).
    [TestCase("key=000000000004", new[] { 4 })]
    [TestCase("key=%20000000000004%20", new int[0])]
    [TestCase("key=KYLIN_SALES", new[] { 2, 1, 9 })]
    [TestCase("key=SSB", new[] { 4, 10, 8 })]
    [TestCase("key=broken", new[] { 7 })]
    [TestCase("key=a1b2c3d4-0000-4000-8000-00000000000", new[] { 3, 2, 1, 4, 5, 6, 7, 8, 9 })]
    [TestCase("key=A1B2C3D4-0000-4000-8000-00000000000", new int[0])]
    public void Key_NamesASubjectFirst_ElseAPartOfTheJobId(string query, int[] expected)
    {
        Assert.That(List("time_filter=4&page_size=100&" + query), Is.EqualTo(expected));
    }

    [Test]
    public void Key_NamingAProjectOnly_MatchesNoJob()
    {
        // "learn_kylin" names the project, so it is no job id part, and no job's subject is the project.
        Assert.That(List("time_filter=4&key=learn_kylin"), Is.Empty);
    }

    [Test]
    public void Key_UnderscoreIsTheLikeWildcard()
    {
        // job_id like '%0000_4000%': the underscore stands for the dash of every id.
        Assert.That(List("time_filter=4&page_size=100&key=0000_4000"), Has.Count.EqualTo(10));
    }

    // exact=true: the key must be a whole model, table or project name (ignoring case).
    [TestCase("key=SSB_MODEL&exact=true", new[] { 4, 10, 8 })]
    [TestCase("key=ssb_mod&exact=true", new int[0])]
    [TestCase("key=ssb_mod&exact=false", new[] { 4, 10, 8 })]
    public void Exact_KeyMustBeAWholeName(string query, int[] expected)
    {
        Assert.That(List("time_filter=4&page_size=100&" + query), Is.EqualTo(expected));
    }

    // JobController.getJobList: type is appended to job_names; the job table's job_type in (...).
    [TestCase("job_names=INDEX_BUILD", new[] { 1, 7, 8 })]
    [TestCase("job_names=INDEX_BUILD,INC_BUILD", new[] { 2, 1, 7, 8, 9 })]
    [TestCase("type=INDEX_BUILD", new[] { 1, 7, 8 })]
    [TestCase("job_names=INDEX_BUILD&type=INC_BUILD", new[] { 2, 1, 7, 8, 9 })]
    [TestCase("job_names=ROUTINE", new int[0])]
    public void JobNames_AndType_MatchExactTypeNames(string query, int[] expected)
    {
        Assert.That(List("time_filter=4&page_size=100&" + query), Is.EqualTo(expected));
    }

    // JobController.getJobList: a name that is no JobTypeEnum name (case-sensitive, JobTypeEnum.getEnumByName) is
    // KE-010032222 JOB_TYPE_ILLEGAL, checked after the statuses.
    [TestCase("job_names=index_build")]
    [TestCase("job_names=NOT_A_TYPE")]
    [TestCase("type=INDEX_BUILD,bogus")]
    [TestCase("job_names=EXPORT_TO_SECOND_STORAGE")]
    public void JobNames_NotAJobTypeEnumName_IsJobTypeIllegal(string query)
    {
        AssertError(Http.Get("/kylin/api/jobs?time_filter=4&" + query), 500,
            "KE-010032222: The selected job type is invalid. Please check and try again.", "KE-010032222");
    }

    [Test]
    public void JobNames_BadStatusComesFirst()
    {
        var answer = Http.Get("/kylin/api/jobs?time_filter=4&statuses=BOGUS&job_names=bogus");
        Assert.That((string?)answer.Json["error_code"], Is.EqualTo("KE-010032212"));
    }

    // 5.0.x: subject joins the key's names; the job table's subject column is the model's alias or the table.
    [TestCase("subject=kylin_sales_model", new[] { 2, 1, 9 })]
    [TestCase("subject=%20kylin_sales_model%20", new[] { 2, 1, 9 })]
    [TestCase("subject=KYLIN_SALES_MODEL", new int[0])]
    [TestCase("subject=7c1f2b9e-5d4a-4b8e-9f0a-1b2c3d4e5f60", new int[0])]
    [TestCase("subject=SSB.CUSTOMER", new[] { 3 })]
    public void Subject_MatchesTheSubjectColumnExactly(string query, int[] expected)
    {
        Assert.That(List("time_filter=4&page_size=100&" + query), Is.EqualTo(expected));
    }

    [Test]
    public void Filters_Combine()
    {
        Assert.That(List("time_filter=3&project=learn_kylin&statuses=FINISHED,STOPPED&job_names=INDEX_BUILD,SNAPSHOT_BUILD"), Is.EqualTo(new[] { 1, 5, 7 }));
    }
}
