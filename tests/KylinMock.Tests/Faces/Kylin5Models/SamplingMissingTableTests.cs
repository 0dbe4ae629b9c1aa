using KylinMock.Tests.Support;

namespace KylinMock.Tests.Faces.Kylin5Models;

/// <summary>Sampling a table that is not loaded (issue 20, contract "Third pass" A; corrects the build contract §3's inferred 400).</summary>
public class SamplingMissingTableTests : ModelEstateTest
{
    [Test]
    public void Sampling_TableNotLoaded_Is500UnknownErrorCode_WithNullErrorCode_AndChangesNothing()
    {
        // NTableSamplingJob.create's Preconditions.checkArgument runs inside TableSamplingService's @Transaction:
        // BaseController.handleTransaction -> handleError -> ErrorResponse(url, IllegalArgumentException), whose
        // non-Kylin branch writes "KE-000000001(UNKNOWN ERRORCODE): <message>", code 999, error_code null.
        var answer = Http.Send(HttpMethod.Post, "/kylin/api/tables/sampling_jobs",
            "{\"project\":\"learn_kylin\",\"qualified_table_name\":\"DEFAULT.NOPE\",\"rows\":10000}");
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(500), answer.Text);
            Assert.That((string?)answer.Json["code"], Is.EqualTo("999"));
            Assert.That((string?)answer.Json["msg"], Is.EqualTo("KE-000000001(UNKNOWN ERRORCODE): Create table sampling job failed for table not exist!"));
            Assert.That((string?)answer.Json["exception"], Is.EqualTo("Create table sampling job failed for table not exist!"));
            Assert.That(answer.Json["error_code"]!.Type, Is.EqualTo(Newtonsoft.Json.Linq.JTokenType.Null));
            Assert.That(answer.Json.Properties().Select(p => p.Name), Is.EqualTo(new[] { "code", "data", "msg", "stacktrace", "exception", "url", "suggestion", "error_code" }));
            Assert.That(Kylin.Jobs.Count, Is.Zero);
        });
    }
}
