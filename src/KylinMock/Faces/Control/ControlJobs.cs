using KylinMock.Answers;
using KylinMock.Fixtures;
using KylinMock.Http;
using KylinMock.Jobs;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json;

namespace KylinMock.Control;

/// <summary>
/// <c>/__kylinmock/jobs</c>: GET every job (the fixture shape, with internal state, history and plan),
/// POST add jobs in the fixture shape, PUT replace them all, POST <c>jobs/submit</c> a new live job,
/// PATCH <c>jobs/{id}</c> with <c>{"plan": ...}</c> to script a job's outcome.
/// </summary>
internal static class ControlJobs
{
    /// <summary>Every job, copied under the lock once, then written straight to the response (never held as text).</summary>
    public static KylinAnswer Everything(ServerContext server)
    {
        var fixture = new Fixture(new Estate(server.Backend.Jobs.Projects(), server.Backend.Jobs.Snapshot()), null);
        var now = server.NowMs;
        return new KylinAnswer(200, MediaTypes.Json, []) { Streamed = body => Write(body, fixture, now) };
    }

    private static void Write(Stream body, Fixture fixture, long now)
    {
        using var text = new StreamWriter(body, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true);
        FixtureWriter.Write(text, fixture, now, withState: true);
    }

    /// <summary>The estate's project names (the dashboard's project filter).</summary>
    public static KylinAnswer ProjectNames(ServerContext server) =>
        KylinAnswer.Json(200, new JObject { ["projects"] = new JArray(server.Backend.Jobs.Projects().Select(p => p.Name)) });

    public static KylinAnswer Add(ServerContext server, ControlCall call)
    {
        var estate = FixtureReader.Read(new StringReader(call.BodyText), "request body").Estate;
        server.Backend.Jobs.Add(estate.Jobs);
        return KylinAnswer.Json(200, new JObject { ["added"] = estate.Jobs.Count, ["jobs"] = server.Backend.Jobs.Count });
    }

    public static KylinAnswer Replace(ServerContext server, ControlCall call)
    {
        // A body naming no jobs would replace the estate with nothing (issue 10, item 14).
        if (!FixtureShape.NamesJobs(call.BodyText))
        {
            throw new ControlException(400, "the body names no jobs: give a fixture with \"jobs\" (an empty list empties the estate)");
        }

        var estate = FixtureReader.Read(new StringReader(call.BodyText), "request body").Estate;
        server.Backend.Jobs.Load(estate);
        return KylinAnswer.Json(200, new JObject { ["jobs"] = server.Backend.Jobs.Count });
    }

    public static KylinAnswer Submit(ServerContext server, ControlCall call)
    {
        var body = call.Body();
        var typeName = (string?)body["job_name"] ?? "INDEX_BUILD";
        if (!JobTypes.TryParse(typeName, out var type))
        {
            throw new ControlException(400, $"\"job_name\": \"{typeName}\" is not a Kylin job type");
        }

        var project = (string?)body["project"] ?? throw new ControlException(400, "\"project\" is required");
        var model = (string?)body["target_model"] ?? throw new ControlException(400, "\"target_model\" is required");
        var plan = body["plan"] is JObject planJson ? ReadPlan(planJson) : new JobPlan();
        var job = server.Backend.Jobs.Submit(project, type, model, plan, (string?)body["subject_alias"], (string?)body["id"]);
        return KylinAnswer.Json(200, new JObject { ["id"] = job.Id, ["job_status"] = job.Status.ToString(), ["create_time"] = job.CreateTime });
    }

    public static KylinAnswer Script(ServerContext server, string jobId, ControlCall call)
    {
        var plan = call.Body()["plan"] as JObject ?? throw new ControlException(400, "give {\"plan\": {...}}");
        var job = server.Backend.Jobs.Script(jobId, ReadPlan(plan));
        return KylinAnswer.Json(200, new JObject { ["id"] = job.Id, ["job_status"] = job.Status.ToString(), ["plan"] = JObject.Parse(PlanText(job.Plan)) });
    }

    internal static JobPlan ReadPlan(JObject json) =>
        PlanJson.Read(json.ToString(Formatting.None), new JsonPlace(message => new ControlException(400, message), "plan"));

    private static string PlanText(JobPlan plan)
    {
        using var text = new StringWriter();
        using (var w = new JsonTextWriter(text))
        {
            PlanJson.Write(w, plan);
        }

        return text.ToString();
    }
}
