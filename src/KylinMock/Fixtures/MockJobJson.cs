using KylinMock.Jobs;
using KylinMock.Json;
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
        if (withState || job.State == ExecutableState.SUICIDAL)
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

    public static MockJob Read(JsonReader r, Func<string, Exception> fail)
    {
        var mock = new MockJob();
        JsonRead.Object(r, fail, name =>
        {
            switch (name)
            {
                case "plan":
                    mock = mock with { Plan = PlanJson.Read(r, fail) };
                    break;
                case "runs":
                    mock = mock with { Runs = JsonRead.Int(r, fail, name) };
                    break;
                case "ready_since":
                    mock = mock with { ReadySince = JsonRead.Long(r, fail, name) };
                    break;
                case "state":
                    mock = mock with { State = ParseEnum<ExecutableState>(JsonRead.RequiredString(r, fail, name), name, fail) };
                    break;
                case "subject_health":
                    mock = mock with { SubjectHealth = ParseEnum<SubjectHealth>(JsonRead.RequiredString(r, fail, name), name, fail) };
                    break;
                case "running_step_since":
                    mock = mock with { RunningStepSince = JsonRead.Long(r, fail, name) };
                    break;
                case "running_step_accumulated":
                    mock = mock with { RunningStepAccumulated = JsonRead.Long(r, fail, name) };
                    break;
                default:
                    r.Skip();
                    break;
            }
        });
        return mock;
    }

    private static T ParseEnum<T>(string value, string field, Func<string, Exception> fail)
        where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : throw fail($"field \"{field}\": \"{value}\" is not one of {string.Join(", ", Enum.GetNames<T>())}");
}
