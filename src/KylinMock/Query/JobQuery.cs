using System.Runtime.InteropServices;
using KylinMock.Errors;
using KylinMock.Jobs;

namespace KylinMock.Query;

/// <summary>
/// Kylin 5.0.x's job list (<c>JobInfoService.listJobs</c>/<c>countJobs</c> over <c>JobInfoMapper.selectByJobFilter</c>)
/// over the store's jobs: its checks in Kylin's order, the job table's filters, its <c>ORDER BY</c> (ties in storage
/// order) and its <c>LIMIT/OFFSET</c>. One pass over the jobs keeps only the best <c>offset + size</c> candidates (a
/// filtered top-k), so a list over a million jobs neither copies nor fully sorts them.
/// </summary>
internal static class JobQuery
{
    /// <summary>Runs the list over the store's jobs, inside its lock. Every failure is the KylinException Kylin answers with.</summary>
    public static JobPage Execute(JobStore.StoreView view, JobFilter filter, TimeZoneInfo zone)
    {
        var catalog = view.Catalog;
        var projects = view.ProjectNames();
        return Execute(view.Jobs, view.ByLastModified, filter, view.Now, zone, Named(filter, view.FindProject(filter.Project ?? string.Empty)),
            (key, exact, project) => KeySubjects.Resolve(key, exact, project, catalog, projects));
    }

    /// <summary>Runs the list over <paramref name="jobs"/> in storage order (no estate: a key is always a part of the id). Every failure is the KylinException Kylin answers with.</summary>
    public static JobPage Execute(IReadOnlyList<Job> jobs, JobFilter filter, long now, TimeZoneInfo zone, Func<string, Project?> findProject) =>
        Execute(Span(jobs), null, filter, now, zone, Named(filter, findProject(filter.Project ?? string.Empty)), static (_, _, _) => []);

    private static JobPage Execute(ReadOnlySpan<Job> span, JobsByLastModified? byLastModified, JobFilter filter, long now, TimeZoneInfo zone, Project? namedProject,
        Func<string, bool, string?, List<string>> resolveKey)
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

        // JobInfoService.listJobs: the project's permission, then JobFilterUtil.getJobMapperFilter: the time
        // filter, the key, the sort, the statuses' states.
        string? project = null;
        if (!string.IsNullOrEmpty(filter.Project))
        {
            project = namedProject?.Name ?? throw new KylinException(ErrorCode.ProjectNotExist, filter.Project);
        }

        if (!TimeFilter.IsValid(filter.TimeFilter))
        {
            // Preconditions.checkNotNull: a NullPointerException with this message.
            throw KylinException.WithRaw(ErrorCode.UnknownErrorCode, "Can not find the JobTimeFilterEnum by code: " + filter.TimeFilter);
        }

        var windowStart = TimeFilter.WindowStart(filter.TimeFilter, DateTimeOffset.FromUnixTimeMilliseconds(now), zone);
        HashSet<string>? subjects = null;
        if (!string.IsNullOrEmpty(filter.Subject))
        {
            subjects = new HashSet<string>(StringComparer.Ordinal) { filter.Subject.Trim() };
        }

        string? idLike = null;
        if (!string.IsNullOrEmpty(filter.Key))
        {
            var named = resolveKey(filter.Key, filter.Exact, project);
            if (named.Count == 0)
            {
                idLike = filter.Key;
            }
            else
            {
                subjects ??= new HashSet<string>(StringComparer.Ordinal);
                subjects.UnionWith(named);
            }
        }

        var sortBy = SortBys.Parse(filter.SortBy)
            ?? throw KylinException.WithDetail(ErrorCode.InvalidParameter, MessageKey.IllegalSortByFilter, filter.SortBy);
        var statusMatch = StatusMatch.From(statuses);
        var ascending = !filter.Reverse;
        var (begin, end) = Bounds(filter);
        var best = new TopK(Math.Max(0, end), sortBy, ascending);
        var types = JobNameMatch(filter.JobNames);
        if (byLastModified is not null && sortBy == SortBy.LastModified && idLike is null && subjects is null && project is null
            && (types is null || (types.OnlyBuildTypes && byLastModified.OutsideBuildTypes == 0))
            && windowStart <= byLastModified.Earliest && statusMatch.CountIn(byLastModified) is var matching && (long)matching * Skip >= byLastModified.Count)
        {
            return new JobPage(Cut(FirstInOrder(byLastModified, statusMatch, ascending, end), matching, begin, end, filter.SqlPaging), matching);
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
                || (types is not null && !types.Passes(job.JobName))
                || (idLike is not null && !KeySubjects.IdLike(job.Id, idLike))
                || (subjects is not null && !(JobSubject.Column(job) is { } subject && subjects.Contains(subject))))
            {
                continue;
            }

            total++;
            best.Offer(job, i, now);
        }

        var page = Cut(best.Sorted(span), total, begin, end, filter.SqlPaging);
        return new JobPage(ResortPage(page, sortBy, ascending, now), total);
    }

    // JobController.getJobList: offset = page_offset * page_size (Java int arithmetic); the mapper adds
    // "limit size offset offset" only when both are non-negative, else every job is listed.
    private static (int Begin, int End) Bounds(JobFilter filter)
    {
        var begin = unchecked(filter.PageOffset * filter.PageSize);
        if (filter.SqlPaging && (begin < 0 || filter.PageSize < 0))
        {
            return (0, int.MaxValue);
        }

        // An end past int's range is the end of the table (SQL adds no int arithmetic of its own).
        return (begin, filter.SqlPaging ? (int)Math.Min((long)begin + filter.PageSize, int.MaxValue) : unchecked(begin + filter.PageSize));
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

    // job_names is the job table's "job_type in (...)": which types pass, by enum value.
    private static TypeMatch? JobNameMatch(IReadOnlyList<string>? names)
    {
        if (names is not { Count: > 0 })
        {
            return null;
        }

        var types = Enum.GetValues<JobType>();
        var pass = new bool[types.Max(t => (int)t) + 1];
        var onlyBuild = true;
        foreach (var type in types)
        {
            pass[(int)type] = names.Contains(type.ToString());
            onlyBuild &= pass[(int)type] == type.IsBuildJobType();
        }

        return new TypeMatch(pass, onlyBuild);
    }

    private sealed record TypeMatch(bool[] Pass, bool OnlyBuildTypes)
    {
        public bool Passes(JobType type) => (uint)type < (uint)Pass.Length && Pass[(int)type];
    }

    // The job table's LIMIT/OFFSET (begin is never negative there), or v2's PagingUtil.cutPage on a Java
    // ArrayList, failures included (Models.PagingUtil.Cut).
    private static List<Job> Cut(List<Job> sortedPrefix, int total, int begin, int end, bool sqlPaging)
    {
        if (sqlPaging)
        {
            var to = (int)Math.Min(Math.Min((long)end, total), sortedPrefix.Count);
            return begin >= to ? [] : sortedPrefix.GetRange(begin, to - begin);
        }

        return Models.PagingUtil.Cut(total, begin, end) is (int from, int last) ? sortedPrefix.GetRange(from, last - from) : [];
    }

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
