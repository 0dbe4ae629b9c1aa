using KylinMock.Models;
using KylinMock.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;
using static KylinMock.Tests.Support.ModelEstates;

namespace KylinMock.Tests.Faces.Kylin5Models;

/// <summary>Issue 23, items 2, 3 and 7: the ids the API mints, a refresh naming a segment twice, a merge's index sets.</summary>
public class BuildPathTests : ModelEstateTest
{
    private const string Segments = "/kylin/api/models/kylin_sales_model/segments";

    [Test]
    public void Item02_SamplingThen324DailyBuildsOnAFreshDefaultServer_AllBuild_WithIdsTheEstateDoesNotHold()
    {
        using var kylin = KylinMockServer.Start(new KylinMockOptions { Port = 0, Clock = new FakeTimeProvider(Estates.Now) });
        using var http = new KylinHttp(kylin.Url);
        var estate = JObject.Parse(http.Send(HttpMethod.Get, "/__kylinmock/models", authorization: null, accept: "application/json").Text);
        var project = ((JObject)estate["tables"]!).Properties().Select(p => p.Name).First(p => kylin.Models.Find(p, "ORDERS_MODEL") is not null);
        var uuid = kylin.Models.Find(project, "ORDERS_MODEL")!.Uuid;
        var firstTable = estate["tables"]![project]![0]!;
        var table = (string)firstTable["table_SCHEM"]! + "." + (string)firstTable["table_NAME"]!;
        var taken = kylin.Jobs.Snapshot().Select(j => j.Id[..36])
            .Concat(((JObject)estate["segments"]!).Properties().SelectMany(p => p.Value.Select(s => (string)s["id"]!))).ToHashSet();
        var from = (kylin.Models.Segments(uuid).Select(r => r.Segment.End).Where(e => e < Segment.InfiniteEnd).DefaultIfEmpty(T).Max() / Day * Day) + Day;

        Assert.That(http.Send(HttpMethod.Post, "/kylin/api/tables/sampling_jobs", $"{{\"project\":\"{project}\",\"qualified_table_name\":\"{table}\",\"rows\":20000}}").Status, Is.EqualTo(200));
        var failures = new List<string>();
        for (var day = 0; day < 324; day++)
        {
            var start = from + (day * Day);
            var answer = http.Send(HttpMethod.Post, "/kylin/api/models/ORDERS_MODEL/segments", $"{{\"project\":\"{project}\",\"start\":\"{start}\",\"end\":\"{start + Day}\"}}");
            if (answer.Status != 200)
            {
                failures.Add($"day {day}: {answer.Text}");
            }
        }

        var minted = kylin.Jobs.Snapshot().Where(j => !taken.Contains(j.Id[..36])).ToList();
        var segmentIds = kylin.Models.Segments(uuid).Select(r => r.Segment.Id).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(failures, Is.Empty);
            Assert.That(minted, Has.Count.EqualTo(325), "every new job has an id the estate does not hold");
            Assert.That(segmentIds.Distinct().Count(), Is.EqualTo(segmentIds.Count));
            Assert.That(minted.Select(j => j.Id[..36]), Has.All.Match("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
            Assert.That(kylin.Models.Segments(uuid).Select(r => r.Segment.Id).Where(id => !taken.Contains(id)).Count(), Is.EqualTo(324));
        });
    }

    [Test]
    public void Item02_Reset_RewindsTheIdStream()
    {
        using var kylin = StartWithModelInEstate();
        using var http = new KylinHttp(kylin.Url);
        var first = BuildDay(kylin, http, 5);
        kylin.Reset();
        Assert.That(BuildDay(kylin, http, 5), Is.EqualTo(first));
    }

    [Test]
    public void Item02_RefusedRequests_ConsumeNoIds()
    {
        using var kylin = StartWithModelInEstate();
        using var http = new KylinHttp(kylin.Url);
        _ = BuildDay(kylin, http, 1);
        var refused = http.Send(HttpMethod.Post, Segments, $"{{\"project\":\"learn_kylin\",\"start\":\"{T + Day}\",\"end\":\"{T + (2 * Day)}\"}}");
        var refreshRefused = http.Send(HttpMethod.Put, Segments, "{\"project\":\"learn_kylin\",\"type\":\"REFRESH\",\"ids\":[\"nope\"]}");
        var after = BuildDay(kylin, http, 5);
        kylin.Reset();
        _ = BuildDay(kylin, http, 1);
        Assert.Multiple(() =>
        {
            Assert.That((refused.Status, refreshRefused.Status), Is.EqualTo((500, 500)));
            Assert.That(BuildDay(kylin, http, 5), Is.EqualTo(after));
        });
    }

    [Test]
    public void Item03_RefreshNamingASegmentTwice_IsKE010032206_AndChangesNothing()
    {
        // refreshSegmentById submits one refresh after another in one transaction: the second meets the first's job.
        var before = Kylin.Jobs.Count;
        var answer = Http.Send(HttpMethod.Put, Segments, "{\"project\":\"learn_kylin\",\"type\":\"REFRESH\",\"ids\":[\"seg-1\",\"seg-1\"]}");
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(500));
            Assert.That((string?)answer.Json["msg"], Does.StartWith("KE-010032206: Can't submit the job at the moment"));
            Assert.That(Kylin.Jobs.Count, Is.EqualTo(before));
            Assert.That(Kylin.Models.Segments(Partitioned), Has.Count.EqualTo(3));
        });
    }

    [Test]
    public void Item03_RefreshNamingASegment20000Times_IsRefusedWhole_AndLeavesNoJobs()
    {
        var before = Kylin.Jobs.Count;
        var ids = string.Join(',', Enumerable.Repeat("\"seg-2\"", 20_000));
        var answer = Http.Send(HttpMethod.Put, Segments, "{\"project\":\"learn_kylin\",\"type\":\"REFRESH\",\"ids\":[" + ids + "]}");
        Assert.Multiple(() =>
        {
            Assert.That((string?)answer.Json["msg"], Does.StartWith("KE-010032206"));
            Assert.That(Kylin.Jobs.Count, Is.EqualTo(before));
            Assert.That(Http.Get("/__kylinmock/health", authorization: null, accept: "application/json").Status, Is.EqualTo(200));
        });
    }

    [Test]
    public void Item07_MergeOfSegmentsWithDifferentIndexSets_IsKE010032207()
    {
        Kylin.Models.Add(Model("5d0a2f6c-0000-4000-8000-0000000000dd", "merge_model", partitioned: true),
            [Seg("5d0a2f6c-0000-4000-8000-0000000000dd", "m-1", T, T + Day) with { IndexCount = 32 }, Seg("5d0a2f6c-0000-4000-8000-0000000000dd", "m-2", T + Day, T + (2 * Day)) with { IndexCount = 0 }]);
        var answer = Http.Send(HttpMethod.Put, "/kylin/api/models/merge_model/segments", "{\"project\":\"learn_kylin\",\"type\":\"MERGE\",\"ids\":[\"m-1\",\"m-2\"]}");
        Assert.Multiple(() =>
        {
            Assert.That((string?)answer.Json["msg"], Is.EqualTo("KE-010032207: Can't submit the job, as the indexes are not identical in the selected segments. Please check and try again."));
            Assert.That(Kylin.Models.Segments("5d0a2f6c-0000-4000-8000-0000000000dd"), Has.Count.EqualTo(2));
        });
    }

    [Test]
    public void Item07_MergeOfTwoSegmentsWithoutIndexes_IsKE010032204()
    {
        Kylin.Models.Add(Model("5d0a2f6c-0000-4000-8000-0000000000dd", "merge_model", partitioned: true),
            [Seg("5d0a2f6c-0000-4000-8000-0000000000dd", "m-1", T, T + Day) with { IndexCount = 0 }, Seg("5d0a2f6c-0000-4000-8000-0000000000dd", "m-2", T + Day, T + (2 * Day)) with { IndexCount = 0 }]);
        var answer = Http.Send(HttpMethod.Put, "/kylin/api/models/merge_model/segments", "{\"project\":\"learn_kylin\",\"type\":\"MERGE\",\"ids\":[\"m-1\",\"m-2\"]}");
        Assert.That((string?)answer.Json["msg"], Is.EqualTo("KE-010032204: Can't find executable jobs at the moment. Please try again later."));
    }

    // The job id and the segment id of a build of day T+day.
    private static (string Job, string Segment) BuildDay(KylinMockServer kylin, KylinHttp http, int day)
    {
        var start = T + (day * Day);
        var answer = http.Send(HttpMethod.Post, Segments, $"{{\"project\":\"learn_kylin\",\"start\":\"{start}\",\"end\":\"{start + Day}\"}}");
        Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
        var job = (string)answer.Data["jobs"]![0]!["job_id"]!;
        return (job, kylin.Jobs.Find(job)!.TargetSegments.Single());
    }

    // The partitioned model in the loaded estate, so a reset keeps it.
    private static KylinMockServer StartWithModelInEstate() => KylinMockServer.Start(new KylinMockOptions
    {
        Clock = new FakeTimeProvider(Estates.Now),
        Estate = new KylinMock.Jobs.Estate([new KylinMock.Jobs.Project(Project)], [])
        {
            Models = new ModelEstate(Tables, [Model(Partitioned, "kylin_sales_model", partitioned: true)], []),
        },
    });
}
