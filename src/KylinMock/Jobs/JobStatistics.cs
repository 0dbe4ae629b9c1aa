using System.Globalization;

namespace KylinMock.Jobs;

/// <summary>The dashboard totals (<c>JobStatisticsManager.getJobStats</c>).</summary>
/// <param name="Count">Jobs submitted.</param>
/// <param name="TotalDuration">Running time of the builds that ended, ms.</param>
/// <param name="TotalByteSize">Source bytes of the builds that ended.</param>
internal sealed record JobStats(int Count, long TotalDuration, long TotalByteSize);

/// <summary>
/// Kylin's job statistics (<c>JobStatisticsManager</c>) over the live estate: a job counts on the day it was submitted;
/// a model build that ended adds its duration and source bytes on the day it ended. Days are the server time zone's.
/// The mock keeps no byte sizes of its own: a build's source size is drawn from its id.
/// </summary>
internal static class JobStatistics
{
    private const long Day = 86_400_000;

    /// <summary><c>/jobs/statistics</c>: totals over days with start &lt;= day &lt; end.</summary>
    public static JobStats Stats(IEnumerable<Job> jobs, TimeZoneInfo zone, long start, long end)
    {
        int count = 0;
        long duration = 0, bytes = 0;
        foreach (var job in jobs)
        {
            var created = DayOf(job.CreateTime, zone);
            if (created >= start && created < end)
            {
                count++;
            }

            if (Built(job) is { } built && DayOf(job.EndTime, zone) is var ended && ended >= start && ended < end)
            {
                duration += built.Duration;
                bytes += built.Bytes;
            }
        }

        return new JobStats(count, duration, bytes);
    }

    /// <summary>
    /// <c>/jobs/statistics/count</c> (<paramref name="perByte"/> false) or <c>/duration_per_byte</c> (true): by model alias
    /// for <c>model</c>, else per bucket of day (any other value), <c>week</c> (to the next Monday) or <c>month</c> (to the 1st),
    /// every bucket from start while it is not after end.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, double>> By(IEnumerable<Job> jobs, Project project, TimeZoneInfo zone, long start, long end, string dimension, bool perByte)
    {
        var list = jobs.ToList();
        if (dimension == "model")
        {
            var byModel = new List<KeyValuePair<string, double>>();
            foreach (var model in project.Models)
            {
                var ofModel = list.Where(j => j.TargetModel == model.Uuid).ToList();
                if (ofModel.Count > 0)
                {
                    byModel.Add(new(model.Alias, Value(ofModel, zone, start, end, perByte)));
                }
            }

            return byModel;
        }

        var buckets = new List<KeyValuePair<string, double>>();
        for (var from = DayOf(start, zone); from <= end;)
        {
            var to = Next(from, zone, dimension);
            var key = TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(from), zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            buckets.Add(new(key, Value(list, zone, from, to, perByte)));
            from = to;
        }

        return buckets;
    }

    private static double Value(List<Job> jobs, TimeZoneInfo zone, long from, long to, bool perByte)
    {
        var stats = Stats(jobs, zone, from, to);
        if (!perByte)
        {
            return stats.Count;
        }

        return stats.TotalByteSize == 0 ? 0.0 : (double)stats.TotalDuration / stats.TotalByteSize;
    }

    private static long Next(long from, TimeZoneInfo zone, string dimension)
    {
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(from), zone);
        var toMonday = ((int)DayOfWeek.Monday - (int)local.DayOfWeek + 7) % 7;
        var next = dimension switch
        {
            "week" => local.Date.AddDays(toMonday == 0 ? 7 : toMonday),
            "month" => new DateTime(local.Year, local.Month, 1).AddMonths(1),
            _ => local.Date.AddDays(1),
        };
        return new DateTimeOffset(next, zone.GetUtcOffset(next)).ToUnixTimeMilliseconds();
    }

    // A model build that succeeded: its running time and a source size drawn from its id (1 MiB - 4 GiB).
    private static (long Duration, long Bytes)? Built(Job job)
    {
        if (job.State != ExecutableState.SUCCEED || job.JobName.SubjectKind() != SubjectKind.Model)
        {
            return null;
        }

        var bytes = (1L << 20) + (long)((uint)StableHash.Of(job.Id) % (4096L << 20));
        return (JobTiming.Duration(job, job.EndTime), bytes);
    }

    private static long DayOf(long ms, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(ms), zone);
        return new DateTimeOffset(local.Date, zone.GetUtcOffset(local.Date)).ToUnixTimeMilliseconds();
    }
}
