using System.Net.Http.Headers;
using System.Text;
using KylinMock;
using KylinMock.Jobs;
using KylinMock.Verification;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

public class BuildMonitorTests
{
    [Test]
    public async Task Build_FailsThenRecoversAfterResume()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-15T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        using var kylin = KylinMockServer.Start(new KylinMockOptions { Clock = clock });

        // Picked up after 10 s; steps of 60 s, 120 s, 30 s; step 1 fails on the first run only.
        var job = kylin.Jobs.Submit("learn_kylin", JobType.INDEX_BUILD, "model-uuid",
            JobPlan.Succeeds(10_000, 60_000, 120_000, 30_000).FailingAt(1, runs: 1), subjectAlias: "sales_model");

        using var http = new HttpClient { BaseAddress = new Uri(kylin.Url) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String("ADMIN:KYLIN"u8.ToArray()));
        http.DefaultRequestHeaders.Accept.ParseAdd("application/vnd.apache.kylin-v4-public+json");

        async Task<string> StatusOf(string id)
        {
            var list = JObject.Parse(await http.GetStringAsync($"/kylin/api/jobs?time_filter=4&project=learn_kylin&key={id}"));
            return (string)list["data"]!["value"]![0]!["job_status"]!;
        }

        clock.Advance(TimeSpan.FromSeconds(190));                          // no sleeps: move the clock
        Assert.That(await StatusOf(job.Id), Is.EqualTo("ERROR"));

        var resume = new StringContent($"{{\"action\":\"RESUME\",\"job_ids\":[\"{job.Id}\"]}}", Encoding.UTF8, "application/json");
        (await http.PutAsync("/kylin/api/jobs/status", resume)).EnsureSuccessStatusCode();
        clock.Advance(TimeSpan.FromSeconds(160));
        Assert.That(await StatusOf(job.Id), Is.EqualTo("FINISHED"));

        // What the client sent, in order, and how often it polled (on the mock's clock).
        kylin.Journal.Verify(KylinCallMatch.StatusUpdate("RESUME", [job.Id]), times: 1);
        kylin.Journal.VerifyInOrder(KylinCallMatch.JobList(key: job.Id), KylinCallMatch.StatusUpdate("RESUME"), KylinCallMatch.JobList(key: job.Id));
        kylin.Journal.VerifyPollsNoMoreOftenThan(TimeSpan.FromSeconds(5), KylinCallMatch.JobList(key: job.Id));
    }
}
