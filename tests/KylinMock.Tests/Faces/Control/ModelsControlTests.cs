using KylinMock.Fixtures;
using KylinMock.Models;
using KylinMock.Tests.Support;
using Newtonsoft.Json.Linq;

namespace KylinMock.Tests.Faces.Control;

/// <summary>kylin.Models, /__kylinmock/models and the fixture's models, segments and tables.</summary>
public class ModelsControlTests
{
    [Test]
    public void ControlModels_PostAddsAModelWithItsSegments_AndResetRestores()
    {
        using var kylin = ModelEstates.Start();
        using var http = new KylinHttp(kylin.Url);
        var everything = JObject.Parse(http.Send(HttpMethod.Get, "/__kylinmock/models", authorization: null, accept: "application/json").Text);
        var model = (JObject)everything["models"]![0]!.DeepClone();
        model["uuid"] = "5d0a2f6c-0000-4000-8000-0000000000cc";
        model["alias"] = "copied_model";
        var segments = new JObject { ["5d0a2f6c-0000-4000-8000-0000000000cc"] = new JArray(everything["segments"]![ModelEstates.Partitioned]![0]!) };
        var body = new JObject { ["models"] = new JArray(model), ["segments"] = segments }.ToString();
        var added = http.Send(HttpMethod.Post, "/__kylinmock/models", body, authorization: null, accept: "application/json");
        var again = http.Send(HttpMethod.Post, "/__kylinmock/models", body, authorization: null, accept: "application/json");
        Assert.Multiple(() =>
        {
            Assert.That(added.Status, Is.EqualTo(200), added.Text);
            Assert.That(again.Status, Is.EqualTo(409), again.Text);
            Assert.That(kylin.Models.Find("LEARN_KYLIN", "COPIED_MODEL")?.Uuid, Is.EqualTo("5d0a2f6c-0000-4000-8000-0000000000cc"));
            Assert.That(http.Get("/kylin/api/models/copied_model/segments?project=learn_kylin").Ids, Is.EqualTo(new[] { "seg-1" }));
        });

        kylin.Reset();
        // Reset goes back to the estate loaded at start, before any model was added.
        Assert.That(kylin.Models.List("learn_kylin"), Is.Empty);
    }

    [Test]
    public void Fixture_WritesAndReadsModelsSegmentsAndTables()
    {
        var estate = JobGenerator.Generate(7, 300, Estates.Now);
        using var text = new StringWriter();
        FixtureWriter.Write(text, new Fixture(estate, null), Estates.Now.ToUnixTimeMilliseconds());
        var back = FixtureReader.Read(new StringReader(text.ToString()), "round trip").Estate.Models!;
        Assert.Multiple(() =>
        {
            Assert.That(back.Models.Select(m => (m.Uuid, m.Alias, m.FactTable, m.PartitionDesc, m.Broken, m.TotalIndexes)), Is.EqualTo(estate.Models!.Models.Select(m => (m.Uuid, m.Alias, m.FactTable, m.PartitionDesc, m.Broken, m.TotalIndexes))));
            Assert.That(back.Segments, Is.EquivalentTo(estate.Models.Segments));
            Assert.That(back.Tables.Select(t => (t.Identity, t.Columns.Count)), Is.EquivalentTo(estate.Models.Tables.Select(t => (t.Identity, t.Columns.Count))));
            Assert.That(back.Tables.SelectMany(t => t.Columns), Is.EquivalentTo(estate.Models.Tables.SelectMany(t => t.Columns)));
        });
    }

    [Test]
    public void Fixture_FromBeforeModels_DerivesModelsFromItsJobs()
    {
        using var kylin = Estates.StartCaptured(out _);
        var projects = kylin.Jobs.Projects();
        Assert.That(projects.SelectMany(p => kylin.Models.List(p.Name)), Is.Not.Empty);
    }
}
