using KylinMock.Tests.Support;

namespace KylinMock.Tests.Faces.Kylin5Jobs;

/// <summary>GET /kylin/api/jobs parameter binding and Kylin's validation order.</summary>
public class ListJobsValidationTests : ListJobsTestBase
{
    private const string MissingTimeFilter =
        "KE-010043201: Request parameter \"time_filter\" is empty or value is empty. Please check the request parameters.";

    [TestCase("")]
    [TestCase("time_filter=")]
    [TestCase("project=SSB")]
    public void TimeFilter_MissingOrEmpty_IsKE010043201WithHttp400(string query)
    {
        AssertError(Http.Get("/kylin/api/jobs?" + query), 400, MissingTimeFilter, "KE-010043201");
    }

    [Test]
    public void TimeFilter_NotAnInteger_IsSpringsTypeMismatchWithHttp400()
    {
        AssertError(Http.Get("/kylin/api/jobs?time_filter=abc"), 400,
            "KE-010000003(Invalid Parameter):Failed to convert value of type 'java.lang.String' to required type 'java.lang.Integer'; nested exception is java.lang.NumberFormatException: For input string: \"abc\"",
            "KE-010000003");
    }

    [TestCase("page_offset=x", "x")]
    [TestCase("page_size=1.5", "1.5")]
    [TestCase("page_size=99999999999", "99999999999")]
    public void IntParameters_NotAnInteger_AreHttp400(string query, string shown)
    {
        AssertError(Http.Get("/kylin/api/jobs?time_filter=4&" + query), 400,
            $"KE-010000003(Invalid Parameter):Failed to convert value of type 'java.lang.String' to required type 'java.lang.Integer'; nested exception is java.lang.NumberFormatException: For input string: \"{shown}\"",
            "KE-010000003");
    }

    [TestCase("time_filter=0x4")]
    [TestCase("time_filter=%204%20")]
    [TestCase("time_filter=%2B4")]
    public void TimeFilter_AcceptsWhatSpringsNumberParsingAccepts(string query)
    {
        Assert.That(List(query), Has.Count.EqualTo(10));
    }

    [Test]
    public void Reverse_NotABoolean_IsSpringsTypeMismatchWithHttp400()
    {
        AssertError(Http.Get("/kylin/api/jobs?time_filter=4&reverse=maybe"), 400,
            "KE-010000003(Invalid Parameter):Failed to convert value of type 'java.lang.String' to required type 'boolean'; nested exception is java.lang.IllegalArgumentException: Invalid boolean value 'maybe'",
            "KE-010000003");
    }

    [TestCase(5)]
    [TestCase(-1)]
    public void TimeFilter_OutOfRange_IsUnknownErrorWithHttp500(int code)
    {
        var answer = Http.Get("/kylin/api/jobs?time_filter=" + code);
        AssertError(answer, 500, "KE-000000001(UNKNOWN ERRORCODE): Can not find the JobTimeFilterEnum by code: " + code, null);
        Assert.Multiple(() =>
        {
            Assert.That((string?)answer.Json["suggestion"], Is.Null);
            Assert.That((string?)answer.Json["exception"], Is.EqualTo("Can not find the JobTimeFilterEnum by code: " + code));
        });
    }

    [Test]
    public void Order_MissingTimeFilterComesBeforeABadPageOffset()
    {
        AssertError(Http.Get("/kylin/api/jobs?page_offset=x"), 400, MissingTimeFilter, "KE-010043201");
    }

    [Test]
    public void Order_BadTypeComesBeforeABadStatus()
    {
        var answer = Http.Get("/kylin/api/jobs?time_filter=4&statuses=BOGUS&page_size=x");
        Assert.That((string?)answer.Json["error_code"], Is.EqualTo("KE-010000003"));
    }

    [Test]
    public void Order_BadStatusNameComesBeforeAnUnknownProject()
    {
        var answer = Http.Get("/kylin/api/jobs?time_filter=4&statuses=BOGUS&project=nope");
        Assert.That((string?)answer.Json["error_code"], Is.EqualTo("KE-010032212"));
    }

    [Test]
    public void Order_UnknownProjectComesBeforeABadTimeFilter()
    {
        var answer = Http.Get("/kylin/api/jobs?time_filter=9&project=nope");
        Assert.That((string?)answer.Json["error_code"], Is.EqualTo("KE-010001201"));
    }

    [Test]
    public void Order_BadTimeFilterComesBeforeAnUnfilterableStatus()
    {
        var answer = Http.Get("/kylin/api/jobs?time_filter=9&statuses=STARTING");
        Assert.That((string?)answer.Json["msg"], Does.StartWith("KE-000000001(UNKNOWN ERRORCODE)"));
    }

    [Test]
    public void Order_BadSortComesBeforeAnUnmappableStatus()
    {
        // JobFilterUtil.getJobMapperFilter: convertSortBy, then JobStatusUtil.mapJobStatusToScheduleState.
        var answer = Http.Get("/kylin/api/jobs?time_filter=4&statuses=STARTING&sort_by=bogus");
        Assert.That((string?)answer.Json["msg"], Is.EqualTo("KE-010000003(Invalid Parameter):The selected sort filter \"bogus\" is invalid. Please select again."));
    }

    [Test]
    public void Order_BadTimeFilterComesBeforeABadSort()
    {
        var answer = Http.Get("/kylin/api/jobs?time_filter=9&sort_by=bogus");
        Assert.That((string?)answer.Json["msg"], Is.EqualTo("KE-000000001(UNKNOWN ERRORCODE): Can not find the JobTimeFilterEnum by code: 9"));
    }

    [Test]
    public void ErrorEnvelope_Url_IsTheRequestUrlWithoutItsQuery()
    {
        var answer = Http.Get("/kylin/api/jobs?time_filter=4&project=nope");
        Assert.That((string?)answer.Json["url"], Is.EqualTo(Kylin.Url + "/kylin/api/jobs"));
    }

    [Test]
    public void ErrorEnvelope_NewStyleCode_HasEmptySuggestionAndTheMessageAsException()
    {
        var answer = Http.Get("/kylin/api/jobs?time_filter=4&project=nope");
        Assert.Multiple(() =>
        {
            Assert.That((string?)answer.Json["suggestion"], Is.EqualTo(string.Empty));
            Assert.That((string?)answer.Json["exception"], Is.EqualTo((string?)answer.Json["msg"]));
        });
    }

    [Test]
    public void ErrorEnvelope_OldStyleCode_HasNullSuggestion()
    {
        var answer = Http.Get("/kylin/api/jobs?time_filter=4&sort_by=bogus");
        Assert.That(answer.Json["suggestion"]!.Type, Is.EqualTo(Newtonsoft.Json.Linq.JTokenType.Null));
    }

    [Test]
    public void RepeatedStringParameter_IsJoinedWithCommasAsSpringDoes()
    {
        // project=SSB&project=x binds "SSB,x", which is no project.
        AssertError(Http.Get("/kylin/api/jobs?time_filter=4&project=SSB&project=x"), 500,
            "KE-010001201: Can't find project \"SSB,x\". Please check and try again.", "KE-010001201");
    }

    [Test]
    public void RepeatedIntParameter_TakesTheFirstValue()
    {
        Assert.That(List("time_filter=0&time_filter=4"), Is.EqualTo(new[] { 3, 2, 1 }));
    }

    [Test]
    public void BrokenPercentEscape_DropsTheParameterAsTomcatDoes()
    {
        var (status, body) = Support.RawHttp.Send(Kylin.Port, "GET", "/kylin/api/jobs?time_filter=4&project=%zz&page_size=100");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(200), body);
            Assert.That((int)Newtonsoft.Json.Linq.JObject.Parse(body)["data"]!["total_size"]!, Is.EqualTo(10));
        });
    }

    [Test]
    public void UnknownParameters_AreIgnored()
    {
        Assert.That(List("time_filter=4&page_size=100&foo=bar&&=x"), Has.Count.EqualTo(10));
    }
}
