using KylinMock.Jobs;
using KylinMock.Query;
using Microsoft.Extensions.Time.Testing;

namespace KylinMock.Tests.Query;

/// <summary>
/// The default list read off the store's last-modified order answers exactly what the pass over
/// every job answers (Kylin's <c>JobService.listJobs</c>: a stable sort, ties in storage order, nulls last).
/// </summary>
public class JobsByLastModifiedTests
{
    [Test]
    public void DefaultList_OffTheOrder_IsThePassOverEveryJob()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000));
        var store = new JobStore(clock, maxRunningPerProject: 3);
        var random = new Random(7);
        for (var i = 0; i < 300; i++)
        {
            // Several jobs a millisecond, so last-modified ties are common.
            store.Submit(i % 3 == 0 ? "p" : "q", JobType.INDEX_BUILD, "model", JobPlan.Succeeds(random.Next(0, 5_000), random.Next(1, 20_000), random.Next(1, 20_000)), id: "job-" + i.ToString("D3"));
            if (i % 4 == 0)
            {
                clock.Advance(TimeSpan.FromMilliseconds(random.Next(0, 3_000)));
            }
        }

        var filters = new List<JobFilter>();
        foreach (var reverse in new[] { true, false })
        {
            foreach (var statuses in new[] { Array.Empty<string>(), ["RUNNING"], ["PENDING", "STOPPED"], ["FINISHED", "DISCARDED", "ERROR"] })
            {
                foreach (var (offset, size) in new[] { (0, 10), (2, 7), (0, 1000), (40, 10) })
                {
                    filters.Add(new JobFilter { Reverse = reverse, Statuses = statuses, PageOffset = offset, PageSize = size, TimeFilter = TimeFilter.All });
                }
            }
        }

        for (var round = 0; round < 12; round++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(random.Next(0, 4_000)));
            var ids = store.Snapshot().Select(j => j.Id).ToArray();
            store.Write(view =>
            {
                foreach (var id in ids.Where(_ => random.Next(10) == 0))
                {
                    var job = view.Find(id)!;
                    var action = job.State.IsProgressing() ? JobAction.PAUSE : job.State == ExecutableState.PAUSED ? JobAction.RESUME : JobAction.RESTART;
                    if (!job.State.IsFinal())
                    {
                        view.Change(job, action);
                    }
                }

                return 0;
            });

            foreach (var filter in filters)
            {
                var (indexed, scanned) = store.Read(view =>
                {
                    var copy = view.Jobs.ToArray();
                    return (Ids(JobQuery.Execute(view, filter, TimeZoneInfo.Utc)), Ids(JobQuery.Execute(copy, filter, view.Now, TimeZoneInfo.Utc, _ => null)));
                });
                Assert.That(indexed, Is.EqualTo(scanned), $"round {round}, {filter}");
            }
        }
    }

    private static (int Total, string[] Ids) Ids(JobPage page) => (page.TotalSize, page.Jobs.Select(j => j.Id).ToArray());
}
