using System.Text;
using KylinMock.Answers;
using KylinMock.Jobs;
using Newtonsoft.Json;

namespace KylinMock.Fixtures;

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

    /// <summary>Reads a plan object from <paramref name="json"/>; problems are reported at <paramref name="place"/>.</summary>
    public static JobPlan Read(string json, in JsonPlace place)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        var r = new JsonCursor(stream, new StringPool());
        try
        {
            return Read(ref r, place);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw r.Invalid(place, e);
        }
    }

    /// <summary>Reads a plan object (in a fixture file or on its own); unknown fields are skipped, missing ones keep their defaults.</summary>
    public static JobPlan Read(ref JsonCursor r, in JsonPlace place)
    {
        var defaults = new JobPlan();
        var pickup = defaults.PickupDelayMs;
        var durations = defaults.StepDurationsMs;
        var failAt = defaults.FailAtStep;
        var failingRuns = defaults.FailingRuns;
        var message = defaults.FailureMessage;
        var next = 0;
        r.Object(place);
        while (r.Property(place, PropertyNames<PlanField>.Instance, ref next, out var field))
        {
            switch (field)
            {
                case PlanField.PickupDelayMs: pickup = Bounded(r.Long(place, "pickup_delay_ms"), "pickup_delay_ms", place); break;
                case PlanField.StepDurationsMs: durations = Durations(ref r, place); break;
                case PlanField.FailAtStep: failAt = NotNegative(r.NullableInt(place, "fail_at_step"), place); break;
                case PlanField.FailingRuns: failingRuns = r.Int(place, "failing_runs"); break;
                case PlanField.FailureMessage: message = r.String(place, "failure_message"); break;
                default: r.Skip(place); break;
            }
        }

        return new JobPlan { PickupDelayMs = pickup, StepDurationsMs = durations, FailAtStep = failAt, FailingRuns = failingRuns, FailureMessage = message };
    }

    private static int? NotNegative(int? step, in JsonPlace place) =>
        step is < 0 ? throw place.Fail($"fail_at_step {step} names no step (steps count from 0)") : step;

    private static long[] Durations(ref JsonCursor r, in JsonPlace place)
    {
        const string field = "step_durations_ms";
        if (!r.Array(place, field))
        {
            return [];
        }

        Span<long> values = stackalloc long[16];
        List<long>? more = null;
        var count = 0;
        while (r.Item(place))
        {
            var value = r.Long(place, field);
            if (count < values.Length)
            {
                values[count] = value;
            }
            else
            {
                (more ??= []).Add(value);
            }

            count++;
        }

        // Checked after the whole list is read, as before: a negative or too long duration names the first offender.
        var result = new long[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = Bounded(i < values.Length ? values[i] : more![i - values.Length], field, place);
        }

        return result;
    }

    private static long Bounded(long value, string field, in JsonPlace place) => value switch
    {
        < 0 => throw place.Fail($"field \"{field}\": must not be negative, was {value}"),
        > JobPlan.MaxDurationMs => throw place.Fail($"field \"{field}\": must be at most {JobPlan.MaxDurationMs} ms (100 years), was {value}"),
        _ => value,
    };
}

/// <summary>A plan's fields in the order <see cref="PlanJson.Write"/> writes them.</summary>
internal enum PlanField
{
    PickupDelayMs, StepDurationsMs, FailAtStep, FailingRuns, FailureMessage,
}
