using KylinMock.Fixtures;
using KylinMock.Jobs;
using KylinMock.Tests.Support;

namespace KylinMock.Tests.Generation;

/// <summary>Issue 23, item 14: the generated estate keeps the per-table rules the API enforces.</summary>
public class GeneratedEstateRulesTests
{
    // TableSamplingService discards an older unfinished sampling job of the table; SnapshotService refuses a second
    // blocking snapshot job of a table (KE-010032206): Kylin never holds two unfinished ones of a kind on one table.
    [TestCase(42, 500)]
    [TestCase(42, 20_000)]
    [TestCase(7, 20_000)]
    public void Item14_GeneratedEstate_HoldsAtMostOneUnfinishedSamplingOrSnapshotJobPerTable(int seed, int count)
    {
        var estate = JobGenerator.Generate(seed, count, Estates.Now);
        var crowded = estate.Jobs
            .Where(j => !j.State.IsFinal() && j.JobName.SubjectKind() is SubjectKind.Table or SubjectKind.Snapshot)
            .GroupBy(j => (j.JobName.SubjectKind(), j.Project, j.TargetModel))
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {g.Count()}")
            .ToList();
        Assert.That(crowded, Is.Empty);
    }
}
