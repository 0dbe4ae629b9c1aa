using KylinMock.Fixtures;
using KylinMock.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace KylinMock.Tests.Faces.Kylin5Jobs;

/// <summary>Jobs Kylin discarded itself (SUICIDAL): shown as DISCARDED, matched by DISCARDED and SUICIDAL.</summary>
public class SuicidalJobsTests
{
    [Test]
    public void Statuses_Discarded_AlsoMatchesSuicidalJobs_AndSuicidalOnlyThose()
    {
        // JobService.parseToExecutableState maps DISCARDED to SUICIDAL, and the displayed status matches too.
        var document = JObject.Parse(File.ReadAllText(Estates.CapturedList));
        var jobs = (JArray)document["data"]!["value"]!;
        var file = new JObject
        {
            ["format"] = FixtureWriter.Format,
            ["jobs"] = jobs,
            ["mock_jobs"] = new JObject { [Estates.Id(6)] = new JObject { ["state"] = "SUICIDAL" } },
        };
        var path = Path.Combine(Path.GetTempPath(), $"kylinmock-suicidal-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, file.ToString());
        try
        {
            using var kylin = KylinMockServer.Start(new KylinMockOptions { Clock = new FakeTimeProvider(Estates.Now), FixturePath = path });
            using var http = new KylinHttp(kylin.Url);
            var discarded = http.Get("/kylin/api/jobs?time_filter=4&statuses=DISCARDED");
            var suicidal = http.Get("/kylin/api/jobs?time_filter=4&statuses=SUICIDAL");
            Assert.Multiple(() =>
            {
                Assert.That(discarded.Ids, Is.EqualTo(new[] { Estates.Id(6), Estates.Id(8) }));
                Assert.That(discarded.Data["value"]!.Select(j => (string?)j["job_status"]), Is.All.EqualTo("DISCARDED"));
                Assert.That(suicidal.Ids, Is.EqualTo(new[] { Estates.Id(6) }));
            });
        }
        finally
        {
            File.Delete(path);
        }
    }
}
