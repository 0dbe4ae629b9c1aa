using KylinMock.Jobs;
using KylinMock.Tests.Support;
using Newtonsoft.Json.Linq;

namespace KylinMock.Tests.Verification;

/// <summary><c>GET /__kylinmock/journal/calls</c>: the journal's verification queries over HTTP, for non-.NET tests.</summary>
public class JournalCallsHttpTests
{
    [Test]
    public void Calls_StatusUpdateFilter_GivesCountParsedBodyAndIntervals()
    {
        using var live = new LiveServer();
        var id = live.Submit(JobPlan.Succeeds(1000, 1000).FailingAt(0, runs: 1));
        live.AdvanceSeconds(3);
        live.Put("RESUME", project: "p", ids: [id]);
        live.AdvanceSeconds(6);
        live.Put("PAUSE", project: "p", ids: [id]);

        var resumes = live.Http.Get($"/__kylinmock/journal/calls?operation=UpdateJobStatus&action=RESUME&job_ids={id}&project=p").Json;
        var all = live.Http.Get("/__kylinmock/journal/calls?operation=updatejobstatus").Json;
        Assert.Multiple(() =>
        {
            Assert.That((int)resumes["count"]!, Is.EqualTo(1));
            var call = resumes["calls"]![0]!;
            Assert.That((string?)call["operation"], Is.EqualTo("UpdateJobStatus"));
            Assert.That((string?)call["status_update"]!["action"], Is.EqualTo("RESUME"));
            Assert.That(call["status_update"]!["job_ids"]!.Values<string>(), Is.EqualTo(new[] { id }));
            Assert.That((string?)call["status_update"]!["project"], Is.EqualTo("p"));
            Assert.That((int)all["count"]!, Is.EqualTo(2));
            Assert.That(all["intervals_ms"]!.Values<long>(), Is.EqualTo(new[] { 6000L }));
            Assert.That((long)all["min_interval_ms"]!, Is.EqualTo(6000));
        });
    }

    // The journal records the route line (method and path) each request matched, so verification reads it and
    // never matches paths again: v2's list shares v4's line (GetJobList), a refused request keeps its route, and a
    // method no line has (HEAD, served by Spring from GET) is no operation.
    [Test]
    public void Journal_RecordsTheOperationOfTheRouteEachRequestMatched()
    {
        using var live = new LiveServer();
        live.Http.Get("/kylin/api/jobs?time_filter=4");
        live.Http.Get("/kylin/api/jobs?timeFilter=4", accept: "application/vnd.apache.kylin-v2+json");
        live.Http.Get("/kylin/api/jobs?time_filter=4", authorization: null);
        live.Http.Send(HttpMethod.Head, "/kylin/api/jobs?time_filter=4");
        live.Http.Get("/kylin/api/jobs/statistics?project=p&start_time=0&end_time=1");

        var operations = live.Kylin.Journal.Entries().Select(e => e.Operation).ToArray();
        Assert.That(operations, Is.EqualTo(new[] { "GetJobList", "GetJobListV2", "GetJobList", null, "JobStatistics" }));
    }

    [Test]
    public void Calls_JobListFilter_GivesParsedParameters()
    {
        using var live = new LiveServer();
        live.Http.Get("/kylin/api/jobs?time_filter=4&project=p&key=k&statuses=ERROR,RUNNING");
        live.Http.Get("/kylin/api/jobs?time_filter=4&project=q");

        var answer = live.Http.Get("/__kylinmock/journal/calls?operation=GetJobList&project=p&key=k").Json;
        var query = answer["calls"]![0]!["list_query"]!;
        Assert.Multiple(() =>
        {
            Assert.That((int)answer["count"]!, Is.EqualTo(1));
            Assert.That((int)query["time_filter"]!, Is.EqualTo(4));
            Assert.That(query["statuses"]!.Values<string>(), Is.EqualTo(new[] { "ERROR", "RUNNING" }));
            Assert.That(answer["min_interval_ms"]!.Type, Is.EqualTo(JTokenType.Null));
        });
    }

    [TestCase("operation=Nope", "\"operation\" must be one of")]
    [TestCase("operation=3", "\"operation\" must be one of")]
    [TestCase("action=RESUME", "\"action\" does not apply without \"operation\"")]
    [TestCase("operation=GetJobList&action=RESUME", "\"action\" does not apply with operation GetJobList")]
    [TestCase("operation=GetJobDetail&project=p", "\"project\" does not apply with operation GetJobDetail")]
    public void Calls_BadQuery_IsRefusedWithAControlError(string query, string error)
    {
        using var live = new LiveServer();
        var answer = live.Http.Get("/__kylinmock/journal/calls?" + query);
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(400));
            Assert.That((string?)answer.Json["error"], Does.StartWith(error));
        });
    }
}
