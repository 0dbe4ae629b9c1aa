using KylinMock.Fixtures;
using KylinMock.Jobs;
using KylinMock.Models;

namespace KylinMock.Tests.Generation;

/// <summary>The generated estate's models and segments agree with its jobs (build contract §0, §1, §7).</summary>
public class GeneratedEstateTests
{
    private static readonly DateTimeOffset Reference = new(2025, 3, 14, 9, 26, 53, 417, TimeSpan.Zero);
    private static readonly Lazy<Estate> Estate = new(() => JobGenerator.Generate(20250314, 5_000, Reference));

    private static ModelEstate Models => Estate.Value.Models!;

    [Test]
    public void Generate_EveryJobsTargets_AgreeWithTheSegments()
    {
        var segments = Models.Segments.ToDictionary(s => s.Id);
        var models = Models.Models.ToDictionary(m => m.Uuid);
        var newTargets = new Dictionary<string, string>();
        Assert.Multiple(() =>
        {
            foreach (var job in Estate.Value.Jobs.Where(j => j.JobName.SubjectKind() == SubjectKind.Model))
            {
                if (job.SubjectHealth == SubjectHealth.ModelDeleted)
                {
                    Assert.That(models, Does.Not.ContainKey(job.TargetModel), job.Id);
                    continue;
                }

                var model = models[job.TargetModel];
                var found = job.TargetSegments.Where(segments.ContainsKey).Select(id => segments[id]).ToList();
                var makes = job.JobName is JobType.INC_BUILD or JobType.INDEX_REFRESH or JobType.INDEX_MERGE;
                Assert.That(found.Select(s => s.ModelUuid), Has.All.EqualTo(model.Uuid), job.Id);
                if (!job.State.IsFinal())
                {
                    // A blocking job's segments exist: builds, refreshes and merges target a NEW one of their own, index builds READY ones.
                    Assert.That(found, Has.Count.EqualTo(job.TargetSegments.Count), job.Id);
                    Assert.That(found.Select(s => s.Status), makes ? Has.All.EqualTo(SegmentStatus.NEW) : Has.None.EqualTo(SegmentStatus.NEW), job.Id);
                    foreach (var s in found)
                    {
                        Assert.That(newTargets.TryAdd(s.Id, job.Id), Is.True, $"{job.Id} shares {s.Id} with {newTargets.GetValueOrDefault(s.Id)}");
                    }
                }
                else if (job.State == ExecutableState.SUCCEED)
                {
                    // A finished job made the READY segments it names, if they still exist.
                    Assert.That(found.Select(s => s.Status), Has.None.EqualTo(SegmentStatus.NEW), job.Id);
                }
                else if (makes)
                {
                    // Kylin removes a discarded build's, refresh's or merge's segment (NSparkCubingJob.cancelJob).
                    Assert.That(found, Is.Empty, job.Id);
                }

                if (found.Count > 0)
                {
                    Assert.That((job.DataRangeStart, job.DataRangeEnd), Is.EqualTo((found.Min(s => s.Start), found.Max(s => s.End))), job.Id);
                }

                Assert.That(job.SubjectHealth, Is.EqualTo(model.Broken ? SubjectHealth.ModelBroken : SubjectHealth.Healthy), job.Id);
            }

            // Every NEW segment is some unfinished job's.
            Assert.That(Models.Segments.Where(s => s.Status == SegmentStatus.NEW).Select(s => s.Id), Is.SubsetOf(newTargets.Keys));
        });
    }

    [Test]
    public void Generate_Segments_AreContiguousDaysForPartitionedModels_AndOneFullBuildOtherwise()
    {
        Assert.Multiple(() =>
        {
            foreach (var model in Models.Models)
            {
                var built = Models.Segments.Where(s => s.ModelUuid == model.Uuid && s.Status != SegmentStatus.NEW).OrderBy(s => s.Start).ToList();
                if (model.PartitionDesc is null)
                {
                    Assert.That(built, Has.Count.LessThanOrEqualTo(1), model.Alias);
                    Assert.That(built.Select(s => (s.Name, s.Start, s.End)), Has.All.EqualTo(("FULL_BUILD", 0L, long.MaxValue)), model.Alias);
                    continue;
                }

                for (var i = 1; i < built.Count; i++)
                {
                    Assert.That(built[i].Start, Is.EqualTo(built[i - 1].End), model.Alias);
                }
            }

            Assert.That(Models.Models, Has.Some.Matches<DataModel>(m => m.PartitionDesc is null));
            Assert.That(Models.Models, Has.Some.Matches<DataModel>(m => m.StoredStatus == ModelStatus.OFFLINE && !Models.Segments.Any(s => s.ModelUuid == m.Uuid && s.Status != SegmentStatus.NEW)));
            Assert.That(Models.Models, Has.Some.Matches<DataModel>(m => m.Broken));
            Assert.That(Models.Segments, Has.Some.Matches<Segment>(s => s.Merged));
        });
    }

    [Test]
    public void Generate_SegmentsShownStatus_CoversLoadingRefreshingMergingLockedAndOnline()
    {
        var jobs = Estate.Value.Jobs.GroupBy(j => j.TargetModel).ToDictionary(g => g.Key, g => (IReadOnlyList<Job>)g.ToList());
        var shown = Models.Models.SelectMany(m =>
        {
            var segments = Models.Segments.Where(s => s.ModelUuid == m.Uuid).OrderBy(s => s.Start).ThenBy(s => s.End).ToList();
            return SegmentDisplay.StatusesToDisplay(segments, jobs.GetValueOrDefault(m.Uuid, []));
        }).Distinct();
        Assert.That(shown, Is.SupersetOf(new[] { "ONLINE", "LOADING", "REFRESHING", "MERGING", "LOCKED" }));
    }
}
