using System.Collections.Concurrent;
using KylinMock.Jobs;
using KylinMock.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace KylinMock.Tests.Jobs;

/// <summary>Many clients acting on shared jobs while the clock moves and the server resets: every history stays a legal path.</summary>
public class ConcurrencyTests
{
    private static readonly string[] Actions = ["PAUSE", "RESUME", "DISCARD", "RESTART"];

    private static readonly HashSet<string?> KylinRefusals = ["KE-010032217", "KE-010032211"];

    [Test]
    public void ManyClientsResetsAndAMovingClock_LeaveEveryJobWithALegalHistory()
    {
        var clock = new FakeTimeProvider(Estates.Now);
        using var kylin = KylinMockServer.Start(new KylinMockOptions { Clock = clock, Seed = 7, JobCount = 120, MaxRunningJobsPerProject = 3 });
        var ids = kylin.Jobs.Snapshot().Select(j => j.Id).ToArray();
        var unexpected = new ConcurrentBag<string>();
        var requests = 0;
        var clients = Enumerable.Range(0, 8).Select(client => Task.Run(() =>
        {
            var random = new Random(client);
            using var http = new KylinHttp(kylin.Url);
            for (var i = 0; i < 150; i++)
            {
                var answer = random.Next(4) == 0
                    ? http.Get("/kylin/api/jobs?time_filter=4&page_size=5&sort_by=total_duration")
                    : http.Put("/kylin/api/jobs/status", new JObject
                    {
                        ["action"] = Actions[random.Next(Actions.Length)],
                        ["job_ids"] = new JArray(Enumerable.Range(0, random.Next(1, 3)).Select(_ => ids[random.Next(ids.Length)]).Distinct()),
                    }.ToString());
                Interlocked.Increment(ref requests);
                if (answer.Status != 200 && !KylinRefusals.Contains((string?)answer.Json["error_code"]))
                {
                    unexpected.Add(answer.Text);
                }
            }
        })).ToList();
        var mover = Task.Run(() =>
        {
            while (!clients.All(c => c.IsCompleted))
            {
                clock.Advance(TimeSpan.FromSeconds(7));
            }
        });
        var resetter = Task.Run(() =>
        {
            using var control = new KylinHttp(kylin.Url);
            for (var i = 0; i < 5 && !clients.All(c => c.IsCompleted); i++)
            {
                Thread.Sleep(150);
                var answer = control.Send(HttpMethod.Post, "/__kylinmock/reset", authorization: null, accept: "application/json");
                if (answer.Status != 200)
                {
                    unexpected.Add(answer.Text);
                }
            }
        });
        Task.WaitAll([.. clients, mover, resetter]);

        var jobs = kylin.Jobs.Snapshot();
        using var check = new KylinHttp(kylin.Url);
        var counts = new[] { "PENDING", "RUNNING", "FINISHED", "ERROR", "DISCARDED", "STOPPED" }
            .Sum(s => (int)check.Get("/kylin/api/jobs?time_filter=4&statuses=" + s).Data["total_size"]!);
        Assert.Multiple(() =>
        {
            Assert.That(requests, Is.EqualTo(1200));
            Assert.That(unexpected, Is.Empty);
            Assert.That(counts, Is.EqualTo(jobs.Count));
            foreach (var job in jobs)
            {
                var path = job.History;
                for (var i = 1; i < path.Count; i++)
                {
                    Assert.That(ExecutableStates.IsLegalMove(path[i - 1], path[i]), Is.True, $"{job.Id}: {string.Join(" -> ", path)}");
                }

                Assert.That(path[^1], Is.EqualTo(job.State));
            }
        });
    }
}
