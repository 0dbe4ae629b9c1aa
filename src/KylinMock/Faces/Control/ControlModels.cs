using KylinMock.Fixtures;
using KylinMock.Http;
using KylinMock.Models;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json;

namespace KylinMock.Control;

/// <summary>
/// <c>/__kylinmock/models</c>: GET the estate's <c>tables</c>, <c>models</c> and <c>segments</c> (the fixture
/// fields), POST models in that shape (<c>{"models":[GET /models items], "segments":{uuid:[...]}}</c>) to add
/// "a model with these segments" in one call. A refused POST changes nothing.
/// </summary>
internal static class ControlModels
{
    public static KylinAnswer Everything(ServerContext server)
    {
        var (models, jobs) = server.Backend.EstateSnapshot();
        using var text = new StringWriter();
        using (var w = new JsonTextWriter(text) { Formatting = Formatting.Indented, CloseOutput = false })
        {
            w.WriteStartObject();
            ModelEstateJson.Write(w, models, jobs);
            w.WriteEndObject();
        }

        return new KylinAnswer(200, MediaTypes.Json, System.Text.Encoding.UTF8.GetBytes(text.ToString()));
    }

    public static KylinAnswer Add(ServerContext server, ControlCall call)
    {
        JObject body;
        ModelEstate added;
        try
        {
            body = call.Body();
            added = ModelEstateJson.Read(body["tables"]?.ToString(), body["models"]?.ToString(), body["segments"]?.ToString(), "request body");
        }
        catch (Exception e) when (e is JsonException or FixtureException)
        {
            throw new ControlException(400, e.Message);
        }

        CheckSegments(added);
        var models = server.Backend.Models;
        foreach (var model in added.Models)
        {
            if (models.Find(model.Project, model.Uuid) is not null || models.Find(model.Project, model.Alias) is not null)
            {
                throw new ControlException(409, $"project \"{model.Project}\" has a model \"{model.Alias}\" (or uuid \"{model.Uuid}\") already");
            }
        }

        foreach (var model in added.Models)
        {
            models.Add(model, added.Segments.Where(s => s.ModelUuid == model.Uuid));
        }

        return KylinAnswer.Json(200, new JObject { ["added"] = added.Models.Count });
    }

    // What Kylin's segment manager can never hold (NDataflowManager, Segments.validate): a range that ends before it
    // starts, one id twice, or two READY/WARNING segments of one model over the same data (only a NEW copy overlaps).
    private static void CheckSegments(ModelEstate added)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var segment in added.Segments)
        {
            if (segment.Start >= segment.End)
            {
                throw new ControlException(400, $"segment \"{segment.Id}\" starts at {segment.Start}, not before its end {segment.End}");
            }

            if (!ids.Add(segment.Id))
            {
                throw new ControlException(400, $"segment id \"{segment.Id}\" is given twice");
            }
        }

        foreach (var model in added.Segments.Where(s => s.Status is SegmentStatus.READY or SegmentStatus.WARNING).GroupBy(s => s.ModelUuid))
        {
            Segment? before = null;
            foreach (var segment in model.OrderBy(s => s.Start))
            {
                if (before is not null && segment.Start < before.End)
                {
                    throw new ControlException(400, $"segments \"{before.Id}\" and \"{segment.Id}\" of model \"{model.Key}\" are both built over the same data");
                }

                before = segment;
            }
        }
    }

    /// <summary><c>PUT /__kylinmock/models/{uuid}/next_job</c> <c>{"plan":{...}}</c>: the next job a build request makes for the model follows the plan.</summary>
    public static KylinAnswer ScriptNextJob(ServerContext server, string modelUuid, ControlCall call)
    {
        var plan = call.Body()["plan"] as JObject ?? throw new ControlException(400, "give {\"plan\": {...}}");
        try
        {
            server.Backend.Models.ScriptNextJob(modelUuid, ControlJobs.ReadPlan(plan));
        }
        catch (KeyNotFoundException e)
        {
            throw new ControlException(404, e.Message);
        }

        return KylinAnswer.Json(200, new JObject { ["model"] = modelUuid, ["plan"] = plan });
    }
}
