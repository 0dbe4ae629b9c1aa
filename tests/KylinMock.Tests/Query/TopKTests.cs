using KylinMock.Jobs;
using KylinMock.Query;

namespace KylinMock.Tests.Query;

/// <summary>The bounded heap behind the list: it must keep exactly the prefix a full stable sort gives.</summary>
public class TopKTests
{
    [TestCase("LastModified", true)]
    [TestCase("LastModified", false)]
    [TestCase("TargetSubject", true)]
    [TestCase("TargetSubject", false)]
    [TestCase("JobStatus", true)]
    public void Sorted_KeepsTheFirstKOfAStableSort_WhateverOrderTheJobsArriveIn(string sortName, bool ascending)
    {
        var sortBy = Enum.Parse<SortBy>(sortName);
        var random = new Random(3);
        var jobs = Enumerable.Range(0, 200)
            .Select(i => JobQueryTests.Job($"j{i:000}", "m" + random.Next(5), i % 7 == 0 ? SubjectHealth.ModelDeleted : SubjectHealth.Healthy, lastModified: random.Next(20)))
            .ToArray();
        var full = Full(jobs, sortBy, ascending);
        foreach (var backwards in new[] { false, true })
        {
            var top = new TopK(17, sortBy, ascending);
            for (var n = 0; n < jobs.Length; n++)
            {
                var i = backwards ? jobs.Length - 1 - n : n;
                top.Offer(jobs[i], i, 0);
            }

            Assert.That(top.Sorted(jobs).Select(j => j.Id), Is.EqualTo(full.Take(17)), $"offered backwards={backwards}");
        }
    }

    [Test]
    public void Sorted_CapacityZero_KeepsNothing()
    {
        var top = new TopK(0, SortBy.LastModified, ascending: true);
        var jobs = new[] { JobQueryTests.Job("j1", "a") };
        top.Offer(jobs[0], 0, 0);
        Assert.That(top.Sorted(jobs), Is.Empty);
    }

    [Test]
    public void Sorted_CapacityAboveTheCount_KeepsEveryJobInOrder()
    {
        var jobs = new[] { JobQueryTests.Job("j1", "a", lastModified: 3), JobQueryTests.Job("j2", "a", lastModified: 1), JobQueryTests.Job("j3", "a", lastModified: 2) };
        var top = new TopK(int.MaxValue, SortBy.LastModified, ascending: true);
        for (var i = 0; i < jobs.Length; i++)
        {
            top.Offer(jobs[i], i, 0);
        }

        Assert.That(top.Sorted(jobs).Select(j => j.Id), Is.EqualTo(new[] { "j2", "j3", "j1" }));
    }

    private static IEnumerable<string> Full(Job[] jobs, SortBy sortBy, bool ascending)
    {
        var indexed = jobs.Select((job, index) => (job, index)).ToArray();
        if (sortBy == SortBy.LastModified)
        {
            return (ascending ? indexed.OrderBy(x => x.job.LastModified) : indexed.OrderByDescending(x => x.job.LastModified)).ThenBy(x => x.index).Select(x => x.job.Id);
        }

        var named = indexed.Where(x => TopK.TextKey(sortBy, x.job) is not null);
        var sorted = ascending
            ? named.OrderBy(x => TopK.TextKey(sortBy, x.job), StringComparer.Ordinal)
            : named.OrderByDescending(x => TopK.TextKey(sortBy, x.job), StringComparer.Ordinal);
        return sorted.ThenBy(x => x.index).Concat(indexed.Where(x => TopK.TextKey(sortBy, x.job) is null)).Select(x => x.job.Id);
    }
}
