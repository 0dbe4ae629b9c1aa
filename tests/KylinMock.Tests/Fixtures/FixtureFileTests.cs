using KylinMock.Fixtures;
using KylinMock.Jobs;
using KylinMock.Tests.Support;

namespace KylinMock.Tests.Fixtures;

/// <summary>The fixture file: Kylin's job shape in, the same shape out, clear refusals.</summary>
public class FixtureFileTests
{
    private static readonly long Now = Estates.Now.ToUnixTimeMilliseconds();

    [Test]
    public void Read_CapturedListAnswer_LoadsEveryJobInOrder()
    {
        var fixture = FixtureReader.Read(Estates.CapturedList);
        Assert.Multiple(() =>
        {
            Assert.That(fixture.Estate.Jobs.Select(j => j.Id), Is.EqualTo(Enumerable.Range(1, 10).Select(Estates.Id)));
            Assert.That(fixture.Origin, Is.Null);
            Assert.That(fixture.Estate.Jobs[6].SubjectHealth, Is.EqualTo(SubjectHealth.ModelBroken));
            Assert.That(fixture.Estate.Jobs[6].SubjectAlias, Is.EqualTo("Broken_Model"));
            Assert.That(fixture.Estate.Jobs[5].SubjectHealth, Is.EqualTo(SubjectHealth.ModelDeleted));
            Assert.That(fixture.Estate.Jobs[4].SubjectHealth, Is.EqualTo(SubjectHealth.SnapshotDeleted));
        });
    }

    [Test]
    public void Read_BareArrayOfJobs_IsACapturedDataValue()
    {
        var value = Newtonsoft.Json.Linq.JObject.Parse(File.ReadAllText(Estates.CapturedList))["data"]!["value"]!.ToString();
        var fixture = FixtureReader.Read(new StringReader(value), "value.json");
        Assert.That(fixture.Estate.Jobs, Has.Count.EqualTo(10));
    }

    [Test]
    public void Read_CapturedJobWithoutSteps_GetsStepsMatchingItsStatus()
    {
        var jobs = FixtureReader.Read(Estates.CapturedList).Estate.Jobs;
        var finished = jobs[0];
        var running = jobs[1];
        var error = jobs[3];
        Assert.Multiple(() =>
        {
            Assert.That(finished.Steps.Select(s => s.State), Is.All.EqualTo(ExecutableState.SUCCEED));
            Assert.That(JobTiming.Duration(finished, Now), Is.EqualTo(3_540_000));
            Assert.That(running.Steps.Select(s => s.State), Is.EqualTo(new[] { ExecutableState.SUCCEED, ExecutableState.RUNNING, ExecutableState.READY }));
            Assert.That(error.Steps.Count(s => s.State == ExecutableState.ERROR), Is.EqualTo(1));
        });
    }

    [Test]
    public void WriteThenRead_KeepsEveryJobAsTheListShowsIt()
    {
        var original = FixtureReader.Read(Estates.CapturedList);
        var first = Write(original);
        var second = Write(FixtureReader.Read(new StringReader(first), "round-trip.json"));
        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void WriteThenRead_KeepsSuicidalPlansAndRuns()
    {
        var estate = FixtureReader.Read(Estates.CapturedList).Estate;
        var job = estate.Jobs[5].Clone();
        var document = Newtonsoft.Json.Linq.JObject.Parse(Write(new Fixture(estate, new FixtureOrigin(7, 10, Estates.Now))));
        document["mock_jobs"]![job.Id] = Newtonsoft.Json.Linq.JObject.Parse(
            "{\"state\": \"SUICIDAL\", \"plan\": {\"pickup_delay_ms\": 1234, \"step_durations_ms\": [1, 2, 3], \"fail_at_step\": 1, \"failing_runs\": 2}, \"runs\": 4}");
        var text = document.ToString();
        var read = FixtureReader.Read(new StringReader(text), "edited.json");
        var loaded = read.Estate.Jobs[5];
        Assert.Multiple(() =>
        {
            Assert.That(read.Origin, Is.EqualTo(new FixtureOrigin(7, 10, Estates.Now)));
            Assert.That(loaded.State, Is.EqualTo(ExecutableState.SUICIDAL));
            Assert.That(loaded.Plan.PickupDelayMs, Is.EqualTo(1234));
            Assert.That(loaded.Plan.FailAtStep, Is.EqualTo(1));
            Assert.That(loaded.Plan.FailingRuns, Is.EqualTo(2));
            Assert.That(loaded.Runs, Is.EqualTo(4));
        });
    }

    [TestCase("{\"jobs\": [{\"id\": \"j1\", \"job_status\": \"PENDING\"}]}", "job #0 (id \"j1\"): field \"job_name\": missing")]
    [TestCase("{\"jobs\": [{\"id\": \"j1\", \"job_status\": \"WAITING\"}]}", "job #0 (id \"j1\"): field \"job_status\": \"WAITING\" is not a displayed status")]
    [TestCase("{\"jobs\": [{\"id\": 5}]}", "job #0: field \"id\": expected a string, found integer 5")]
    [TestCase("{\"jobs\": [{\"id\": \"j1\", \"create_time\": \"yesterday\"}]}", "job #0 (id \"j1\"): field \"create_time\": expected an integer")]
    [TestCase("{\"jobs\": [{\"id\": \"j1\", \"job_name\": \"BUILD_IT\"}]}", "job #0 (id \"j1\"): field \"job_name\": \"BUILD_IT\" is not a Kylin job type")]
    [TestCase("{\"jobs\": {}}", "field \"jobs\": expected an array")]
    [TestCase("{\"format\": \"other/2\"}", "field \"format\": \"other/2\" is not kylinmock-fixture/1")]
    [TestCase("{\"jobs\": [", "the JSON ends too early")]
    [TestCase("", "the file is empty")]
    [TestCase("{\"jobs\": [{\"id\": \"j1\", \"steps\": [{\"step_status\": \"NOPE\"}]}]}", "job #0 (id \"j1\"): step #0: field \"step_status\"")]
    public void Read_BadFile_NamesTheFileTheJobAndTheField(string text, string expected)
    {
        var error = Assert.Throws<FixtureException>(() => FixtureReader.Read(new StringReader(text), "bad.json"));
        Assert.That(error!.Message, Does.StartWith("bad.json: ").And.Contain(expected));
    }

    [Test]
    public void Read_DuplicateJobIds_AreRefused()
    {
        var value = Newtonsoft.Json.Linq.JObject.Parse(File.ReadAllText(Estates.CapturedList))["data"]!["value"]!;
        var twice = new Newtonsoft.Json.Linq.JArray(value[0]!, value[0]!);
        var error = Assert.Throws<FixtureException>(() => FixtureReader.Read(new StringReader(twice.ToString()), "twice.json"));
        Assert.That(error!.Message, Does.Contain("job #1 (id \"" + Estates.Id(1) + "\"): field \"id\": the id appears twice"));
    }

    [Test]
    public void Read_MissingFile_NamesTheFile()
    {
        var error = Assert.Throws<FixtureException>(() => FixtureReader.Read("/no/such/fixture.json"));
        Assert.That(error!.Message, Does.StartWith("/no/such/fixture.json: cannot be read"));
    }

    [Test]
    public void Server_WithABadFixture_FailsToStartWithTheFixtureMessage()
    {
        var path = Path.Combine(Path.GetTempPath(), $"kylinmock-bad-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "{\"jobs\": [{\"id\": \"j1\"}]}");
        try
        {
            var error = Assert.Throws<FixtureException>(() => KylinMockServer.Start(new KylinMockOptions { FixturePath = path }));
            Assert.That(error!.Message, Does.Contain(path).And.Contain("job #0 (id \"j1\")"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string Write(Fixture fixture)
    {
        using var text = new StringWriter();
        FixtureWriter.Write(text, fixture, Now);
        return text.ToString();
    }
}
