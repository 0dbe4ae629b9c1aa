using KylinMock.Control;
using KylinMock.Jobs;
using KylinMock.Tests.Support;

namespace KylinMock.Tests.Dashboard;

/// <summary>
/// The dashboard's routes (issue 16): the page and its assets under <c>/__kylinmock/</c>, and
/// <c>/__kylinmock/view/</c>, which answers what Kylin's list, detail and output endpoints answer
/// (JobController.getJobList, getJobDetail, getJobOutput) without journaling, faults or Basic auth.
/// </summary>
public sealed class DashboardRoutesTests
{
    [TestCase("/__kylinmock/", "text/html; charset=utf-8")]
    [TestCase("/__kylinmock", "text/html; charset=utf-8")]
    [TestCase("/__kylinmock/ui", "text/html; charset=utf-8")]
    [TestCase("/__kylinmock/ui/app.css", "text/css; charset=utf-8")]
    [TestCase("/__kylinmock/ui/app.js", "text/javascript; charset=utf-8")]
    public void Page_IsServedWithItsTypeAndAPolicyRunningOnlyItsOwnScript(string path, string contentType)
    {
        using var live = new LiveServer();
        var answer = live.Http.Get(path, authorization: null, accept: null);
        Assert.That(answer.Status, Is.EqualTo(200));
        Assert.That(answer.ContentType, Is.EqualTo(contentType));
        Assert.That(answer.Text, Is.Not.Empty);
        Assert.That(answer.Response.Headers.GetValues("Content-Security-Policy").Single(), Does.Contain("script-src 'self'"));
    }

    [Test]
    public void Page_UnknownAssetOrWrongMethod_IsAControlError()
    {
        using var live = new LiveServer();
        var missing = live.Http.Get("/__kylinmock/ui/nothing.js", authorization: null, accept: null);
        Assert.That((missing.Status, (string?)missing.Json["error"]), Is.EqualTo((404, "no dashboard file /__kylinmock/ui/nothing.js")));
        var post = live.Http.Send(HttpMethod.Post, "/__kylinmock/ui", "{}", authorization: null, accept: null);
        Assert.That(post.Status, Is.EqualTo(405));
        Assert.That(post.Json.ContainsKey("error"));
    }

    [Test]
    public void View_AnswersKylinsList_WithoutJournalFaultOrCredentials()
    {
        using var live = new LiveServer();
        var id = live.Submit(JobPlan.Succeeds(0, 1000, 1000, 1000));
        live.Kylin.Faults.Add(new FaultRule { Kind = FaultKind.Drop });

        var seen = live.Http.Get("/__kylinmock/view/kylin/api/jobs?time_filter=4&project=p", authorization: null, accept: null);

        Assert.That(seen.Status, Is.EqualTo(200));
        Assert.That(seen.Ids, Is.EqualTo(new[] { id }));
        Assert.That(live.Kylin.Journal.Total, Is.Zero, "not journaled");
        Assert.That(live.Kylin.Faults.List(), Has.Count.EqualTo(1), "no fault consumed");
        live.Kylin.Faults.Clear();
        Assert.That(seen.Text, Is.EqualTo(live.Http.Get("/kylin/api/jobs?time_filter=4&project=p").Text), "Kylin's own answer");
    }

    [Test]
    public void View_AnswersDetailAndOutput_AsKylinDoes()
    {
        using var live = new LiveServer();
        var id = live.Submit(JobPlan.Succeeds(0, 1000, 1000, 1000));
        live.AdvanceSeconds(2);
        foreach (var path in new[] { $"/kylin/api/jobs/{id}/detail?project=p", $"/kylin/api/jobs/{id}/steps/{id}_00/output?project=p" })
        {
            var seen = live.Http.Get("/__kylinmock/view" + path, authorization: null, accept: null);
            Assert.That(seen.Text, Is.EqualTo(live.Http.Get(path).Text), path);
        }
    }

    [Test]
    public void View_KylinRefusal_IsAControlErrorWithKylinsMessage()
    {
        using var live = new LiveServer();
        var answer = live.Http.Get("/__kylinmock/view/kylin/api/jobs", authorization: null, accept: null);
        Assert.That(answer.Status, Is.EqualTo(400));
        Assert.That((string?)answer.Json["code"], Is.EqualTo("KE-010043201"));
        Assert.That((string?)answer.Json["error"], Does.Contain("time_filter"));
        Assert.That(live.Http.Get("/__kylinmock/view/kylin/api/other", authorization: null, accept: null).Status, Is.EqualTo(404));
    }

    [Test]
    public void View_Projects_NamesTheEstatesProjects()
    {
        using var live = new LiveServer();
        var answer = live.Http.Get("/__kylinmock/view/projects", authorization: null, accept: null);
        Assert.That(answer.Json["projects"]!.Select(p => (string)p!), Is.EqualTo(new[] { "p", "q" }));
    }

    [Test]
    public void View_WithAControlToken_NeedsIt_ThePageDoesNot()
    {
        using var kylin = KylinMockServer.Start(new KylinMockOptions { JobCount = 3, ControlToken = "t" });
        using var http = new KylinHttp(kylin.Url);
        Assert.That(http.Get("/__kylinmock/view/projects", authorization: null, accept: null).Status, Is.EqualTo(401));
        Assert.That(http.Send(HttpMethod.Get, "/__kylinmock/view/projects", authorization: null, accept: null, controlToken: "t").Status, Is.EqualTo(200));
        Assert.That(http.Get("/__kylinmock/", authorization: null, accept: null).Status, Is.EqualTo(200));
    }
}
