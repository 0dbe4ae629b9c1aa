using KylinMock.Tests.Support;

namespace KylinMock.Tests.Faces.Kylin5Jobs;

/// <summary>GET /kylin/api/jobs sorting and paging, Kylin's quirks included.</summary>
public class ListJobsSortingPagingTests : ListJobsTestBase
{
    private const string All = "time_filter=4&page_size=100&";

    [Test]
    public void SortBy_Default_IsLastModifiedDescending()
    {
        Assert.That(List(All), Is.EqualTo(new[] { 3, 2, 1, 4, 10, 5, 6, 7, 8, 9 }));
    }

    [Test]
    public void SortBy_LastModified_ReverseFalse_IsAscending()
    {
        Assert.That(List(All + "sort_by=last_modified&reverse=false"), Is.EqualTo(new[] { 9, 8, 7, 6, 5, 10, 4, 1, 2, 3 }));
    }

    [TestCase("reverse=no")]
    [TestCase("reverse=0")]
    [TestCase("reverse=OFF")]
    public void Reverse_AcceptsSpringsFalseWords(string reverse)
    {
        Assert.That(List(All + reverse), Is.EqualTo(new[] { 9, 8, 7, 6, 5, 10, 4, 1, 2, 3 }));
    }

    [Test]
    public void SortBy_CreateTime_SortsByCreation()
    {
        Assert.That(List(All + "sort_by=create_time"), Is.EqualTo(new[] { 3, 2, 1, 4, 10, 5, 6, 7, 8, 9 }));
    }

    [Test]
    public void SortBy_JobName_ComparesOrdinally_TiesInStorageOrder()
    {
        Assert.Multiple(() =>
        {
            Assert.That(List(All + "sort_by=job_name&reverse=false"), Is.EqualTo(new[] { 2, 9, 1, 7, 8, 4, 6, 5, 10, 3 }));
            Assert.That(List(All + "sort_by=job_name"), Is.EqualTo(new[] { 3, 10, 5, 6, 4, 1, 7, 8, 2, 9 }));
        });
    }

    [Test]
    public void SortBy_Project_IsCaseSensitive_UpperCaseFirstAscending()
    {
        Assert.That(List(All + "sort_by=project&reverse=false"), Is.EqualTo(new[] { 3, 4, 6, 8, 10, 1, 2, 5, 7, 9 }));
    }

    [Test]
    public void SortBy_JobStatus_OrdersByTheInternalStatesName()
    {
        // 5.0.x: JobFilterUtil.convertSortBy passes job_status through to the job table's job_status column, the
        // raw ExecutableState name: DISCARDED < ERROR < PAUSED < READY < RUNNING < SUCCEED (ties in storage order).
        Assert.Multiple(() =>
        {
            Assert.That(List(All + "sort_by=job_status&reverse=false"), Is.EqualTo(new[] { 6, 8, 4, 7, 3, 2, 1, 5, 9, 10 }));
            Assert.That(List(All + "sort_by=job_status"), Is.EqualTo(new[] { 1, 5, 9, 10, 2, 3, 7, 4, 6, 8 }));
        });
    }

    [Test]
    public void SortBy_TargetSubject_OrdersByModelId()
    {
        // 5.0.x: JobFilterUtil.convertSortBy maps target_subject to model_id, the job's target_model (a uuid for
        // model jobs, the table for table jobs), so deleted subjects sort like the rest: digits before capitals.
        Assert.Multiple(() =>
        {
            Assert.That(List(All + "sort_by=target_subject&reverse=false"), Is.EqualTo(new[] { 4, 8, 10, 7, 1, 2, 9, 6, 5, 3 }));
            Assert.That(List(All + "sort_by=target_subject"), Is.EqualTo(new[] { 3, 5, 6, 1, 2, 9, 7, 4, 8, 10 }));
        });
    }

    [Test]
    public void SortBy_Id_OrdersByJobId()
    {
        // 5.0.x: JobFilterUtil.convertSortBy takes id (the job_id column).
        Assert.Multiple(() =>
        {
            Assert.That(List(All + "sort_by=id&reverse=false"), Is.EqualTo(Enumerable.Range(1, 10)));
            Assert.That(List(All + "sort_by=id"), Is.EqualTo(Enumerable.Range(1, 10).Reverse()));
        });
    }

    [TestCase("duration", false)]
    [TestCase("duration", true)]
    [TestCase("total_duration", false)]
    [TestCase("total_duration", true)]
    public void SortBy_Durations_PageIsOrderedByTheResponsesOwnField(string sortBy, bool reverse)
    {
        var answer = Http.Get($"/kylin/api/jobs?{All}sort_by={sortBy}&reverse={reverse.ToString().ToLowerInvariant()}");
        var values = answer.Data["value"]!.Select(j => (long)j[sortBy]!).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(values, Has.Count.EqualTo(10));
            Assert.That(values, reverse ? Is.Ordered.Descending : Is.Ordered.Ascending);
        });
    }

    [Test]
    public void SortBy_TotalDuration_EachJobsTotalIsWaitPlusDuration()
    {
        var answer = Http.Get($"/kylin/api/jobs?{All}sort_by=total_duration");
        Assert.That(answer.Data["value"]!.All(j => (long)j["total_duration"]! == (long)j["wait_time"]! + (long)j["duration"]!));
    }

    [TestCase("ID")]
    [TestCase("LAST_MODIFIED")]
    [TestCase("bogus")]
    public void SortBy_NotAccepted_IsInvalidParameterWithHttp500(string sortBy)
    {
        AssertError(Http.Get("/kylin/api/jobs?time_filter=4&sort_by=" + sortBy), 500,
            $"KE-010000003(Invalid Parameter):The selected sort filter \"{sortBy}\" is invalid. Please select again.", "KE-010000003");
    }

    [Test]
    public void SortBy_NotAccepted_IsRefusedEvenWhenNothingMatches()
    {
        // JobFilterUtil.convertSortBy runs before the query.
        AssertError(Http.Get("/kylin/api/jobs?time_filter=4&key=nothing-matches&sort_by=bogus"), 500,
            "KE-010000003(Invalid Parameter):The selected sort filter \"bogus\" is invalid. Please select again.", "KE-010000003");
    }

    [TestCase("page_offset=1&page_size=3", new[] { 4, 10, 5 })]
    [TestCase("page_offset=3&page_size=3", new[] { 9 })]
    [TestCase("page_offset=4&page_size=3", new int[0])]
    [TestCase("page_offset=0&page_size=2", new[] { 3, 2 })]
    [TestCase("page_offset=&page_size=", new[] { 3, 2, 1, 4, 10, 5, 6, 7, 8, 9 })]
    public void PageOffset_IsAPageIndex(string query, int[] expected)
    {
        Assert.That(List("time_filter=4&" + query), Is.EqualTo(expected));
    }

    [Test]
    public void PageSize_DefaultsToTen()
    {
        var answer = Http.Get("/kylin/api/jobs?time_filter=4");
        Assert.Multiple(() =>
        {
            Assert.That(answer.Ids, Has.Count.EqualTo(10));
            Assert.That((int)answer.Data["limit"]!, Is.EqualTo(10));
            Assert.That((int)answer.Data["offset"]!, Is.EqualTo(0));
        });
    }

    [Test]
    public void PageOffset_PastTheEnd_IsAnEmptyPageWithTheTotal()
    {
        var answer = Http.Get("/kylin/api/jobs?time_filter=4&page_offset=7");
        Assert.Multiple(() =>
        {
            Assert.That(answer.Ids, Is.Empty);
            Assert.That((int)answer.Data["total_size"]!, Is.EqualTo(10));
        });
    }

    // 5.0.x: JobController.getJobList hands page_offset * page_size (Java int arithmetic) to the job table, whose
    // mapper (JobInfoMapper.xml selectByJobFilter) adds "limit ... offset ..." only when both are non-negative:
    // a negative offset or size lists every job, and the answer echoes the page parameters as sent.
    [TestCase("page_offset=-1")]
    [TestCase("page_size=-5")]
    [TestCase("page_offset=1073741824&page_size=2")]
    public void Paging_NegativeOffsetOrSize_ListsEveryJob(string paging)
    {
        var answer = Http.Get("/kylin/api/jobs?time_filter=4&" + paging);
        Assert.Multiple(() =>
        {
            Assert.That(answer.Ids, Has.Count.EqualTo(10), answer.Text);
            Assert.That((int)answer.Data["total_size"]!, Is.EqualTo(10));
        });
    }
}
