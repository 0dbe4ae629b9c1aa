using KylinMock.Jobs;
using KylinMock.Tests.Support;
using KylinMock.Verification;

namespace KylinMock.Tests.Verification;

/// <summary>
/// Verification over the journal in-process: counts, what was sent, order and poll intervals on the
/// server's clock. The parsed fields are Kylin's: JobUpdateRequest (action, job_ids, project, statuses)
/// and JobController.getJobList's @RequestParam names.
/// </summary>
public class JournalVerificationTests
{
    [Test]
    public void StatusUpdate_ResumeOfOneJob_IsCountedWithActionIdsAndProject()
    {
        using var live = new LiveServer();
        var id = live.Submit(JobPlan.Succeeds(1000, 1000).FailingAt(0, runs: 1));
        live.AdvanceSeconds(3);
        Assert.That(live.Put("RESUME", project: "p", ids: [id]).Status, Is.EqualTo(200));

        var calls = live.Kylin.Journal.Verify(KylinCallMatch.StatusUpdate("RESUME", [id], "p"), times: 1);
        Assert.Multiple(() =>
        {
            Assert.That(calls[0].Operation, Is.EqualTo(KylinOperation.UpdateJobStatus));
            Assert.That(live.Kylin.Journal.StatusUpdates().Single().Action, Is.EqualTo("RESUME"));
            Assert.That(calls[0].StatusUpdate!.Action, Is.EqualTo("RESUME"));
            Assert.That(calls[0].StatusUpdate!.JobIds, Is.EqualTo(new[] { id }));
            Assert.That(calls[0].StatusUpdate!.Project, Is.EqualTo("p"));
        });
    }

    [Test]
    public void Verify_WrongCount_SaysWhatWasExpectedAndListsWhatWasReceived()
    {
        using var live = new LiveServer();
        var id = live.Submit(JobPlan.Succeeds(1000, 1000));
        live.Put("PAUSE", ids: [id]);
        live.Http.Get("/kylin/api/jobs?time_filter=4&project=p");

        var failure = Assert.Throws<KylinVerificationException>(() => live.Kylin.Journal.Verify(KylinCallMatch.StatusUpdate("RESUME", [id]), times: 1));
        Assert.That(failure!.Message, Does.StartWith($"Expected UpdateJobStatus with action RESUME, job_ids [{id}] 1 time, but it was called 0 times.")
            .And.Contain("Received 2 Kylin calls:")
            .And.Contain($"#1 12:00:00.000 PUT /kylin/api/jobs/status -> 200: action PAUSE, job_ids [{id}], project (none)")
            .And.Contain("#2 12:00:00.000 GET /kylin/api/jobs -> 200: time_filter=4, project=p"));
    }

    [Test]
    public void ListQueries_AreParsedAsSpringBindsThem()
    {
        using var live = new LiveServer();
        live.Http.Get("/kylin/api/jobs?time_filter=2&project=p&statuses=ERROR,RUNNING&statuses=PENDING&page_offset=1&page_size=20&sort_by=total_duration&key=abc%20d");

        var query = live.Kylin.Journal.ListQueries().Single();
        Assert.Multiple(() =>
        {
            Assert.That(query.TimeFilter, Is.EqualTo(2));
            Assert.That(query.Project, Is.EqualTo("p"));
            Assert.That(query.Key, Is.EqualTo("abc d"));
            Assert.That(query.Statuses, Is.EqualTo(new[] { "ERROR,RUNNING", "PENDING" }), "repeated values are taken as they are, as Spring does");
            Assert.That(query.PageOffset, Is.EqualTo(1));
            Assert.That(query.PageSize, Is.EqualTo(20));
            Assert.That(query.SortBy, Is.EqualTo("total_duration"));
            Assert.That(live.Kylin.Journal.Calls(KylinCallMatch.JobList(project: "p", key: "abc d")), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public void StatusUpdate_BodyThatIsNotJson_IsReadAsNothingSent()
    {
        using var live = new LiveServer();
        live.Http.Put("/kylin/api/jobs/status", "{not json");

        var update = live.Kylin.Journal.StatusUpdates().Single();
        Assert.Multiple(() =>
        {
            Assert.That(update.Action, Is.Null);
            Assert.That(update.JobIds, Is.Null);
            Assert.That(update.Project, Is.Null);
        });
    }

    [Test]
    public void VerifyInOrder_ListThenResumeThenList_PassesAndAReversedOrderFails()
    {
        using var live = new LiveServer();
        var id = live.Submit(JobPlan.Succeeds(1000, 1000).FailingAt(0, runs: 1));
        live.AdvanceSeconds(3);
        live.Http.Get($"/kylin/api/jobs?time_filter=4&key={id}");
        live.Put("RESUME", ids: [id]);
        live.Http.Get($"/kylin/api/jobs?time_filter=4&key={id}");

        var list = KylinCallMatch.JobList(key: id);
        var resume = KylinCallMatch.StatusUpdate("RESUME", [id]);
        live.Kylin.Journal.VerifyInOrder(list, resume, list);

        var failure = Assert.Throws<KylinVerificationException>(() => live.Kylin.Journal.VerifyInOrder(resume, resume));
        Assert.That(failure!.Message, Does.StartWith($"Expected in order: UpdateJobStatus with action RESUME, job_ids [{id}], then UpdateJobStatus with action RESUME, job_ids [{id}]; but for UpdateJobStatus with action RESUME, job_ids [{id}] none came after #2."));
    }

    [Test]
    public void VerifyPollsNoMoreOftenThan_IntervalsOnTheServersClock_FailsNamingTheShortOne()
    {
        using var live = new LiveServer();
        var id = live.Submit(JobPlan.Succeeds(1000, 60_000));
        void Poll() => live.Http.Get($"/kylin/api/jobs?time_filter=4&key={id}");
        Poll();
        live.AdvanceSeconds(5);
        Poll();
        live.AdvanceSeconds(7.5);
        Poll();

        var polls = KylinCallMatch.JobList(key: id);
        Assert.That(live.Kylin.Journal.Intervals(polls), Is.EqualTo(new[] { TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(7.5) }));
        live.Kylin.Journal.VerifyPollsNoMoreOftenThan(TimeSpan.FromSeconds(5), polls);

        live.AdvanceSeconds(3);
        Poll();
        var failure = Assert.Throws<KylinVerificationException>(() => live.Kylin.Journal.VerifyPollsNoMoreOftenThan(TimeSpan.FromSeconds(5), polls));
        Assert.That(failure!.Message, Does.StartWith($"Expected GetJobList with key={id} no more often than every 5 s, but 1 interval was shorter (first: #3 then #4 after 3 s). Intervals received: 5 s, 7.5 s, 3 s.")
            .And.Contain("Received 4 Kylin calls:"));
    }

    [Test]
    public void Calls_OtherEndpoints_AreNamedByOperation()
    {
        using var live = new LiveServer();
        var id = live.Submit(JobPlan.Succeeds(1000, 1000));
        live.Http.Get($"/kylin/api/jobs/{id}/detail?project=p");
        live.Http.Get($"/kylin/api/jobs/{id}/steps/{id}_00/output?project=p");
        live.Http.Send(HttpMethod.Delete, "/kylin/api/jobs?project=p&statuses=FINISHED");
        live.Http.Get("/kylin/api/user/authentication");
        live.Http.Send(HttpMethod.Post, "/kylin/api/jobs/status", "{}");

        Assert.That(live.Kylin.Journal.Calls().Select(c => c.Operation), Is.EqualTo(new[]
        {
            KylinOperation.GetJobDetail, KylinOperation.GetJobOutput, KylinOperation.DropJobs, KylinOperation.UserAuthentication, KylinOperation.Other,
        }));
    }
}
