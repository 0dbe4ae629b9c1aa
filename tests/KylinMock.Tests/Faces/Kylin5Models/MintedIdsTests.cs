using KylinMock.Models;
using KylinMock.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace KylinMock.Tests.Faces.Kylin5Models;

/// <summary>
/// Ids the API mints never repeat ids of the generated estate (issue 20, contract "Third pass" A; RandomUtil.randomUUIDStr
/// gives every job and segment a fresh version-4 UUID): a merge job's prefix is no model's uuid, so <c>key=</c> finds the right job.
/// </summary>
public class MintedIdsTests
{
    [Test]
    public void Merge_OnTheGeneratedEstate_MintsIdsNoEstateEntityHolds_AndKeyFindsOnlyThatJob()
    {
        using var kylin = KylinMockServer.Start(new KylinMockOptions { Clock = new FakeTimeProvider(Estates.Now) });
        using var http = new KylinHttp(kylin.Url);
        var projects = kylin.Jobs.Snapshot().Select(j => j.Project).Distinct().ToArray();
        var models = projects.SelectMany(p => kylin.Models.List(p).Select(m => (Project: p, Model: m))).ToArray();
        var modelIds = models.Select(m => m.Model.Uuid).ToArray();
        var segmentIds = models.SelectMany(m => kylin.Models.Segments(m.Model.Uuid).Select(r => r.Segment.Id)).ToArray();
        var jobPrefixes = kylin.Jobs.Snapshot().Select(j => j.Id[..36]).ToArray();
        var estate = modelIds.Concat(segmentIds).Concat(jobPrefixes).ToArray();

        // Two adjacent ONLINE segments of a model with the same indexes: a merge Kylin accepts.
        var (project, model, pair) = models.Select(m => (m.Project, m.Model, Pair: Mergeable(kylin.Models.Segments(m.Model.Uuid))))
            .First(m => m.Pair is not null);
        var merge = http.Send(HttpMethod.Put, $"/kylin/api/models/{model.Alias}/segments",
            $"{{\"project\":\"{project}\",\"type\":\"MERGE\",\"ids\":[\"{pair![0]}\",\"{pair[1]}\"]}}");
        Assert.That(merge.Status, Is.EqualTo(200), merge.Text);
        var jobId = (string)merge.Data["jobs"]![0]!["job_id"]!;
        var prefix = jobId[..36];
        var merged = kylin.Models.Segments(model.Uuid).Select(r => r.Segment.Id).Except(segmentIds).Single();
        var found = (JArray)http.Get($"/kylin/api/jobs?project={project}&time_filter=4&key={prefix}").Data["value"]!;
        Assert.Multiple(() =>
        {
            Assert.That(estate.Distinct().Count(), Is.EqualTo(estate.Length), "the generated estate repeats no id");
            Assert.That(estate, Does.Not.Contain(prefix));
            Assert.That(estate, Does.Not.Contain(merged));
            Assert.That(prefix, Does.Match("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
            Assert.That(jobId, Is.EqualTo(prefix + "-" + model.Uuid), "JobParam: <uuid>-<model uuid>");
            Assert.That(found.Select(j => (string?)j["id"]), Is.EqualTo(new[] { jobId }));
        });
    }

    private static string[]? Mergeable(IReadOnlyList<SegmentRow> rows)
    {
        for (var i = 0; i + 1 < rows.Count; i++)
        {
            var (a, b) = (rows[i].Segment, rows[i + 1].Segment);
            if (a.End == b.Start && a.End != Segment.InfiniteEnd && rows[i].StatusToDisplay == "ONLINE" && rows[i + 1].StatusToDisplay == "ONLINE"
                && a.Status == SegmentStatus.READY && b.Status == SegmentStatus.READY && a.IndexCount == b.IndexCount && a.IndexCount > 0)
            {
                return [a.Id, b.Id];
            }
        }

        return null;
    }
}
