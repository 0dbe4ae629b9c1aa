using System.Runtime.InteropServices;
using KylinMock.Errors;
using KylinMock.Jobs;

namespace KylinMock.Query;

/// <summary>
/// Kylin's job list (<c>JobService.listJobs</c>/<c>listGlobalJobs</c>) over the store's jobs: its
/// checks in Kylin's order, its filters, its nulls-last stable sort and its page-index paging.
/// One pass over the jobs keeps only the best <c>(page_offset + 1) * page_size</c> candidates (a
/// filtered top-k), so a list over a million jobs neither copies nor fully sorts them.
/// </summary>
internal static class JobQuery
{
    /// <summary>Runs the list over the store's jobs, inside its lock. Every failure is the KylinException Kylin answers with.</summary>
    public static JobPage Execute(JobStore.StoreView view, JobFilter filter, TimeZoneInfo zone) =>
        Execute(view.Jobs, view.ByLastModified, filter, view.Now, zone, Named(filter, view.FindProject(filter.Project ?? string.Empty)), view.ProjectCount);

    /// <summary>Runs the list over <paramref name="jobs"/> in storage order. Every failure is the KylinException Kylin answers with.</summary>
    public static JobPage Execute(IReadOnlyList<Job> jobs, JobFilter filter, long now, TimeZoneInfo zone, Func<string, Project?> findProject, int projectCount) =>
        Execute(Span(jobs), null, filter, now, zone, Named(filter, findProject(filter.Project ?? string.Empty)), projectCount);

    private static JobPage Execute(ReadOnlySpan<Job> span, JobsByLastModified? byLastModified, JobFilter filter, long now, TimeZoneInfo zone, Project? namedProject, int projectCount)
    {
        var statuses = new List<JobStatus>(filter.Statuses.Count);
        foreach (var name in filter.Statuses)
        {
            if (!JobStatuses.TryParse(name, out var status))
            {
                throw new KylinException(ErrorCode.JobStatusIllegal);
            }

            statuses.Add(status);
        }

        string? project = null;
        if (!string.IsNullOrEmpty(filter.Project))
        {
            project = namedProject?.Name ?? throw new KylinException(ErrorCode.ProjectNotExist, filter.Project);
        }

        // Kylin resolves the time filter per project listed: with no project at all it is never read.
        long windowStart = 0;
        if (project is not null || projectCount > 0)
        {
            if (!TimeFilter.IsValid(filter.TimeFilter))
            {
                throw KylinException.WithRaw(ErrorCode.UnknownErrorCode, "Can not find the JobTimeFilterEnum by code: " + filter.TimeFilter);
            }

            windowStart = TimeFilter.WindowStart(filter.TimeFilter, DateTimeOffset.FromUnixTimeMilliseconds(now), zone);
        }

        var statusMatch = StatusMatch.From(statuses);
        var sortBy = SortBys.Parse(filter.SortBy);
        var ascending = !filter.Reverse;
        var begin = unchecked(filter.PageOffset * filter.PageSize);
        var end = unchecked(begin + filter.PageSize);
        var best = new TopK(Math.Max(0, end), sortBy, ascending);
        var key = filter.Key?.Trim();
        var keyed = !string.IsNullOrEmpty(key);
        var types = JobNameMatch(filter.JobNames);
        var subject = string.IsNullOrEmpty(filter.Subject) ? null : filter.Subject.Trim();
        if (byLastModified is not null && sortBy == SortBy.LastModified && !keyed && types is null && subject is null && project is null
            && windowStart <= byLastModified.Earliest && statusMatch.CountIn(byLastModified) is var matching && (long)matching * Skip >= byLastModified.Count)
        {
            return new JobPage(Cut(FirstInOrder(byLastModified, statusMatch, ascending, end), matching, begin, end), matching);
        }

        var total = 0;

        // Storage follows creation, so a descending sort finds its best jobs at the end: walking from
        // there fills the page first and then drops nearly every older job after one comparison.
        var backwards = !ascending;
        for (var n = 0; n < span.Length; n++)
        {
            var i = backwards ? span.Length - 1 - n : n;
            var job = span[i];
            // The state first: it is what most filters drop jobs by, and reading it alone touches the least memory.
            if (!statusMatch.Matches(job)
                || job.LastModified < windowStart
                || (project is not null && !string.Equals(job.Project, project, StringComparison.OrdinalIgnoreCase))
                || (keyed && !MatchesKey(job, key!))
                || (types is not null && !((uint)job.JobName < (uint)types.Length && types[(int)job.JobName]))
                || (subject is not null && !string.Equals(job.TargetModel, subject, StringComparison.Ordinal)))
            {
                continue;
            }

            total++;
            best.Offer(job, i, now);
        }

        var page = Cut(best.Sorted(span), total, begin, end);
        if (sortBy is null)
        {
            throw KylinException.WithDetail(ErrorCode.InvalidParameter, MessageKey.IllegalSortByFilter, filter.SortBy);
        }

        return new JobPage(ResortPage(page, sortBy.Value, ascending, now), total);
    }

    // A list with one sort by last-modified time and no filter but the statuses (the window holds every
    // job) takes its page off the top of the store's order. Its total is the count of jobs in the
    // matching states; a rare status (under one job in Skip) is found faster by the pass over storage.
    private const int Skip = 8;

    private static List<Job> FirstInOrder(JobsByLastModified byLastModified, StatusMatch statusMatch, bool ascending, int end)
    {
        var first = new List<Job>(Math.Clamp(end, 0, 64));
        if (end <= 0)
        {
            return first;
        }

        foreach (var job in byLastModified.InOrder(descending: !ascending))
        {
            if (statusMatch.Matches(job))
            {
                first.Add(job);
                if (first.Count == end)
                {
                    break;
                }
            }
        }

        return first;
    }

    // The project the filter names, looked up before the checks (which report an unknown one in Kylin's order).
    private static Project? Named(JobFilter filter, Project? found) => string.IsNullOrEmpty(filter.Project) ? null : found;

    // A caller's list is read once into an array.
    private static ReadOnlySpan<Job> Span(IReadOnlyList<Job> jobs) => jobs switch
    {
        List<Job> list => CollectionsMarshal.AsSpan(list),
        Job[] array => array,
        _ => jobs.ToArray(),
    };

    // job_names compares each job's type name exactly: which types pass, by enum value.
    private static bool[]? JobNameMatch(IReadOnlyList<string>? names)
    {
        if (names is not { Count: > 0 })
        {
            return null;
        }

        var types = Enum.GetValues<JobType>();
        var pass = new bool[types.Max(t => (int)t) + 1];
        foreach (var type in types)
        {
            pass[(int)type] = names.Contains(type.ToString());
        }

        return pass;
    }

    private static bool MatchesKey(Job job, string key) =>
        job.Id.Contains(key, StringComparison.OrdinalIgnoreCase)
        || (JobSubject.KeyName(job)?.Contains(key, StringComparison.OrdinalIgnoreCase) ?? false);

    // PagingUtil.cutPage on a Java ArrayList, failures included (Models.PagingUtil.Cut).
    private static List<Job> Cut(List<Job> sortedPrefix, int total, int begin, int end) =>
        Models.PagingUtil.Cut(total, begin, end) is (int from, int to) ? sortedPrefix.GetRange(from, to - from) : [];

    // sortTotalDurationList: duration sorts re-sort the page by the response's own field.
    private static IReadOnlyList<Job> ResortPage(List<Job> page, SortBy sortBy, bool ascending, long now)
    {
        if (sortBy is not (SortBy.Duration or SortBy.TotalDuration))
        {
            return page;
        }

        var keyed = page.Select((job, index) => (job, index, value: sortBy == SortBy.Duration
            ? JobTiming.Duration(job, now)
            : JobTiming.Duration(job, now) + JobTiming.WaitTime(job, now))).ToList();
        keyed.Sort((a, b) =>
        {
            var c = ascending ? a.value.CompareTo(b.value) : b.value.CompareTo(a.value);
            return c != 0 ? c : a.index.CompareTo(b.index);
        });
        return keyed.Select(k => k.job).ToArray();
    }
}
