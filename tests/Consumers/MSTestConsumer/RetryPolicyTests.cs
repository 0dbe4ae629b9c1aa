using System.Text;
using KylinMock;
using KylinMock.Jobs;
using KylinMock.Verification;
using Microsoft.Extensions.Time.Testing;

[assembly: Parallelize(Scope = ExecutionScope.ClassLevel)]

/// <summary>One mock per test class (ClassInitialize), reset before each test (TestInitialize).</summary>
[TestClass]
public sealed class RetryPolicyTests
{
    private static FakeTimeProvider clock = null!;
    private static KylinMockServer kylin = null!;

    [ClassInitialize]
    public static void StartMock(TestContext context)
    {
        clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-15T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        kylin = KylinMockServer.Start(new KylinMockOptions { Clock = clock, JobCount = 20 });
    }

    [ClassCleanup]
    public static void StopMock() => kylin.Dispose();

    [TestInitialize]
    public void ResetMock() => kylin.Reset();

    [TestMethod]
    public async Task Retry_FailedJob_IsResumedOnceAndFinishes()
    {
        var job = kylin.Jobs.Submit("learn_kylin", JobType.INDEX_BUILD, "model-uuid", JobPlan.Succeeds(1_000, 2_000, 2_000, 2_000).FailingAt(0, runs: 1));
        clock.Advance(TimeSpan.FromSeconds(4));
        Assert.AreEqual(JobStatus.ERROR, kylin.Jobs.Find(job.Id)!.Status);

        using var http = new HttpClient { BaseAddress = new Uri(kylin.Url) };
        using var resume = new HttpRequestMessage(HttpMethod.Put, "/kylin/api/jobs/status")
        {
            Content = new StringContent($$"""{"action":"RESUME","project":"learn_kylin","job_ids":["{{job.Id}}"]}""", Encoding.UTF8, "application/json"),
        };
        resume.Headers.Add("Authorization", "Basic QURNSU46S1lMSU4=");
        resume.Headers.Add("Accept", "application/vnd.apache.kylin-v4-public+json");
        (await http.SendAsync(resume)).EnsureSuccessStatusCode();
        clock.Advance(TimeSpan.FromSeconds(10));

        Assert.AreEqual(JobStatus.FINISHED, kylin.Jobs.Find(job.Id)!.Status);
        kylin.Journal.Verify(KylinCallMatch.StatusUpdate("RESUME", [job.Id], "learn_kylin"), times: 1);
    }

    [TestMethod]
    public void Verify_NothingSent_FailsListingWhatWasReceived()
    {
        var failure = Assert.ThrowsExactly<KylinVerificationException>(() => kylin.Journal.Verify(KylinCallMatch.StatusUpdate("DISCARD")));
        Assert.AreEqual("Expected UpdateJobStatus with action DISCARD at least once, but it was called 0 times.\nReceived no Kylin calls.", failure.Message.ReplaceLineEndings("\n"));
    }
}
