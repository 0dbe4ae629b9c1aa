using KylinMock.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace KylinMock.Tests.Support;

/// <summary>One server over the hand-written capture per fixture; list tests only read.</summary>
public abstract class ListJobsTestBase
{
    private protected KylinMockServer Kylin { get; private set; } = null!;

    private protected KylinHttp Http { get; private set; } = null!;

    private protected FakeTimeProvider Clock { get; private set; } = null!;

    /// <summary>The options the shared server starts with (null: the defaults).</summary>
    private protected virtual KylinMockOptions? ServerOptions => null;

    [OneTimeSetUp]
    public void StartServer()
    {
        Kylin = Estates.StartCaptured(out var clock, ServerOptions);
        Clock = clock;
        Http = new KylinHttp(Kylin.Url);
    }

    [OneTimeTearDown]
    public void StopServer()
    {
        Http.Dispose();
        Kylin.Dispose();
    }

    /// <summary>The ids of a successful list, by their number in the capture.</summary>
    private protected List<int> List(string query)
    {
        var answer = Http.Get("/kylin/api/jobs?" + query);
        Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
        return answer.Ids.Select(id => int.Parse(id[^12..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
    }

    /// <summary>Asserts an error envelope: every field present, code 999, the msg and error_code given.</summary>
    private protected static void AssertError(KylinHttp.Answer answer, int status, string msg, string? errorCode)
    {
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(status), answer.Text);
            var json = answer.Json;
            Assert.That(json.Properties().Select(p => p.Name), Is.EqualTo(new[] { "code", "data", "msg", "stacktrace", "exception", "url", "suggestion", "error_code" }));
            Assert.That((string?)json["code"], Is.EqualTo("999"));
            Assert.That(json["data"]!.Type, Is.EqualTo(Newtonsoft.Json.Linq.JTokenType.Null));
            Assert.That((string?)json["msg"], Is.EqualTo(msg));
            Assert.That((string?)json["error_code"], Is.EqualTo(errorCode));
            Assert.That((string?)json["stacktrace"], Does.StartWith(msg));
        });
    }
}
