using KylinMock.Tests.Support;

namespace KylinMock.Tests.Http;

public class SmokeTests
{
    [Test]
    public void SeedDocumentCurlExample_Verbatim_ReturnsTheDocumentedShape()
    {
        using var kylin = Estates.StartCaptured(out _);
        using var http = new KylinHttp(kylin.Url);
        var answer = http.Get("/kylin/api/jobs?time_filter=0&page_size=1");
        TestContext.Out.WriteLine(answer.Text);
        Assert.That(answer.Status, Is.EqualTo(200));
    }
}
