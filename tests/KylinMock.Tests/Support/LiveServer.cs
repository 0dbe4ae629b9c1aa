using KylinMock.Jobs;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace KylinMock.Tests.Support;

/// <summary>A server with an empty project "p" and a fake clock, for driving jobs through their life.</summary>
internal sealed class LiveServer : IDisposable
{
    public LiveServer(int maxRunningPerProject = 20)
    {
        Clock = new FakeTimeProvider(Estates.Now);
        Kylin = KylinMockServer.Start(new KylinMockOptions
        {
            Clock = Clock,
            Estate = new Estate([new Project("p"), new Project("q")], []),
            MaxRunningJobsPerProject = maxRunningPerProject,
        });
        Http = new KylinHttp(Kylin.Url);
    }

    public static long T0 => Estates.Now.ToUnixTimeMilliseconds();

    public FakeTimeProvider Clock { get; }

    public KylinMockServer Kylin { get; }

    public KylinHttp Http { get; }

    /// <summary>Submits an INDEX_BUILD job (steps 0..2) in project p.</summary>
    public string Submit(JobPlan plan, string project = "p") =>
        Kylin.Jobs.Submit(project, JobType.INDEX_BUILD, "5d0a2f6c-0000-4000-8000-000000000001", plan, "sales_model").Id;

    public void AdvanceSeconds(double seconds) => Clock.Advance(TimeSpan.FromSeconds(seconds));

    /// <summary>The job as the list shows it.</summary>
    public JObject ListJob(string id)
    {
        var answer = Http.Get("/kylin/api/jobs?time_filter=4&page_size=1000");
        Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
        return (JObject)answer.Data["value"]!.Single(j => (string?)j["id"] == id);
    }

    /// <summary>The job's steps as the detail endpoint shows them.</summary>
    public JArray Detail(string id, string project = "p")
    {
        var answer = Http.Get($"/kylin/api/jobs/{id}/detail?project={project}");
        Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
        return (JArray)answer.Data;
    }

    public KylinHttp.Answer Put(string action, string? project = null, string[]? ids = null, string[]? statuses = null)
    {
        var body = new JObject { ["action"] = action };
        if (project is not null)
        {
            body["project"] = project;
        }

        if (ids is not null)
        {
            body["job_ids"] = new JArray(ids);
        }

        if (statuses is not null)
        {
            body["statuses"] = new JArray(statuses);
        }

        return Http.Put("/kylin/api/jobs/status", body.ToString());
    }

    public void Dispose()
    {
        Http.Dispose();
        Kylin.Dispose();
    }
}
