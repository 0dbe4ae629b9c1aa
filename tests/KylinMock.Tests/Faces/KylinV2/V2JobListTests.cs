using KylinMock.Tests.Support;
using Newtonsoft.Json.Linq;

namespace KylinMock.Tests.Faces.KylinV2;

/// <summary>
/// v2 GET /kylin/api/jobs over the hand-written capture (contract sections 9 and 12.2; DLC/v2/JobControllerV2.getJobList,
/// DLC/BaseController.checkNonNegativeIntegerArg/getDataResponse, DLS/JobService.addOldParams, JobStatusEnum codes).
/// </summary>
public class V2JobListTests : ListJobsTestBase
{
    private const string V2 = "application/vnd.apache.kylin-v2+json";

    private KylinHttp.Answer ListV2(string query) => Http.Get("/kylin/api/jobs?" + query, accept: V2);

    private List<int> NumbersV4(string query) => List(query);

    private List<int> NumbersV2(string query)
    {
        var answer = ListV2(query);
        Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
        return answer.Data["jobs"]!.Select(j => int.Parse(((string)j["id"]!)[^12..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
    }

    // getDataResponse: a HashMap {"size": total, "jobs": page}; the page is the v4 list's (same filters, same order).
    [Test]
    public void List_IsSizeThenJobs_InTheV4ListsOrder()
    {
        var v2 = ListV2("timeFilter=4&pageSize=100");
        var v4 = Http.Get("/kylin/api/jobs?time_filter=4&page_size=100");
        Assert.Multiple(() =>
        {
            Assert.That(((JObject)v2.Data).Properties().Select(p => p.Name), Is.EqualTo(new[] { "size", "jobs" }));
            Assert.That((int)v2.Data["size"]!, Is.EqualTo(10));
            Assert.That(v2.Data["jobs"]!.Select(j => (string)j["id"]!), Is.EqualTo(v4.Ids));
        });
    }

    // JobControllerV2: timeFilter is a required Integer (BaseController's handler: 400 KE-010043201).
    [Test]
    public void List_WithoutTimeFilter_Is400RequestParameterEmpty()
    {
        AssertError(ListV2("pageSize=5"), 400, "KE-010043201: Request parameter \"timeFilter\" is empty or value is empty. Please check the request parameters.", "KE-010043201");
    }

    // JobService: an unknown code of JobTimeFilterEnum is an unexpected exception (500, KE-000000001).
    [Test]
    public void List_UnknownTimeFilter_IsUnknownErrorCode()
    {
        AssertError(ListV2("timeFilter=9"), 500, "KE-000000001(UNKNOWN ERRORCODE): Can not find the JobTimeFilterEnum by code: 9", null);
    }

    // status: Integer codes of JobStatusEnum (8 ERROR, 32 STOPPED, 16 DISCARDED, 4 FINISHED), comma-split or repeated.
    [TestCase("status=8", "statuses=ERROR")]
    [TestCase("status=8,32", "statuses=ERROR,STOPPED")]
    [TestCase("status=8&status=32", "statuses=ERROR,STOPPED")]
    [TestCase("status=16", "statuses=DISCARDED")]
    [TestCase("status=4&status=1", "statuses=FINISHED,PENDING")]
    [TestCase("status=", "statuses=")]
    public void List_StatusCodes_FilterLikeTheirNames(string v2, string v4)
    {
        var numbers = NumbersV2("timeFilter=4&pageSize=100&" + v2);
        Assert.Multiple(() =>
        {
            Assert.That(numbers, Is.Not.Empty);
            Assert.That(numbers, Is.EqualTo(NumbersV4("time_filter=4&page_size=100&" + v4)));
        });
    }

    // JobStatusEnum.getByCode(3) is null → checkJobStatus("3") → KE-010032212.
    [TestCase("status=3")]
    [TestCase("status=8,4096")]
    [TestCase("status=-1")]
    public void List_UnknownStatusCode_IsJobStatusIllegal(string query)
    {
        AssertError(ListV2("timeFilter=4&" + query), 500,
            "KE-010032212: The selected job status is invalid. The value of status must be \"PENDING\", \"RUNNING\", \"FINISHED\", \"ERROR\", \"DISCARDED\" or \"STOPPED\". Please check and try again.",
            "KE-010032212");
    }

    // Integer[] binding: a value that is not an integer is Spring's type mismatch (400 KE-010000003).
    [Test]
    public void List_StatusNotAnInteger_IsSpringsTypeMismatch()
    {
        var answer = ListV2("timeFilter=4&status=ERROR");
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(400), answer.Text);
            Assert.That((string?)answer.Json["msg"], Does.StartWith("KE-010000003(Invalid Parameter):Failed to convert value of type 'java.lang.String' to required type 'java.lang.Integer[]'"));
        });
    }

    // checkNonNegativeIntegerArg: KE-010043208 (a KylinException: 500), its text naming no parameter.
    [TestCase("pageOffset=-1")]
    [TestCase("pageSize=-1")]
    public void List_NegativePaging_IsIntegerNonNegativeCheck(string query)
    {
        AssertError(ListV2("timeFilter=4&" + query), 500,
            "KE-010043208: The entered parameter value is invalid. The parameter value must be a non-negative integer. Please check and try again.", "KE-010043208");
    }

    // Integer binding: a non-integer pageOffset/pageSize is Spring's type mismatch (400 KE-010000003).
    [TestCase("pageOffset=x")]
    [TestCase("pageSize=1.5")]
    public void List_NonIntegerPaging_IsSpringsTypeMismatch(string query)
    {
        var answer = ListV2("timeFilter=4&" + query);
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(400), answer.Text);
            Assert.That((string?)answer.Json["msg"], Does.StartWith("KE-010000003(Invalid Parameter):Failed to convert value of type 'java.lang.String' to required type 'java.lang.Integer'"));
        });
    }

    // PagingUtil.cutPage: pageOffset is a page index, pageSize defaults to 10; size is the total.
    [Test]
    public void List_PageOffsetIsAPageIndex()
    {
        var answer = ListV2("timeFilter=4&pageSize=3&pageOffset=1");
        Assert.Multiple(() =>
        {
            Assert.That((int)answer.Data["size"]!, Is.EqualTo(10));
            Assert.That(NumbersV2("timeFilter=4&pageSize=3&pageOffset=1"), Is.EqualTo(NumbersV4("time_filter=4&page_size=100").Skip(3).Take(3)));
            Assert.That(NumbersV2("timeFilter=4"), Is.EqualTo(NumbersV4("time_filter=4&page_size=100").Take(10)));
            Assert.That(NumbersV2("timeFilter=4&pageOffset=5"), Is.Empty);
        });
    }

    // projectName → listJobs of that project (case-insensitive); unknown → KE-010001201; absent → every project.
    [Test]
    public void List_ProjectName_SelectsOneProject()
    {
        Assert.Multiple(() =>
        {
            Assert.That(NumbersV2("timeFilter=4&projectName=ssb"), Is.EquivalentTo(new[] { 10, 8, 6, 4, 3 }));
            AssertError(ListV2("timeFilter=4&projectName=nope"), 500, "KE-010001201: Can't find project \"nope\". Please check and try again.", "KE-010001201");
        });
    }

    // jobName is one job type name (exact); key matches id or subject.
    [Test]
    public void List_JobNameAndKey_FilterAsV4()
    {
        Assert.Multiple(() =>
        {
            Assert.That(NumbersV2("timeFilter=4&jobName=INC_BUILD"), Is.EquivalentTo(new[] { 9, 2 }));
            Assert.That(NumbersV2("timeFilter=4&key=ssb_model"), Is.EqualTo(NumbersV4("time_filter=4&key=ssb_model")));
        });
    }

    // sortBy (default last_modified) and the 3x "sortby", which wins unless it is "last_modify"; reverse true.
    [Test]
    public void List_SortbyOf3x_WinsUnlessLastModify()
    {
        Assert.Multiple(() =>
        {
            AssertError(ListV2("timeFilter=4&sortBy=bogus&sortby=last_modify"), 500, "KE-010000003(Invalid Parameter):The selected sort filter \"bogus\" is invalid. Please select again.", "KE-010000003");
            Assert.That(ListV2("timeFilter=4&sortBy=bogus&sortby=job_name").Status, Is.EqualTo(200));
            Assert.That(NumbersV2("timeFilter=4&sortby=job_name&reverse=false"), Is.EqualTo(NumbersV4("time_filter=4&sort_by=job_name&reverse=false")));
        });
    }

    // addOldParams: the unwrapped old params come first, then id … progress; version is the server's.
    [Test]
    public void List_EachJob_OldParamsFirstThenTheV4Fields()
    {
        var jobs = (JArray)ListV2("timeFilter=4&pageSize=100").Data["jobs"]!;
        var v4 = (JObject)Http.Get("/kylin/api/jobs?time_filter=4&page_size=100").Data["value"]![0]!;
        var job = (JObject)jobs[0];
        var names = job.Properties().Select(p => p.Name).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(names.Take(8), Is.EqualTo(new[] { "project_name", "related_cube", "display_cube_name", "uuid", "type", "name", "exec_interrupt_time", "mr_waiting" }));
            Assert.That(names.Skip(8), Is.EqualTo(v4.Properties().Select(p => p.Name)));
            Assert.That((string?)job["uuid"], Is.EqualTo((string?)job["id"]));
            Assert.That((string?)job["name"], Is.EqualTo((string?)job["job_name"]));
            Assert.That((string?)job["project_name"], Is.EqualTo((string?)job["project"]));
            Assert.That((long)job["exec_interrupt_time"]!, Is.EqualTo(0));
            Assert.That((long)job["mr_waiting"]!, Is.EqualTo((long)job["wait_time"]!));
            Assert.That((string?)job["version"], Is.EqualTo("5.0.0.0-SNAPSHOT"));
        });
    }

    // jobTypeMap knows five types; related_cube is the model's alias (broken models too), null for tables, snapshots and deleted models.
    [TestCase(1, "Build Index", "kylin_sales_model")]
    [TestCase(2, "Load Data", "kylin_sales_model")]
    [TestCase(3, "Sample Table", null)]
    [TestCase(4, "Merge Data", "ssb_model")]
    [TestCase(5, null, null)]
    [TestCase(6, "Refresh Data", null)]
    [TestCase(7, "Build Index", "Broken_Model")]
    [TestCase(10, null, "ssb_model")]
    public void List_OldParams_TypeAndRelatedCube(int number, string? type, string? cube)
    {
        var job = ListV2("timeFilter=4&pageSize=100").Data["jobs"]!.Single(j => (string?)j["id"] == Estates.Id(number));
        Assert.Multiple(() =>
        {
            Assert.That((string?)job["type"], Is.EqualTo(type));
            Assert.That((string?)job["related_cube"], Is.EqualTo(cube));
            Assert.That((string?)job["display_cube_name"], Is.EqualTo(cube));
        });
    }
}
