using KylinMock.Errors;
using KylinMock.Fixtures;
using KylinMock.Jobs;
using KylinMock.Query;

namespace KylinMock.Tests.Query;

/// <summary>
/// Kylin's list semantics (<c>JobService.listJobs</c>, <c>PagingUtil.cutPage</c>) without HTTP: the
/// query over jobs built in memory, checked against a plain stable sort.
/// </summary>
public class JobQueryTests
{
    private const long Now = 1_773_576_000_000;
    private static readonly Estate Generated = JobGenerator.Generate(11, 300, DateTimeOffset.FromUnixTimeMilliseconds(Now));

    // ExecutablePOSortBean is sorted with Comparator.nullsLast, stable (Collections.sort), reversed for
    // reverse=true; equal keys keep storage order both ways (JobService.sortJobs).
    [TestCase("last_modified")]
    [TestCase("create_time")]
    [TestCase("target_subject")]
    [TestCase("job_name")]
    [TestCase("job_status")]
    [TestCase("project")]
    [TestCase("id")]
    public void Execute_EverySort_IsAStableNullsLastSortOfTheWholeEstate(string sortBy)
    {
        foreach (var reverse in new[] { false, true })
        {
            var page = Run(Generated.Jobs, new JobFilter { SortBy = sortBy, Reverse = reverse, PageSize = 1000 });
            Assert.That(page.Jobs.Select(j => j.Id), Is.EqualTo(Oracle(Generated.Jobs, sortBy, reverse).Select(j => j.Id)), $"{sortBy}, reverse={reverse}");
        }
    }

    // JobService.sortTotalDurationList: for duration and total_duration the page is re-sorted by the
    // response's own field after paging.
    [TestCase("duration")]
    [TestCase("total_duration")]
    public void Execute_DurationSorts_ReSortThePageByTheAnsweredField(string sortBy)
    {
        foreach (var reverse in new[] { false, true })
        {
            var page = Run(Generated.Jobs, new JobFilter { SortBy = sortBy, Reverse = reverse, PageSize = 50 });
            var values = page.Jobs.Select(j => sortBy == "duration" ? JobTiming.Duration(j, Now) : JobTiming.Duration(j, Now) + JobTiming.WaitTime(j, Now)).ToArray();
            Assert.That(values, reverse ? Is.Ordered.Descending : Is.Ordered.Ascending, $"{sortBy}, reverse={reverse}");
        }
    }

    // 5.0.x (JobFilterUtil.convertSortBy): target_subject orders by the job table's model_id, the job's
    // target_model, so a deleted model's jobs sort by their uuid like any other.
    [Test]
    public void Execute_TargetSubject_SortsByModelIdEvenForADeletedModel()
    {
        var jobs = new[] { Job("j1", "b"), Job("j2", "x", SubjectHealth.ModelDeleted), Job("j3", "a") };
        Assert.Multiple(() =>
        {
            Assert.That(Ids(jobs, new JobFilter { SortBy = "target_subject", Reverse = false }), Is.EqualTo(new[] { "j3", "j1", "j2" }));
            Assert.That(Ids(jobs, new JobFilter { SortBy = "target_subject", Reverse = true }), Is.EqualTo(new[] { "j2", "j1", "j3" }));
        });
    }

    [Test]
    public void Execute_Ties_KeepStorageOrderBothWays()
    {
        var jobs = new[] { Job("j1", "m", lastModified: 5), Job("j2", "m", lastModified: 5), Job("j3", "m", lastModified: 7), Job("j4", "m", lastModified: 5) };
        Assert.Multiple(() =>
        {
            Assert.That(Ids(jobs, new JobFilter { Reverse = false }), Is.EqualTo(new[] { "j1", "j2", "j4", "j3" }));
            Assert.That(Ids(jobs, new JobFilter { Reverse = true }), Is.EqualTo(new[] { "j3", "j1", "j2", "j4" }));
        });
    }

    // Strings compare by UTF-16 code unit (Java String.compareTo): "B" < "a".
    [Test]
    public void Execute_TextSorts_CompareOrdinally()
    {
        var jobs = new[] { Job("j1", "a"), Job("j2", "B"), Job("j3", "_") };
        Assert.That(Ids(jobs, new JobFilter { SortBy = "target_subject", Reverse = false }), Is.EqualTo(new[] { "j2", "j3", "j1" }));
    }

    [Test]
    public void Execute_Pages_AreRowsOffsetTimesSizeOn_WithTheTotalOfEveryMatch()
    {
        var all = Run(Generated.Jobs, new JobFilter { PageSize = 1000 }).Jobs.Select(j => j.Id).ToArray();
        var third = Run(Generated.Jobs, new JobFilter { PageOffset = 2, PageSize = 7 });
        var past = Run(Generated.Jobs, new JobFilter { PageOffset = 1000, PageSize = 7 });
        Assert.Multiple(() =>
        {
            Assert.That(third.Jobs.Select(j => j.Id), Is.EqualTo(all.Skip(14).Take(7)));
            Assert.That(third.TotalSize, Is.EqualTo(300));
            Assert.That(past.Jobs, Is.Empty);
            Assert.That(past.TotalSize, Is.EqualTo(300));
            Assert.That(Run(Generated.Jobs, new JobFilter { PageSize = 0 }).Jobs, Is.Empty);
        });
    }

    // page_offset * page_size is Java int arithmetic (JobController.getJobList): 2^30 * 2 wraps to
    // Integer.MIN_VALUE, and JobInfoMapper.xml adds "limit ... offset ..." only when both are non-negative:
    // the answer is every job.
    [Test]
    public void Execute_PagingOverflow_WrapsAsJavaDoesAndListsEveryJob()
    {
        var page = Run(Generated.Jobs, new JobFilter { PageOffset = 1 << 30, PageSize = 2 });
        Assert.That((page.Jobs.Count, page.TotalSize), Is.EqualTo((300, 300)));
    }

    // JobFilterUtil.convertSortBy runs before the query, so it fails even over an empty result.
    [Test]
    public void Execute_UnknownSort_IsRefusedEvenWhenNothingMatches()
    {
        var failure = Assert.Throws<KylinException>(() => Run(Generated.Jobs, new JobFilter { SortBy = "nope", Key = "no such job" }))!;
        Assert.That(failure.ErrorCode, Is.EqualTo(ErrorCode.InvalidParameter));
    }

    internal static Job Job(string id, string alias, SubjectHealth health = SubjectHealth.Healthy, long lastModified = 1)
    {
        var job = NewJob.Create(id, "p", JobType.INDEX_BUILD, "model-" + alias, alias, new JobPlan(), lastModified);
        return health == SubjectHealth.Healthy ? job : new Job
        {
            Id = job.Id, Project = job.Project, JobName = job.JobName, TargetModel = job.TargetModel, SubjectAlias = job.SubjectAlias,
            SubjectHealth = health, CreateTime = lastModified, LastModified = lastModified, Steps = job.Steps,
        };
    }

    private static string[] Ids(IReadOnlyList<Job> jobs, JobFilter filter) => Run(jobs, filter).Jobs.Select(j => j.Id).ToArray();

    private static JobPage Run(IReadOnlyList<Job> jobs, JobFilter filter)
    {
        var projects = jobs.Select(j => j.Project).Distinct().ToDictionary(p => p, p => new Project(p), StringComparer.OrdinalIgnoreCase);
        return JobQuery.Execute(jobs, filter, Now, TimeZoneInfo.Utc, name => projects.GetValueOrDefault(name));
    }

    // The plain reading of Kylin's order: a stable sort by the sort-bean property, nulls last both ways.
    private static IEnumerable<Job> Oracle(IReadOnlyList<Job> jobs, string sortBy, bool reverse)
    {
        Func<Job, object?> key = sortBy switch
        {
            "last_modified" => j => j.LastModified,
            "create_time" => j => j.CreateTime,
            "target_subject" => j => j.TargetModel,
            "job_name" => j => j.JobName.ToString(),
            "job_status" => j => j.State.ToString(),
            "id" => j => j.Id,
            _ => j => j.Project,
        };
        var comparer = Comparer<object?>.Create((a, b) => a switch
        {
            string s => string.CompareOrdinal(s, (string)b!),
            long l => l.CompareTo((long)b!),
            _ => 0,
        });
        var withKeys = jobs.Select(j => (job: j, key: key(j))).ToArray();
        var present = withKeys.Where(x => x.key is not null);
        var sorted = reverse ? present.OrderByDescending(x => x.key, comparer) : present.OrderBy(x => x.key, comparer);
        return sorted.Concat(withKeys.Where(x => x.key is null)).Select(x => x.job);
    }
}
