using KylinMock.Tests.Support;
using static KylinMock.Tests.Support.ModelEstates;

namespace KylinMock.Tests.Faces.Control;

/// <summary>Issue 23, items 5, 6 and 12: small acceptance gaps, each a request Kylin refuses.</summary>
public class AcceptanceTests : ModelEstateTest
{
    private const string Segments = "/kylin/api/models/kylin_sales_model/segments";

    [Test]
    public void Item05_DeleteWithEmptyPurge_IsKylins400_AndDeletesNothing()
    {
        // @RequestParam("purge") boolean: "" converts to null, then handleMissingValueAfterConversion → MissingServletRequestParameterException.
        var answer = Http.Send(HttpMethod.Delete, Segments + "?project=learn_kylin&purge=&ids=seg-1");
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(400));
            Assert.That((string?)answer.Json["msg"], Is.EqualTo("KE-010043201: Request parameter \"purge\" is empty or value is empty. Please check the request parameters."));
            Assert.That(Kylin.Models.Segments(Partitioned).Select(s => s.Segment.Id), Does.Contain("seg-1"));
        });
    }

    [TestCase("/kylin/api/models/kylin_sales_model/segments", "POST", "{\"project\":\"learn_kylin\",\"start\":\"1\",\"end\":\"9223372036854775806\"}", "application/vnd.apache.kylin-v4-public+json")]
    [TestCase("/kylin/api/cubes/kylin_sales_model/rebuild?project=learn_kylin", "PUT", "{\"startTime\":1,\"endTime\":9223372036854775806,\"buildType\":\"BUILD\"}", "application/vnd.apache.kylin-v2+json")]
    public void Item06_RangeEndPastYear9999_OnAPartitionedModel_IsKylinsOverlapRefusal(string path, string method, string body, string accept)
    {
        // kylinpy's full-build end on a partitioned model with segments: the range overlaps them all (KE-010022202), no .NET message.
        var answer = Http.Send(new HttpMethod(method), path, body, accept: accept);
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(500), answer.Text);
            Assert.That((string?)answer.Json["msg"], Does.StartWith("KE-010022202: Can't build segment. The specified data range overlaps with the built segments"));
            Assert.That(Kylin.Models.Segments(Partitioned), Has.Count.EqualTo(3));
        });
    }

    [Test]
    public void Item06_RangeEndPastYear9999_OnAnEmptyPartitionedModel_BuildsWithoutANetMessage()
    {
        Http.Send(HttpMethod.Delete, Segments + "?project=learn_kylin&purge=true");
        var answer = Http.Send(HttpMethod.Post, Segments, "{\"project\":\"learn_kylin\",\"start\":\"1\",\"end\":\"9223372036854775806\"}");
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
            // Java's Date(9223372036854775806) is 292278994-08-17T07:12:55Z; the partition format keeps the day.
            Assert.That((string?)Http.Get(Segments + "?project=learn_kylin").Data["value"]![0]!["name"], Is.EqualTo("19700101000000_2922789940817000000"));
            Assert.That(Http.Get("/kylin/api/jobs?time_filter=4&project=learn_kylin").Status, Is.EqualTo(200));
        });
    }

    [TestCase("[[\"s\",\"e\"]]", "starts at")]
    [TestCase("[[\"a\",\"b\"],[\"a\",\"c\"]]", "given twice")]
    [TestCase("[[\"a\",\"b\"],[\"c\",\"d\"]]", "both built over the same data")]
    public void Item12_ControlModels_RefusesWhatKylinCannotHold_AndAddsNothing(string ranges, string refusal)
    {
        var spans = Newtonsoft.Json.Linq.JArray.Parse(ranges).Select((r, i) => (Id: (string)r[0]!, I: i)).ToList();
        var segments = string.Join(',', spans.Select(s => Segment(s.Id, s.I, ranges)));
        var body = "{\"models\":[" + ModelJson("m23") + "],\"segments\":{\"5d0a2f6c-0000-4000-8000-0000000000cc\":[" + segments + "]}}";
        var answer = Http.Send(HttpMethod.Post, "/__kylinmock/models", body, authorization: null, accept: "application/json");
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(400), answer.Text);
            Assert.That((string?)answer.Json["error"], Does.Contain(refusal));
            Assert.That(Kylin.Models.Find(Project, "m23"), Is.Null);
        });
    }

    [TestCase(7)]
    [TestCase(-1)]
    public void Item12_FailAtStepOutsideTheJob_IsRefused(int step)
    {
        var built = Http.Send(HttpMethod.Post, Segments, $"{{\"project\":\"learn_kylin\",\"start\":\"{T + (5 * Day)}\",\"end\":\"{T + (6 * Day)}\"}}");
        var job = Kylin.Jobs.Find((string)built.Data["jobs"]![0]!["job_id"]!)!;
        Assert.That(job.Steps, Has.Count.EqualTo(3));
        var answer = Http.Send(HttpMethod.Patch, "/__kylinmock/jobs/" + job.Id, $"{{\"plan\":{{\"fail_at_step\":{step}}}}}", authorization: null, accept: "application/json");
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(400), answer.Text);
            Assert.That((string?)answer.Json["error"], Does.Contain("fail_at_step"));
        });
    }

    // Jackson's MismatchedInputException is not exactly a JsonParseException, so ErrorResponse calls it KE-000000001 (UNKNOWN).
    [Test]
    public void Item12_SubPartitionValuesNotAnArrayOfArrays_IsJacksonsRefusal()
    {
        var answer = Http.Send(HttpMethod.Post, Segments, $"{{\"project\":\"learn_kylin\",\"start\":\"{T + (5 * Day)}\",\"end\":\"{T + (6 * Day)}\",\"sub_partition_values\":\"a\"}}");
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(500), answer.Text);
            Assert.That((string?)answer.Json["msg"], Does.StartWith("KE-000000001(UNKNOWN ERRORCODE): Cannot deserialize value of type `java.util.ArrayList<java.lang.String[]>` from String value"));
            Assert.That(Kylin.Models.Segments(Partitioned), Has.Count.EqualTo(3));
        });
    }

    [TestCase("/kylin/api/jobs%2F?time_filter=4")]
    [TestCase("/kylin/api/jobs/a%2fb/steps/x/output?project=SSB")]
    [TestCase("/kylin/api/jobs%5C?time_filter=4")]
    public void Item12_EncodedSlashInThePath_IsTomcats400(string target)
    {
        // Tomcat's encodedSolidusHandling defaults to reject: CoyoteAdapter answers 400 before Kylin sees the request.
        var answer = Http.Get(target);
        Assert.That((answer.Status, answer.ContentType), Is.EqualTo((400, "text/html; charset=utf-8")));
    }

    private static string ModelJson(string alias) =>
        $"{{\"uuid\":\"5d0a2f6c-0000-4000-8000-0000000000cc\",\"alias\":\"{alias}\",\"project\":\"{Project}\",\"fact_table\":\"DEFAULT.KYLIN_SALES\",\"partition_desc\":{{\"partition_date_column\":\"KYLIN_SALES.PART_DT\",\"partition_date_format\":\"yyyy-MM-dd\"}}}}";

    // Item "s": start after end; otherwise consecutive days, except "c"/"d" which overlap day 0.
    private static string Segment(string id, int i, string ranges)
    {
        var (start, end) = ranges.Contains("\"s\"") ? (T + Day, T) : ranges.Contains("\"c\"") ? (T + (i * Day / 2), T + (i * Day / 2) + Day) : (T + (i * Day), T + ((i + 1) * Day));
        return $"{{\"id\":\"{id}\",\"name\":\"n{i}\",\"status\":\"READY\",\"segRange\":{{\"date_range_start\":{start},\"date_range_end\":{end}}},\"date_range_start\":{start},\"date_range_end\":{end}}}";
    }
}
