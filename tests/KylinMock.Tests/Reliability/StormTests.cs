using KylinMock.Jobs;
using KylinMock.Models;
using KylinMock.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using static KylinMock.Tests.Support.ModelEstates;

namespace KylinMock.Tests.Reliability;

/// <summary>
/// Issue 23's storms, bounded: overlapping builds from 8 threads, mixed build/merge/refresh/delete while the clock moves,
/// and resets among builds. Each ends with the invariants the attack checked, as assertions.
/// </summary>
[NonParallelizable]
public class StormTests
{
    private const string Segments = "/kylin/api/models/kylin_sales_model/segments";

    [Test]
    public void Storm_OverlappingBuildsFrom8Threads_LeaveNoOverlapAndOneJobPerNewSegment()
    {
        using var kylin = Start();
        var answers = Run(8, 25, (http, random, _) =>
        {
            var day = random.Next(3, 30);
            var span = random.Next(1, 3);
            return http.Send(HttpMethod.Post, Segments, $"{{\"project\":\"learn_kylin\",\"start\":\"{T + (day * Day)}\",\"end\":\"{T + ((day + span) * Day)}\"}}");
        }, kylin);

        var segments = kylin.Models.Segments(Partitioned).Select(r => r.Segment).ToList();
        var builds = kylin.Jobs.Snapshot().Where(j => j.JobName == JobType.INC_BUILD && j.TargetModel == Partitioned).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(answers.Select(a => a.Status).Distinct(), Is.SubsetOf(new[] { 200, 500 }));
            Assert.That(answers.Where(a => a.Status == 500).Select(a => (string?)a.Json["msg"]), Has.All.StartWith("KE-010022202"));
            Assert.That(Overlaps(segments), Is.Empty);
            Assert.That(builds, Has.Count.EqualTo(answers.Count(a => a.Status == 200)));
            Assert.That(builds.Select(b => b.TargetSegments.Single()), Is.EquivalentTo(segments.Where(s => s.Status == SegmentStatus.NEW && s.Id != "seg-3").Select(s => s.Id)));
        });
    }

    [Test]
    public void Storm_MixedBuildMergeRefreshDeleteWithClockMoves_KeepTheInvariants()
    {
        var clock = new FakeTimeProvider(Estates.Now);
        using var kylin = Start(clock);
        var answers = Run(6, 40, (http, random, worker) =>
        {
            if (worker == 0)
            {
                clock.Advance(TimeSpan.FromMinutes(random.Next(1, 30)));
                return http.Get("/kylin/api/jobs?time_filter=4&project=learn_kylin");
            }

            var ids = kylin.Models.Segments(Partitioned).Select(r => r.Segment.Id).ToArray();
            var pick = ids.Length == 0 ? "none" : ids[random.Next(ids.Length)];
            var other = ids.Length == 0 ? "none" : ids[random.Next(ids.Length)];
            var day = random.Next(3, 40);
            return random.Next(4) switch
            {
                0 => http.Send(HttpMethod.Post, Segments, $"{{\"project\":\"learn_kylin\",\"start\":\"{T + (day * Day)}\",\"end\":\"{T + ((day + 1) * Day)}\"}}"),
                1 => http.Send(HttpMethod.Put, Segments, $"{{\"project\":\"learn_kylin\",\"type\":\"MERGE\",\"ids\":[\"{pick}\",\"{other}\"]}}"),
                2 => http.Send(HttpMethod.Put, Segments, $"{{\"project\":\"learn_kylin\",\"type\":\"REFRESH\",\"ids\":[\"{pick}\"]}}"),
                _ => http.Send(HttpMethod.Delete, $"{Segments}?project=learn_kylin&purge=false&ids={pick}"),
            };
        }, kylin);

        clock.Advance(TimeSpan.FromDays(1));
        var jobs = kylin.Jobs.Snapshot();
        var segments = kylin.Models.Segments(Partitioned).Select(r => r.Segment).ToList();
        var ids = segments.Select(s => s.Id).ToHashSet();
        Assert.Multiple(() =>
        {
            Assert.That(answers.Select(a => a.Status).Distinct(), Is.SubsetOf(new[] { 200, 400, 500 }));
            Assert.That(answers.Where(a => a.Status != 200).Select(a => (string?)a.Json["msg"]), Has.All.StartWith("KE-"));
            Assert.That(Overlaps(segments.Where(s => s.Status != SegmentStatus.NEW).ToList()), Is.Empty, "no overlapping READY segments");
            Assert.That(jobs.Where(j => !j.State.IsFinal() && j.TargetModel == Partitioned && j.TargetSegments.Any(s => !ids.Contains(s))).Select(j => j.Id), Is.Empty, "no orphaned unfinished job");
            Assert.That(jobs.Where(j => j.EndTime != 0 && j.EndTime < j.StartTime).Select(j => j.Id), Is.Empty, "no negative duration");
        });
    }

    [Test]
    public void Storm_ResetsAmongBuilds_EndOnTheLoadedEstate()
    {
        using var kylin = KylinMockServer.Start(new KylinMockOptions
        {
            Clock = new FakeTimeProvider(Estates.Now),
            Estate = new Estate([new KylinMock.Jobs.Project(ModelEstates.Project)], []) { Models = new ModelEstate(Tables, [Model(Partitioned, "kylin_sales_model", partitioned: true)], []) },
        });
        var answers = Run(4, 30, (http, random, worker) => worker == 0
            ? http.Send(HttpMethod.Post, "/__kylinmock/reset", null, authorization: null, accept: "application/json")
            : http.Send(HttpMethod.Post, Segments, $"{{\"project\":\"learn_kylin\",\"start\":\"{T + (random.Next(0, 20) * Day)}\",\"end\":\"{T + (random.Next(20, 25) * Day)}\"}}"), kylin);
        kylin.Reset();
        Assert.Multiple(() =>
        {
            Assert.That(answers.Select(a => a.Status).Distinct(), Is.SubsetOf(new[] { 200, 500 }));
            Assert.That(kylin.Jobs.Count, Is.Zero);
            Assert.That(kylin.Models.Segments(Partitioned), Is.Empty);
        });
    }

    private static KylinMockServer Start(FakeTimeProvider? clock = null)
    {
        var kylin = ModelEstates.Start();
        if (clock is not null)
        {
            kylin.Dispose();
            kylin = KylinMockServer.Start(new KylinMockOptions
            {
                Clock = clock,
                Estate = new Estate([new KylinMock.Jobs.Project(ModelEstates.Project)], []) { Models = new ModelEstate(Tables, [Model(Partitioned, "kylin_sales_model", partitioned: true)], [Seg(Partitioned, "seg-1", T, T + Day), Seg(Partitioned, "seg-2", T + Day, T + (2 * Day))]) },
            });
        }

        return kylin;
    }

    // Bounded: each of `workers` threads sends `each` requests; no sleeps.
    private static List<KylinHttp.Answer> Run(int workers, int each, Func<KylinHttp, Random, int, KylinHttp.Answer> send, KylinMockServer kylin)
    {
        var answers = new System.Collections.Concurrent.ConcurrentBag<KylinHttp.Answer>();
        var threads = Enumerable.Range(0, workers).Select(w => new Thread(() =>
        {
            using var http = new KylinHttp(kylin.Url);
            var random = new Random(23 + w);
            for (var i = 0; i < each; i++)
            {
                answers.Add(send(http, random, w));
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => Assert.That(t.Join(TimeSpan.FromMinutes(2)), Is.True));
        return [.. answers];
    }

    private static List<string> Overlaps(List<Segment> segments)
    {
        var sorted = segments.OrderBy(s => s.Start).ToList();
        return sorted.Zip(sorted.Skip(1)).Where(p => p.Second.Start < p.First.End).Select(p => p.First.Id + "/" + p.Second.Id).ToList();
    }
}
