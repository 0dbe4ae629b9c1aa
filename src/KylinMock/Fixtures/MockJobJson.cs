using KylinMock.Answers;
using KylinMock.Jobs;
using Newtonsoft.Json;

namespace KylinMock.Fixtures;

/// <summary>Reads and writes a fixture's <c>mock_jobs</c> entry (<see cref="MockJob"/>).</summary>
internal static class MockJobJson
{
    /// <summary>Writes the entry; <paramref name="withState"/> adds the internal state and history (the control API's view).</summary>
    public static void Write(JsonWriter w, Job job, bool withState = false)
    {
        w.WriteStartObject();
        w.WritePropertyName("plan");
        PlanJson.Write(w, job.Plan);
        w.Property("runs", job.Runs);
        w.Property("ready_since", job.ReadySince);

        // SUICIDAL and PENDING are the states a job's shown status does not tell apart (from DISCARDED, from READY).
        if (withState || job.State is ExecutableState.SUICIDAL or ExecutableState.PENDING)
        {
            w.Property("state", job.State.ToString());
        }

        if (withState)
        {
            w.Property("history", job.History.Select(s => s.ToString()));
        }

        if (job.SubjectHealth == SubjectHealth.SnapshotDeleted && !job.State.IsFinal())
        {
            // Not visible in Kylin's shape until the job ends, so it is kept here.
            w.Property("subject_health", job.SubjectHealth.ToString());
        }

        if (job.Steps.FirstOrDefault(s => s.State == ExecutableState.RUNNING) is { } running)
        {
            w.Property("running_step_since", running.LastRunningStartTime);
            w.Property("running_step_accumulated", running.AccumulatedDuration);
        }

        w.WriteEndObject();
    }

    /// <summary>
    /// Reads one entry; problems are reported at <paramref name="place"/> (the entry's <c>mock_jobs "id"</c>).
    /// Its plan is taken from <paramref name="plans"/> when an equal one was read before (plans are immutable).
    /// </summary>
    public static MockJob Read(ref JsonCursor r, in JsonPlace place, Dictionary<JobPlan, JobPlan> plans)
    {
        JobPlan? plan = null;
        int? runs = null;
        long? readySince = null;
        ExecutableState? state = null;
        SubjectHealth? health = null;
        long? runningSince = null;
        long? runningAccumulated = null;
        var next = 0;
        try
        {
            r.Object(place);
            while (r.Property(place, PropertyNames<MockField>.Instance, ref next, out var field))
            {
                switch (field)
                {
                    case MockField.Plan: plan = PlanJson.Read(ref r, place); break;
                    case MockField.Runs: runs = r.Int(place, "runs"); break;
                    case MockField.ReadySince: readySince = r.Long(place, "ready_since"); break;
                    case MockField.State: state = ParseEnum<ExecutableState>(r.RequiredString(place, "state"), "state", place); break;
                    case MockField.SubjectHealth: health = ParseEnum<SubjectHealth>(r.RequiredString(place, "subject_health"), "subject_health", place); break;
                    case MockField.RunningStepSince: runningSince = r.Long(place, "running_step_since"); break;
                    case MockField.RunningStepAccumulated: runningAccumulated = r.Long(place, "running_step_accumulated"); break;
                    default: r.Skip(place); break;
                }
            }
        }
        catch (System.Text.Json.JsonException e)
        {
            throw r.Invalid(place, e);
        }

        if (plan is not null && !plans.TryAdd(plan, plan))
        {
            plan = plans[plan];
        }

        return new MockJob
        {
            Plan = plan,
            Runs = runs,
            ReadySince = readySince,
            State = state,
            SubjectHealth = health,
            RunningStepSince = runningSince,
            RunningStepAccumulated = runningAccumulated,
        };
    }

    private static T ParseEnum<T>(string value, string field, in JsonPlace place)
        where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : throw place.Fail($"field \"{field}\": \"{value}\" is not one of {string.Join(", ", Enum.GetNames<T>())}");
}

/// <summary>A <c>mock_jobs</c> entry's fields in the order <see cref="MockJobJson.Write"/> writes them.</summary>
internal enum MockField
{
    Plan, Runs, ReadySince, State, History, SubjectHealth, RunningStepSince, RunningStepAccumulated,
}
