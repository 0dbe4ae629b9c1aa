using System.Net.Http.Json;
using KylinMock.Jobs;
using KylinMock.Verification;

/// <summary>Tests sharing one server; xUnit builds the class per test, so the constructor resets the mock before each.</summary>
public sealed class JobWatcherTests : IClassFixture<KylinFixture>, IDisposable
{
    private readonly KylinFixture mock;
    private readonly HttpClient http;

    public JobWatcherTests(KylinFixture mock)
    {
        this.mock = mock;
        mock.Kylin.Reset();                      // the loaded estate again, an empty journal
        http = new HttpClient { BaseAddress = new Uri(mock.Kylin.Url) };
        http.DefaultRequestHeaders.Add("Authorization", "Basic QURNSU46S1lMSU4=");
        http.DefaultRequestHeaders.Add("Accept", "application/vnd.apache.kylin-v4-public+json");
    }

    [Fact]
    public async Task Watcher_PausedJob_SendsOnePauseForThatJob()
    {
        var job = mock.Kylin.Jobs.Submit("learn_kylin", JobType.INDEX_BUILD, "model-uuid", JobPlan.Succeeds(1_000, 60_000));
        mock.Clock.Advance(TimeSpan.FromSeconds(5));

        var pause = await http.PutAsJsonAsync("/kylin/api/jobs/status", new { action = "PAUSE", project = "learn_kylin", job_ids = new[] { job.Id } });

        pause.EnsureSuccessStatusCode();
        Assert.Equal(JobStatus.STOPPED, mock.Kylin.Jobs.Find(job.Id)!.Status);
        var sent = Assert.Single(mock.Kylin.Journal.StatusUpdates());
        Assert.Equal("PAUSE", sent.Action);
        Assert.Equal([job.Id], sent.JobIds!);
    }

    [Fact]
    public async Task Watcher_EachTest_StartsFromAnEmptyJournal()
    {
        await http.GetStringAsync("/kylin/api/jobs?time_filter=4&page_size=5");

        var list = Assert.Single(mock.Kylin.Journal.Calls());
        Assert.Equal(KylinOperation.GetJobList, list.Operation);
        Assert.Equal(5, list.ListQuery!.PageSize);
    }

    public void Dispose() => http.Dispose();
}
