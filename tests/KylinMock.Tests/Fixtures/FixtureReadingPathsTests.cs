using KylinMock.Fixtures;
using KylinMock.Jobs;
using KylinMock.Tests.Support;
using Newtonsoft.Json.Linq;

namespace KylinMock.Tests.Fixtures;

/// <summary>
/// The fixture reader's fast paths (fields in the order the mock writes them, steps made while reading,
/// plans and segment lists kept once) read exactly what the general paths read.
/// </summary>
public class FixtureReadingPathsTests
{
    private static readonly DateTimeOffset Reference = Estates.Now;
    private static readonly long Now = Reference.ToUnixTimeMilliseconds();

    [Test]
    public void WriteThenRead_GeneratedEstate_WritesTheSameFileAgain()
    {
        var first = Write(new Fixture(JobGenerator.Generate(7, 2_000, Reference), new FixtureOrigin(7, 2_000, Reference)));
        var second = Write(FixtureReader.Read(new StringReader(first), "generated.json"));
        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void Read_FieldsInAnotherOrderAndMockJobsFirst_ReadsTheSameEstate()
    {
        var text = Write(new Fixture(JobGenerator.Generate(11, 300, Reference), new FixtureOrigin(11, 300, Reference)));
        var document = JObject.Parse(text);
        var shuffled = new JObject { ["mock_jobs"] = document["mock_jobs"] };
        foreach (var property in document.Properties().Where(p => p.Name != "mock_jobs"))
        {
            shuffled[property.Name] = property.Value;
        }

        // Every job and step object with its fields reversed: nothing comes where the reader expects it.
        foreach (var job in shuffled["jobs"]!.Cast<JObject>().ToList())
        {
            foreach (var step in job["steps"]!.Cast<JObject>().ToList())
            {
                step.Replace(Reversed(step));
            }

            job.Replace(Reversed(job));
        }

        var read = FixtureReader.Read(new StringReader(shuffled.ToString()), "shuffled.json");
        Assert.That(Write(read), Is.EqualTo(text));
    }

    [Test]
    public void Read_StepsBeforeTheJobIdAndWithoutIdsOrNames_AreMadeAsBefore()
    {
        var json = """
            {"jobs": [{"steps": [{"step_status": "FINISHED", "exec_start_time": 10, "exec_end_time": 20, "duration": 10},
                                 {"id": "custom", "step_status": "RUNNING", "exec_start_time": 20},
                                 {"step_status": "PENDING", "sequence_id": 7}],
                       "id": "j1", "job_status": "RUNNING", "job_name": "INDEX_BUILD", "project": "p", "target_model": "m",
                       "create_time": 1, "last_modified": 20, "exec_start_time": 10}]}
            """;
        var steps = FixtureReader.Read(new StringReader(json), "late-id.json").Estate.Jobs[0].Steps;
        Assert.Multiple(() =>
        {
            Assert.That(steps.Select(s => s.Id), Is.EqualTo(new[] { "j1_00", "custom", "j1_02" }));
            Assert.That(steps.Select(s => s.Name), Is.EqualTo(new[] { "Detect Resource", "Load Data To Index", "Update Metadata" }));
            Assert.That(steps.Select(s => s.SequenceId), Is.EqualTo(new[] { 0, 1, 7 }));
            Assert.That(steps[1].LastRunningStartTime, Is.EqualTo(20));
        });
    }

    [TestCase("{\"jobs\": [{\"id\": \"j1\", \"steps\": [{\"name\": \"x\"}]}]}", "job #0 (id \"j1\"): field \"job_status\": missing")]
    [TestCase("{\"jobs\": [{\"id\": \"j1\", \"job_status\": \"PENDING\", \"job_name\": \"INDEX_BUILD\", \"project\": \"p\", \"target_model\": \"m\", \"create_time\": 1, \"last_modified\": 1, \"steps\": [{\"name\": \"x\", \"step_status\": \"PENDING\"}, {\"name\": \"y\"}]}]}", "job #0 (id \"j1\"): step #1: field \"step_status\": missing")]
    [TestCase("{\"jobs\": [{\"id\": \"j1\", \"steps\": [{\"name\": tru}]}]}", "job #0 (id \"j1\"): step #0: not valid JSON: ")]
    [TestCase("{\"jobs\": [], \"mock_jobs\": {\"j1\": {\"plan\": {\"pickup_delay_ms\": -1}}}}", "mock_jobs \"j1\": field \"pickup_delay_ms\": must not be negative, was -1")]
    [TestCase("{\"jobs\": []} {}", "unexpected content after the fixture's end")]
    [TestCase("   ", "the file is empty")]
    [TestCase("{\"jobs\": [{\"id\": \"j1\", \"create_time\": 99999999999999999999}]}", "job #0 (id \"j1\"): field \"create_time\": 99999999999999999999 is out of range")]
    public void Read_BadFile_NamesWhereAndWhat(string text, string expected)
    {
        var error = Assert.Throws<FixtureException>(() => FixtureReader.Read(new StringReader(text), "bad.json"));
        Assert.That(error!.Message, Does.StartWith("bad.json: ").And.Contain(expected));
    }

    [Test]
    public void Read_EqualSegmentListsAndPlans_AreOneInstance()
    {
        var text = Write(new Fixture(JobGenerator.Generate(3, 6_000, Reference), new FixtureOrigin(3, 6_000, Reference)));
        var jobs = FixtureReader.Read(new StringReader(text), "shared.json").Estate.Jobs;
        var segmentLists = jobs.Where(j => j.TargetSegments.Count > 0).GroupBy(j => string.Join(',', j.TargetSegments)).ToList();
        var plans = jobs.GroupBy(j => $"{j.Plan.PickupDelayMs}/{string.Join(',', j.Plan.StepDurationsMs)}/{j.Plan.FailAtStep}/{j.Plan.FailingRuns}/{j.Plan.FailureMessage}").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(segmentLists.Where(g => g.Count() > 1), Is.Not.Empty);
            Assert.That(segmentLists.All(g => g.Select(j => j.TargetSegments).Distinct(ReferenceEqualityComparer.Instance).Count() == 1), Is.True);
            Assert.That(plans.Where(g => g.Count() > 1), Is.Not.Empty);
            Assert.That(plans.All(g => g.Select(j => j.Plan).Distinct(ReferenceEqualityComparer.Instance).Count() == 1), Is.True);
        });
    }

    private static JObject Reversed(JObject value) => new(value.Properties().Reverse().Select(p => new JProperty(p.Name, p.Value)));

    private static string Write(Fixture fixture)
    {
        using var text = new StringWriter();
        FixtureWriter.Write(text, fixture, Now);
        return text.ToString();
    }
}
