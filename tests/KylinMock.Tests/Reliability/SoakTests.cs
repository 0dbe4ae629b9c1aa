using System.Diagnostics;
using System.Globalization;
using KylinMock.Tests.Support;
using Newtonsoft.Json.Linq;

namespace KylinMock.Tests.Reliability;

/// <summary>
/// A soak of the standalone process on loopback: bounded count and time, mixed traffic, memory,
/// threads and file handles stay bounded, and SIGTERM in the middle of the load exits cleanly.
/// KYLINMOCK_SOAK_REQUESTS sets the count (12,000 by default).
/// </summary>
[NonParallelizable]
public class SoakTests
{
    private static int Requests => int.TryParse(Environment.GetEnvironmentVariable("KYLINMOCK_SOAK_REQUESTS"), out var n) ? n : 12_000;

    [Test]
    public void Standalone_UnderMixedLoad_StaysBounded_AndStopsCleanlyMidLoad()
    {
        using var mock = MockProcess.Start("serve", "--port", "0", "--jobs", "3000", "--clock", "manual", "--now", "2026-03-15T12:00:00Z", "--journal", "500");
        var pid = Pid(mock.Url);
        Load(mock.Url, Requests / 4, out _);
        var warm = Sample(pid);
        Load(mock.Url, Requests, out var failures);
        var after = Sample(pid);
        TestContext.Out.WriteLine($"soak: {Requests} requests; warm {warm}; after {after}");
        Assert.Multiple(() =>
        {
            Assert.That(failures, Is.Zero, "every answer was Kylin-shaped");
            Assert.That(after.RssMb, Is.LessThan(warm.RssMb + 150), "memory stays bounded (the journal keeps 500 requests)");
            Assert.That(after.Threads, Is.LessThan(warm.Threads + 25), "no thread leak");
            Assert.That(after.Handles, Is.LessThan(warm.Handles + 25), "no file-handle leak");
        });

        using var stopping = new CancellationTokenSource();
        var midLoad = Task.Run(() => Load(mock.Url, int.MaxValue, out _, stopping.Token));
        Thread.Sleep(500);
        var exit = mock.Stop();
        stopping.Cancel();
        midLoad.Wait(TimeSpan.FromSeconds(30));
        Assert.That(exit, Is.Zero, mock.Output);
    }

    private static void Load(string url, int count, out int failures, CancellationToken cancel = default)
    {
        var failed = 0;
        var next = -1;
        var workers = Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
        {
            using var http = new KylinHttp(url);
            var random = new Random(worker);
            while (!cancel.IsCancellationRequested && Interlocked.Increment(ref next) < count)
            {
                try
                {
                    var answer = random.Next(6) switch
                    {
                        0 => http.Put("/kylin/api/jobs/status", $$"""{"action":"{{(random.Next(2) == 0 ? "PAUSE" : "RESUME")}}","project":"learn_kylin","statuses":["RUNNING","STOPPED"]}"""),
                        1 => http.Send(HttpMethod.Post, "/__kylinmock/clock/advance", """{"ms": 1000}""", authorization: null, accept: "application/json"),
                        2 => http.Get("/kylin/api/jobs?time_filter=2&statuses=ERROR,RUNNING&sort_by=total_duration&page_size=20"),
                        3 => http.Get("/kylin/api/jobs?time_filter=4&page_offset=" + random.Next(50)),
                        4 => http.Get("/kylin/api/jobs?time_filter=9"),
                        _ => http.Get("/kylin/api/jobs?time_filter=4&key=" + random.Next(100)),
                    };
                    var body = JObject.Parse(answer.Text);
                    if (body.ContainsKey("Status") || answer.Status is not (200 or 500))
                    {
                        Interlocked.Increment(ref failed);
                    }
                }
                catch (HttpRequestException) when (cancel.IsCancellationRequested || count == int.MaxValue)
                {
                    return;
                }
            }
        }, CancellationToken.None)).ToArray();
        Task.WaitAll(workers);
        failures = failed;
    }

    private static int Pid(string url)
    {
        var port = new Uri(url).Port.ToString(CultureInfo.InvariantCulture);
        return Process.GetProcessesByName("dotnet")
            .Select(p => p.Id)
            .First(id => Cmdline(id).Contains("kylin-mock.dll serve --port 0 --jobs 3000", StringComparison.Ordinal));
    }

    private static string Cmdline(int id)
    {
        try
        {
            return File.ReadAllText($"/proc/{id}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }

    private static Usage Sample(int pid)
    {
        var status = File.ReadAllLines($"/proc/{pid}/status");
        long Field(string name) => long.Parse(status.First(l => l.StartsWith(name + ":", StringComparison.Ordinal)).Split(':')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return new Usage(Field("VmRSS") / 1024, (int)Field("Threads"), Directory.GetFileSystemEntries($"/proc/{pid}/fd").Length);
    }

    private sealed record Usage(long RssMb, int Threads, int Handles)
    {
        public override string ToString() => $"{RssMb} MiB RSS, {Threads} threads, {Handles} handles";
    }
}
