using KylinMock.Jobs;
using KylinMock.Models;
using KylinMock.Tests.Support;

namespace KylinMock.Tests.Models;

/// <summary>status_to_display (src/core-job/.../job/common/SegmentUtil.getSegmentStatusToDisplay) and the model's shown status.</summary>
public class SegmentDisplayTests
{
    private const string M = "m";
    private const long Day = ModelEstates.Day;

    private static Segment Seg(string id, long start, long end, SegmentStatus status = SegmentStatus.READY) => ModelEstates.Seg(M, id, start, end, status);

    private static Job JobOn(JobType type, ExecutableState state, params string[] segments) => new()
    {
        Id = "j-" + type + state,
        Project = "p",
        JobName = type,
        TargetModel = M,
        TargetSegments = segments,
        State = state,
    };

    // The model's segments in range order, as the catalog keeps them; every status is worked out in one pass.
    private static string Shown(Segment s, IReadOnlyList<Segment> all, params Job[] jobs)
    {
        var sorted = all.OrderBy(x => x.Start).ThenBy(x => x.End).ToList();
        return SegmentDisplay.StatusesToDisplay(sorted, jobs)[sorted.IndexOf(s)];
    }

    [Test]
    public void NewSegment_CoveredByAnother_IsRefreshing_AndTheOldOneLocked()
    {
        var old = Seg("a", 0, Day);
        var copy = Seg("b", 0, Day, SegmentStatus.NEW);
        Assert.Multiple(() =>
        {
            Assert.That(Shown(copy, [old, copy]), Is.EqualTo("REFRESHING"));
            Assert.That(Shown(old, [old, copy]), Is.EqualTo("LOCKED"));
        });
    }

    [Test]
    public void NewSegment_SpanningSeveral_IsMerging_UnlessAnUnfinishedIncBuildTargetsIt()
    {
        var a = Seg("a", 0, Day);
        var b = Seg("b", Day, 2 * Day);
        var merged = Seg("m", 0, 2 * Day, SegmentStatus.NEW);
        Assert.Multiple(() =>
        {
            Assert.That(Shown(merged, [a, merged, b]), Is.EqualTo("MERGING"));
            Assert.That(Shown(merged, [a, merged, b], JobOn(JobType.INC_BUILD, ExecutableState.ERROR, "m")), Is.EqualTo("LOADING"), "an ERROR job still counts (not final)");
            Assert.That(Shown(merged, [a, merged, b], JobOn(JobType.INC_BUILD, ExecutableState.SUCCEED, "m")), Is.EqualTo("MERGING"), "a finished one does not");
        });
    }

    [Test]
    public void NewSegment_Alone_IsLoading()
    {
        var seg = Seg("a", 0, Day, SegmentStatus.NEW);
        Assert.That(Shown(seg, [seg]), Is.EqualTo("LOADING"));
    }

    [Test]
    public void ReadySegment_UnderAnUnfinishedIndexBuild_IsLoading_ElseOnlineOrWarning()
    {
        var seg = Seg("a", 0, Day);
        var warning = Seg("w", Day, 2 * Day, SegmentStatus.WARNING);
        Assert.Multiple(() =>
        {
            Assert.That(Shown(seg, [seg], JobOn(JobType.INDEX_BUILD, ExecutableState.RUNNING, "a")), Is.EqualTo("LOADING"));
            Assert.That(Shown(seg, [seg], JobOn(JobType.INDEX_BUILD, ExecutableState.DISCARDED, "a")), Is.EqualTo("ONLINE"));
            Assert.That(Shown(warning, [seg, warning]), Is.EqualTo("WARNING"));
        });
    }

    [Test]
    public void Model_OnlineWithAHoleOrMissingIndexes_IsShownWarning()
    {
        // ModelService.convertModelStatusToDisplay.
        var model = ModelEstates.Model(M, "m", partitioned: true);
        Assert.Multiple(() =>
        {
            Assert.That(ModelDisplay.Status(model, [Seg("a", 0, Day), Seg("b", Day, 2 * Day)]), Is.EqualTo(ModelStatus.ONLINE));
            Assert.That(ModelDisplay.Status(model, [Seg("a", 0, Day), Seg("b", 2 * Day, 3 * Day)]), Is.EqualTo(ModelStatus.WARNING));
            Assert.That(ModelDisplay.Status(model with { TotalIndexes = 5 }, [Seg("a", 0, Day)]), Is.EqualTo(ModelStatus.WARNING));
            Assert.That(ModelDisplay.Status(model with { Broken = true }, []), Is.EqualTo(ModelStatus.BROKEN));
            Assert.That(ModelDisplay.Status(model with { StoredStatus = ModelStatus.OFFLINE }, []), Is.EqualTo(ModelStatus.OFFLINE));
        });
    }

    [Test]
    public void ExpansionRate_AsKylinWritesIt()
    {
        Assert.That((ModelDisplay.ExpansionRate(0, 5), ModelDisplay.ExpansionRate(5, 0), ModelDisplay.ExpansionRate(1, 3)), Is.EqualTo(("0", "-1", "33.33")));
    }

    [Test]
    public void SqlType_MapsKylinDatatypesToCalcite()
    {
        Assert.Multiple(() =>
        {
            Assert.That(SqlType.Of("decimal(19,4)"), Is.EqualTo(new SqlType(3, "DECIMAL", 19, 4)));
            Assert.That(SqlType.Of("varchar(100)"), Is.EqualTo(new SqlType(12, "VARCHAR", 100, 0)));
            Assert.That(SqlType.Of("bigint"), Is.EqualTo(new SqlType(-5, "BIGINT", -1, 0)));
            Assert.That(SqlType.Of("date"), Is.EqualTo(new SqlType(91, "DATE", -1, 0)));
        });
    }

    [Test]
    public void CutPage_IsAPageIndex_PastTheEndEmpty()
    {
        Assert.Multiple(() =>
        {
            Assert.That(PagingUtil.CutPage([1, 2, 3, 4, 5], 1, 2), Is.EqualTo(new[] { 3, 4 }));
            Assert.That(PagingUtil.CutPage([1, 2, 3], 5, 2), Is.Empty);
        });
    }
}
