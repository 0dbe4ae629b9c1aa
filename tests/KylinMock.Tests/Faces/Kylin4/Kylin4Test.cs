using System.Net.Http.Headers;
using System.Text;
using KylinMock.Models;
using KylinMock.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace KylinMock.Tests.Kylin4;

/// <summary>
/// A test over a fresh Kylin 4 server per test (KylinVersion = 4) on the <see cref="ModelEstates"/> estate: cube
/// kylin_sales_model (partitioned; two READY days and a NEW third) and sales_full_model (one FULL_BUILD), on a clock the test moves.
/// </summary>
public abstract class Kylin4Test
{
    protected const string Cube = "kylin_sales_model";
    protected const long Day = ModelEstates.Day;
    protected static readonly long T = ModelEstates.T;

    private HttpClient client = null!;

    protected KylinMockServer Kylin { get; private set; } = null!;

    protected FakeTimeProvider Clock { get; private set; } = null!;

    /// <summary>The SQL engine the server answers queries with (none by default).</summary>
    protected virtual KylinMock.Sql.ISqlEngine? SqlEngine => null;

    [SetUp]
    public void StartServer()
    {
        Clock = new FakeTimeProvider(Estates.Now);
        Kylin = KylinMockServer.Start(new KylinMockOptions
        {
            KylinVersion = 4,
            Clock = Clock,
            SqlEngine = SqlEngine,
            Estate = new KylinMock.Jobs.Estate([new KylinMock.Jobs.Project(ModelEstates.Project), new KylinMock.Jobs.Project("another")], [])
            {
                Models = new ModelEstate(ModelEstates.Tables, [], []),
            },
        });
        AddCubes();
        client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(Kylin.Url) };
    }

    /// <summary>The two cubes of the estate (again after a reset, which keeps only the options' estate).</summary>
    protected void AddCubes()
    {
        Kylin.Models.Add(ModelEstates.Model(ModelEstates.Partitioned, Cube, partitioned: true),
        [
            ModelEstates.Seg(ModelEstates.Partitioned, "seg-1", T, T + Day, built: T + Day + 10),
            ModelEstates.Seg(ModelEstates.Partitioned, "seg-2", T + Day, T + (2 * Day), built: T + (2 * Day) + 20),
        ]);
        Kylin.Models.Add(ModelEstates.Model(ModelEstates.FullBuild, "sales_full_model", partitioned: false), [ModelEstates.Seg(ModelEstates.FullBuild, "seg-f", 0, Segment.InfiniteEnd, built: T)]);
    }

    [TearDown]
    public void StopServer()
    {
        client.Dispose();
        Kylin.Dispose();
    }

    /// <summary>Sends as kylinpy does: Basic ADMIN:KYLIN, no Accept, JSON content type with a body.</summary>
    internal KylinHttp.Answer Send(HttpMethod method, string path, string? body = null, string? authorization = KylinHttp.AdminBasic, string? accept = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, "/kylin/api" + path);
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        using var response = client.Send(request);
        var text = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        return new KylinHttp.Answer((int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), text, response);
    }

    internal KylinHttp.Answer Get(string path) => Send(HttpMethod.Get, path);

    internal KylinHttp.Answer Put(string path, string? body = null) => Send(HttpMethod.Put, path, body);

    internal KylinHttp.Answer Delete(string path) => Send(HttpMethod.Delete, path);

    internal static JArray Array(KylinHttp.Answer answer) => JArray.Parse(answer.Text);

    /// <summary>PUT /cubes/{cube}/build with a range and type; the answer.</summary>
    internal KylinHttp.Answer Build(string cube, long start, long end, string type = "BUILD", bool force = false) =>
        Put($"/cubes/{cube}/build", $"{{\"startTime\":{start},\"endTime\":{end},\"buildType\":\"{type}\",\"force\":{(force ? "true" : "false")}}}");

    /// <summary>A build of the third day, straight after submission: its job id.</summary>
    internal string BuildThirdDay()
    {
        var answer = Build(Cube, T + (2 * Day), T + (3 * Day));
        Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
        return (string)answer.Json["uuid"]!;
    }

    /// <summary>The job's <c>job_status</c> over GET /jobs/{id}.</summary>
    internal string Status(string id) => (string)Get("/jobs/" + id).Json["job_status"]!;

    /// <summary>Asserts Kylin 4's ErrorResponse: status, msg, and the field order of ErrorResponse.java.</summary>
    internal static void AssertError(KylinHttp.Answer answer, int status, string? msg)
    {
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(status), answer.Text);
            Assert.That(answer.Json.Properties().Select(p => p.Name), Is.EqualTo(new[] { "code", "data", "msg", "stacktrace", "exception", "url" }));
            Assert.That((string?)answer.Json["code"], Is.EqualTo("999"));
            Assert.That((string?)answer.Json["msg"], Is.EqualTo(msg));
            Assert.That((string?)answer.Json["exception"], Is.EqualTo(msg));
        });
    }
}
