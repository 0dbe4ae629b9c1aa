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
    public void SortBy_JobStatus_KeepsStorageOrderBothWays()
    {
        // job_status is no property of Kylin's ExecutablePOSortBean: every job compares equal.
        Assert.Multiple(() =>
        {
            Assert.That(List(All + "sort_by=job_status"), Is.EqualTo(Enumerable.Range(1, 10)));
            Assert.That(List(All + "sort_by=job_status&reverse=false"), Is.EqualTo(Enumerable.Range(1, 10)));
        });
    }

    [Test]
    public void SortBy_TargetSubject_PutsUnreadableSubjectsLastBothWays()
    {
        // Job 5 (snapshot deleted, final) and job 6 (model deleted) have no readable name: nulls last.
        Assert.Multiple(() =>
        {
            Assert.That(List(All + "sort_by=target_subject&reverse=false"), Is.EqualTo(new[] { 7, 3, 1, 2, 9, 4, 8, 10, 5, 6 }));
            Assert.That(List(All + "sort_by=target_subject"), Is.EqualTo(new[] { 4, 8, 10, 1, 2, 9, 3, 7, 5, 6 }));
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

    [TestCase("id")]
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
        AssertError(Http.Get("/kylin/api/jobs?time_filter=4&key=nothing-matches&sort_by=id"), 500,
            "KE-010000003(Invalid Parameter):The selected sort filter \"id\" is invalid. Please select again.", "KE-010000003");
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

    [Test]
    public void PageOffset_Negative_FailsLikeJavasSubListWithHttp500()
    {
        var answer = Http.Get("/kylin/api/jobs?time_filter=4&page_offset=-1");
        AssertError(answer, 500, "KE-000000001(UNKNOWN ERRORCODE): fromIndex = -10", null);
        Assert.That((string?)answer.Json["exception"], Is.EqualTo("fromIndex = -10"));
    }

    [Test]
    public void PageSize_Negative_FailsAsIllegalArgumentWithHttp400()
    {
        AssertError(Http.Get("/kylin/api/jobs?time_filter=4&page_size=-5"), 400,
            "KE-010000003(Invalid Parameter):fromIndex(0) > toIndex(-5)", "KE-010000003");
    }

    [Test]
    public void PageSize_Negative_WithNothingMatching_IsAnEmptyPage()
    {
        Assert.That(List("time_filter=4&page_size=-5&key=nothing-matches"), Is.Empty);
    }

    [Test]
    public void PageOffset_TimesPageSize_OverflowsAsJavaIntDoes()
    {
        // 1073741824 * 2 wraps to -2147483648 in Java's int arithmetic.
        AssertError(Http.Get("/kylin/api/jobs?time_filter=4&page_offset=1073741824&page_size=2"), 500,
            "KE-000000001(UNKNOWN ERRORCODE): fromIndex = -2147483648", null);
    }
}
