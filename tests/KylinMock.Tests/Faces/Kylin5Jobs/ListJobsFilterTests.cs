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

    [TestCase("STARTING")]
    [TestCase("STOPPING")]
    [TestCase("LAUNCHING_ERROR")]
    [TestCase("SKIP")]
    [TestCase("WARNING")]
    public void Statuses_ValidNameKylinCannotFilterBy_IsInvalidParameterWithHttp500(string statuses)
    {
        AssertError(Http.Get("/kylin/api/jobs?time_filter=4&statuses=" + statuses), 500,
            "KE-010000003(Invalid Parameter):The job status is invalid. Please select again.", "KE-010000003");
    }

    [TestCase("key=000000000004", new[] { 4 })]
    [TestCase("key=%20000000000004%20", new[] { 4 })]
    [TestCase("key=KYLIN_SALES", new[] { 2, 1, 9 })]
    [TestCase("key=ssb.customer", new[] { 3 })]
    [TestCase("key=A1B2C3D4-0000-4000-8000-00000000000", new[] { 3, 2, 1, 4, 5, 6, 7, 8, 9 })]
    public void Key_MatchesIdOrHealthySubject_CaseInsensitively(string query, int[] expected)
    {
        Assert.That(List("time_filter=4&page_size=100&" + query), Is.EqualTo(expected));
    }

    [TestCase("broken")]
    [TestCase("Broken_Model")]
    [TestCase("deleted")]
    [TestCase("KYLIN_CAL_DT")]
    public void Key_NeverMatchesABrokenOrDeletedSubject(string key)
    {
        // JobUtil.deduceTargetSubject returns null for a broken or deleted model and a deleted snapshot.
        Assert.That(List("time_filter=4&key=" + key), Is.Empty);
    }

    [TestCase("job_names=INDEX_BUILD", new[] { 1, 7, 8 })]
    [TestCase("job_names=INDEX_BUILD,INC_BUILD", new[] { 2, 1, 7, 8, 9 })]
    [TestCase("job_names=index_build", new int[0])]
    [TestCase("job_names=NOT_A_TYPE", new int[0])]
    public void JobNames_MatchExactTypeNames(string query, int[] expected)
    {
        Assert.That(List("time_filter=4&page_size=100&" + query), Is.EqualTo(expected));
    }

    [TestCase("subject=7c1f2b9e-5d4a-4b8e-9f0a-1b2c3d4e5f60", new[] { 2, 1, 9 })]
    [TestCase("subject=%207c1f2b9e-5d4a-4b8e-9f0a-1b2c3d4e5f60%20", new[] { 2, 1, 9 })]
    [TestCase("subject=7C1F2B9E-5D4A-4B8E-9F0A-1B2C3D4E5F60", new int[0])]
    [TestCase("subject=SSB.CUSTOMER", new[] { 3 })]
    public void Subject_MatchesTargetModelExactly(string query, int[] expected)
    {
        Assert.That(List("time_filter=4&page_size=100&" + query), Is.EqualTo(expected));
    }

    [Test]
    public void Filters_Combine()
    {
        Assert.That(List("time_filter=3&project=learn_kylin&statuses=FINISHED,STOPPED&job_names=INDEX_BUILD,SNAPSHOT_BUILD"), Is.EqualTo(new[] { 1, 5, 7 }));
    }
}
