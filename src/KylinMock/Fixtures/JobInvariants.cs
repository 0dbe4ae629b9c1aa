using KylinMock.Clocks;
using KylinMock.Jobs;

namespace KylinMock.Fixtures;

/// <summary>
/// The timing rules every generated job keeps (see <c>JobGenerator</c>), checked on every job a fixture
/// holds: times are epoch milliseconds inside <see cref="ClockRange"/> (0 meaning "not yet"), a job is not
/// modified before it was created, nothing ends before it started, and a FINISHED job started and ended.
/// A job breaking one is refused, naming the file, the job and the field.
/// </summary>
internal static class JobInvariants
{
    private static readonly long LatestMs = ClockRange.Latest.ToUnixTimeMilliseconds();

    public static void Check(Job job, in JsonPlace place)
    {
        InRange(job.CreateTime, "create_time", place);
        InRange(job.LastModified, "last_modified", place);
        InRange(job.StartTime, "exec_start_time", place);
        InRange(job.EndTime, "exec_end_time", place);
        InRange(job.ReadySince, "mock_jobs.ready_since", place);
        if (job.LastModified < job.CreateTime)
        {
            throw place.Fail($"field \"last_modified\": {job.LastModified} is before create_time {job.CreateTime}");
        }

        Ordered(job.StartTime, job.EndTime, place);
        if (job.State == ExecutableState.SUCCEED && (job.StartTime == 0 || job.EndTime == 0))
        {
            throw place.Fail($"field \"{(job.StartTime == 0 ? "exec_start_time" : "exec_end_time")}\": a FINISHED job has started and ended, but it is 0");
        }

        for (var i = 0; i < job.Steps.Count; i++)
        {
            var step = job.Steps[i];
            var at = place.Step(i);
            InRange(step.StartTime, "exec_start_time", at);
            InRange(step.EndTime, "exec_end_time", at);
            InRange(step.LastRunningStartTime, "mock_jobs.running_step_since", at);
            Ordered(step.StartTime, step.EndTime, at);
        }
    }

    private static void InRange(long ms, string field, in JsonPlace place)
    {
        if (ms < 0 || ms > LatestMs)
        {
            throw place.Fail($"field \"{field}\": {ms} is outside 0 to {LatestMs} (epoch ms up to {ClockRange.Latest:yyyy-MM-dd})");
        }
    }

    private static void Ordered(long start, long end, in JsonPlace place)
    {
        if (start != 0 && end != 0 && end < start)
        {
            throw place.Fail($"field \"exec_end_time\": {end} is before exec_start_time {start}");
        }
    }
}
