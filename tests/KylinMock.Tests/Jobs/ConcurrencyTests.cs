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

    // Issue 10, item 3: reset moved the clock back, then reset the store, outside the store's lock, so
    // lists read in between showed negative duration and total_duration. On the system clock (which
    // flows between requests) readers list while resets run; every listed job keeps its timing invariants.
    [Test]
    public void ResetsAgainstReaders_OnTheSystemClock_EveryListedJobKeepsItsTimingInvariants()
    {
        using var kylin = KylinMockServer.Start(new KylinMockOptions { Clock = new KylinMock.Clocks.OffsetSystemClock(Estates.Now), Seed = 11, JobCount = 150 });
        var bad = new ConcurrentBag<string>();
        var lists = 0;
        using var done = new CancellationTokenSource();
        var sorts = new[] { "last_modified", "total_duration", "duration", "create_time", "target_subject" };
        var readers = Enumerable.Range(0, 3).Select(reader => Task.Run(() =>
        {
            using var http = new KylinHttp(kylin.Url);
            for (var i = 0; !done.IsCancellationRequested; i++)
            {
                var answer = http.Get($"/kylin/api/jobs?time_filter=4&page_size=200&sort_by={sorts[(i + reader) % sorts.Length]}");
                Interlocked.Increment(ref lists);
                if (answer.Status != 200)
                {
                    bad.Add(answer.Text);
                    continue;
                }

                foreach (var job in answer.Data["value"]!)
                {
                    var (duration, total, wait) = ((long)job["duration"]!, (long)job["total_duration"]!, (long)job["wait_time"]!);
                    var (start, end) = ((long)job["exec_start_time"]!, (long)job["exec_end_time"]!);
                    if (duration < 0 || wait < 0 || total != wait + duration || (end != 0 && end < start))
                    {
                        bad.Add(job.ToString(Newtonsoft.Json.Formatting.None));
                    }
                }
            }
        })).ToList();
        using (var control = new KylinHttp(kylin.Url))
        {
            for (var i = 0; i < 40; i++)
            {
                var answer = control.Send(HttpMethod.Post, "/__kylinmock/reset", authorization: null, accept: "application/json");
                if (answer.Status != 200)
                {
                    bad.Add(answer.Text);
                }
            }
        }

        done.Cancel();
        Task.WaitAll([.. readers]);
        Assert.Multiple(() =>
        {
            Assert.That(lists, Is.GreaterThan(0));
            Assert.That(bad.Take(5), Is.Empty, $"{bad.Count} bad answers or jobs in {lists} lists");
        });
    }
}
