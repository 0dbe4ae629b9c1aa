using KylinMock.Jobs;
using Newtonsoft.Json;

namespace KylinMock.Json;

/// <summary>
/// A <see cref="JobPlan"/> as JSON: <c>{"pickup_delay_ms", "step_durations_ms", "fail_at_step",
/// "failing_runs", "failure_message"}</c>; the fixture file and the control API share it.
/// </summary>
internal static class PlanJson
{
    public static void Write(JsonWriter w, JobPlan plan)
    {
        w.WriteStartObject();
        w.Property("pickup_delay_ms", plan.PickupDelayMs);
        w.WritePropertyName("step_durations_ms");
        w.WriteStartArray();
        foreach (var ms in plan.StepDurationsMs)
        {
            w.WriteValue(ms);
        }

        w.WriteEndArray();
        w.Property("fail_at_step", plan.FailAtStep);
        w.Property("failing_runs", plan.FailingRuns);
        w.Property("failure_message", plan.FailureMessage);
        w.WriteEndObject();
    }

    /// <summary>Reads a plan object; unknown fields are skipped, missing ones keep their defaults.</summary>
    public static JobPlan Read(JsonReader r, Func<string, Exception> fail)
    {
        var plan = new JobPlan();
        JsonRead.Object(r, fail, name =>
        {
            plan = name switch
            {
                "pickup_delay_ms" => plan with { PickupDelayMs = NonNegative(JsonRead.Long(r, fail, name), name, fail) },
                "step_durations_ms" => plan with { StepDurationsMs = JsonRead.Longs(r, fail, name).Select(v => NonNegative(v, name, fail)).ToArray() },
                "fail_at_step" => plan with { FailAtStep = JsonRead.NullableInt(r, fail, name) },
                "failing_runs" => plan with { FailingRuns = JsonRead.Int(r, fail, name) },
                "failure_message" => plan with { FailureMessage = JsonRead.String(r, fail, name) },
                _ => Skip(r, plan),
            };
        });
        return plan;
    }

    private static long NonNegative(long value, string field, Func<string, Exception> fail) =>
        value >= 0 ? value : throw fail($"field \"{field}\": must not be negative, was {value}");

    private static JobPlan Skip(JsonReader r, JobPlan plan)
    {
        r.Skip();
        return plan;
    }
}
