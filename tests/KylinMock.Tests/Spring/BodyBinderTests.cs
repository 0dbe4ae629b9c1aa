using System.Text;
using KylinMock.Tests.Support;
using Newtonsoft.Json.Linq;
using static KylinMock.Tests.Support.ModelEstates;

namespace KylinMock.Tests.Spring;

/// <summary>
/// Issue 23, items 4 and 13: every Kylin body endpoint reads its <c>@RequestBody</c> as Spring's Jackson converter does
/// (AbstractMessageConverterMethodArgumentResolver picks the converter by Content-Type; Jackson's parser is strict; NBasicController.handleError
/// answers the root cause: a JsonParseException is KE-000030001, anything else KE-000000001), streaming, in bounded memory.
/// </summary>
public class BodyBinderTests : ModelEstateTest
{
    private const string Build = "/kylin/api/models/kylin_sales_model/segments";
    private const string V2 = "application/vnd.apache.kylin-v2+json";

    private static readonly string BuildBody = $"{{\"project\":\"learn_kylin\",\"start\":\"{T + (5 * Day)}\",\"end\":\"{T + (6 * Day)}\"}}";

    // Every @RequestBody endpoint of the Kylin 5 faces (v4, v4-public, v2): method, path, a body it would take, the Accept it is mapped under.
    private static readonly (string Method, string Path, string Body, string Accept)[] Endpoints =
    [
        ("POST", Build, BuildBody, KylinHttp.PublicAccept),
        ("PUT", Build, "{\"project\":\"learn_kylin\",\"type\":\"REFRESH\",\"ids\":[\"seg-1\"]}", KylinHttp.PublicAccept),
        ("POST", "/kylin/api/models/kylin_sales_model/indexes", "{\"project\":\"learn_kylin\"}", KylinHttp.PublicAccept),
        ("POST", Build + "/check", BuildBody, KylinHttp.PublicAccept),
        ("POST", "/kylin/api/tables/sampling_jobs", "{\"project\":\"learn_kylin\",\"qualified_table_name\":\"DEFAULT.KYLIN_SALES\",\"rows\":20000}", KylinHttp.PublicAccept),
        ("POST", "/kylin/api/snapshots", "{\"project\":\"learn_kylin\",\"tables\":[\"DEFAULT.KYLIN_ACCOUNT\"]}", KylinHttp.PublicAccept),
        ("PUT", "/kylin/api/snapshots", "{\"project\":\"learn_kylin\",\"tables\":[\"DEFAULT.KYLIN_ACCOUNT\"]}", KylinHttp.PublicAccept),
        ("PUT", "/kylin/api/projects/learn_kylin/snapshot_config", "{\"snapshot_manual_management_enabled\":true}", KylinHttp.PublicAccept),
        ("PUT", "/kylin/api/projects/learn_kylin/push_down_config", "{\"push_down_enabled\":true}", KylinHttp.PublicAccept),
        ("PUT", "/kylin/api/jobs/status", "{\"action\":\"PAUSE\",\"job_ids\":[]}", KylinHttp.PublicAccept),
        ("POST", "/kylin/api/query", "{\"sql\":\"select 1\",\"project\":\"learn_kylin\"}", KylinHttp.PublicAccept),
        ("POST", "/kylin/api/query/saved_queries", "{\"name\":\"q1\",\"project\":\"learn_kylin\",\"sql\":\"select 1\"}", KylinHttp.PublicAccept),
        ("PUT", "/kylin/api/cubes/kylin_sales_model/rebuild?project=learn_kylin", $"{{\"startTime\":{T + (5 * Day)},\"endTime\":{T + (6 * Day)},\"buildType\":\"BUILD\"}}", V2),
        ("PUT", "/kylin/api/cubes/kylin_sales_model/segments?project=learn_kylin", "{\"segments\":[\"x\"],\"buildType\":\"MERGE\"}", V2),
    ];

    public static IEnumerable<TestCaseData> EveryEndpoint() =>
        Endpoints.Select(e => new TestCaseData(e.Method, e.Path, e.Body, e.Accept).SetArgDisplayNames(e.Method, e.Path));

    // Spring's media-type check comes before the body is read: text/plain is HttpMediaTypeNotSupportedException on every body endpoint.
    [TestCaseSource(nameof(EveryEndpoint))]
    public void Item04_TextPlain_IsContentTypeNotSupported_OnEveryBodyEndpoint(string method, string path, string body, string accept)
    {
        var before = State();
        var answer = Http.Send(new HttpMethod(method), path, body, accept: accept, contentType: "text/plain");
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(500), answer.Text);
            Assert.That((string?)answer.Json["msg"], Is.EqualTo("KE-000000001(UNKNOWN ERRORCODE): Content type 'text/plain' not supported"));
            Assert.That(State(), Is.EqualTo(before));
        });
    }

    // Only application/json and application/*+json reach Jackson; form-urlencoded and XML do not (no converter for a request class).
    [TestCase("application/x-www-form-urlencoded")]
    [TestCase("application/xml")]
    [TestCase("text/xml")]
    public void Item04_NotJsonMediaType_BuildsNothing(string contentType)
    {
        var answer = Http.Send(HttpMethod.Post, Build, BuildBody, contentType: contentType);
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(500), answer.Text);
            Assert.That((string?)answer.Json["msg"], Does.StartWith($"KE-000000001(UNKNOWN ERRORCODE): Content type '{contentType}"));
            Assert.That(Kylin.Models.Segments(Partitioned), Has.Count.EqualTo(3));
        });
    }

    // No Content-Type is application/octet-stream to Spring: refused when there is a body.
    [Test]
    public void Item04_NoContentType_IsOctetStreamNotSupported()
    {
        var (status, text) = RawHttp.Send(Kylin.Port, "POST", Build, BuildBody);
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(500), text);
            Assert.That((string?)JObject.Parse(text)["msg"], Is.EqualTo("KE-000000001(UNKNOWN ERRORCODE): Content type 'application/octet-stream' not supported"));
            Assert.That(Kylin.Models.Segments(Partitioned), Has.Count.EqualTo(3));
        });
    }

    // Jackson's defaults: ALLOW_COMMENTS, ALLOW_SINGLE_QUOTES, ALLOW_UNQUOTED_FIELD_NAMES and ALLOW_TRAILING_COMMA are all off.
    [TestCase("{/* c */\"project\":\"learn_kylin\",\"start\":\"1\",\"end\":\"2\"}")]
    [TestCase("{// c\n\"project\":\"learn_kylin\",\"start\":\"1\",\"end\":\"2\"}")]
    [TestCase("{'project':'learn_kylin','start':'1','end':'2'}")]
    [TestCase("{project:\"learn_kylin\",start:\"1\",end:\"2\"}")]
    [TestCase("{\"project\":\"learn_kylin\",\"start\":\"1\",\"end\":\"2\",}")]
    [TestCase("{\"project\":\"learn_kylin\",\"ids\":[\"a\",],\"start\":\"1\",\"end\":\"2\"}")]
    public void Item04_NotStrictJson_IsFailedParseJson_AndBuildsNothing(string body)
    {
        var answer = Http.Send(HttpMethod.Post, Build, body);
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(500), answer.Text);
            Assert.That((string?)answer.Json["msg"], Does.StartWith("KE-000030001(Failed Parse Json): "));
            Assert.That(Kylin.Models.Segments(Partitioned), Has.Count.EqualTo(3));
        });
    }

    [TestCaseSource(nameof(EveryEndpoint))]
    public void Item04_TrailingComma_IsFailedParseJson_OnEveryBodyEndpoint(string method, string path, string body, string accept)
    {
        var before = State();
        var answer = Http.Send(new HttpMethod(method), path, body[..^1] + ",}", accept: accept);
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(500), answer.Text);
            Assert.That((string?)answer.Json["msg"], Does.StartWith("KE-000030001(Failed Parse Json): "));
            Assert.That(State(), Is.EqualTo(before));
        });
    }

    // Jackson's ByteSourceJsonBootstrapper skips a UTF-8 byte order mark.
    [Test]
    public void Item04_Utf8Bom_IsRead()
    {
        var (status, text) = RawHttp.Send(Kylin.Port, "POST", Build, "\uFEFF" + BuildBody, extraHeaders: "Content-Type: application/json\r\n");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(200), text);
            Assert.That(Kylin.Models.Segments(Partitioned), Has.Count.EqualTo(4));
        });
    }

    // application/*+json is Jackson's too (MappingJackson2HttpMessageConverter's supported types).
    [Test]
    public void Item04_VendorJsonContentType_IsRead()
    {
        var answer = Http.Send(HttpMethod.Post, Build, BuildBody, contentType: KylinHttp.PublicAccept);
        Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
    }

    // A 30 MB array where Jackson expects BuildSegmentsRequest: a MismatchedInputException (UNKNOWN), read without materializing it.
    [Test]
    public void Item13_ThirtyMegabyteArray_ToABuildEndpoint_IsJacksonsRefusal_AndTheServerStaysUp()
    {
        var answer = Http.Send(HttpMethod.Post, Build, HugeArray());
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(500));
            Assert.That((string?)answer.Json["msg"], Does.StartWith("KE-000000001(UNKNOWN ERRORCODE): Cannot deserialize value of type `org.apache.kylin.rest.request.BuildSegmentsRequest` from Array value"));
            Assert.That(Http.Send(HttpMethod.Get, "/__kylinmock/health", authorization: null).Status, Is.EqualTo(200));
        });
    }

    // An unknown property is skipped (FAIL_ON_UNKNOWN_PROPERTIES off), however big: the build goes through.
    [Test]
    public void Item13_ThirtyMegabyteUnknownField_IsSkipped_AndTheBuildGoesThrough()
    {
        var answer = Http.Send(HttpMethod.Post, Build, BuildBody[..^1] + ",\"padding\":" + HugeArray() + "}");
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200), answer.Text[..Math.Min(300, answer.Text.Length)]);
            Assert.That(Kylin.Models.Segments(Partitioned), Has.Count.EqualTo(4));
        });
    }

    // Integer.parseInt in ArgsTypeJsonDeserializer.IntegerJsonDeserializer (SegmentsRequest.priority): not a number is KE-010043209 while binding.
    [Test]
    public void Body_RefreshPriorityNotAnInteger_IsArgsTypeCheck()
    {
        var answer = Http.Send(HttpMethod.Put, Build, "{\"project\":\"learn_kylin\",\"type\":\"REFRESH\",\"ids\":[\"seg-1\"],\"priority\":\"high\"}");
        Assert.That((answer.Status, (string?)answer.Json["msg"]), Is.EqualTo((500, "KE-010043209: The entered parameter value \"high\" is invalid. Only support \"Integer\" at the moment. Please check and try again.")));
    }

    // Jackson's int deserializer (BuildSegmentsRequest.priority): a numeric string is read, a fraction cut; other text is refused.
    [TestCase("\"2\"", 200)]
    [TestCase("2.7", 200)]
    [TestCase("\"high\"", 500)]
    public void Body_BuildPriorityCoercedAsJacksonDoes(string priority, int status)
    {
        var answer = Http.Send(HttpMethod.Post, Build, BuildBody[..^1] + ",\"priority\":" + priority + "}");
        Assert.That(answer.Status, Is.EqualTo(status), answer.Text);
        if (status == 500)
        {
            Assert.That((string?)answer.Json["msg"], Does.StartWith("KE-000000001(UNKNOWN ERRORCODE): Cannot deserialize value of type `int` from String \"high\": not a valid `int` value"));
        }
    }

    private static string HugeArray()
    {
        var text = new StringBuilder(30_000_010).Append('[');
        while (text.Length < 30_000_000)
        {
            text.Append("{\"id\":\"abcdefghijklmnop\",\"n\":[1,2,3]},");
        }

        return text.Append("0]").ToString();
    }

    private string State() =>
        Kylin.Jobs.Snapshot().Count + " jobs, " + string.Join(",", Kylin.Models.Segments(Partitioned).Select(s => s.Segment.Id + s.Segment.Status));
}
