using KylinMock.Jobs;

namespace KylinMock.Tests.Jobs;

/// <summary>A plan is a value: equal plans (a fixture reader keeps each once) compare equal, step durations item by item.</summary>
public class JobPlanTests
{
    [Test]
    public void Plans_WithEqualDurationsInOtherLists_AreEqual()
    {
        var a = JobPlan.Succeeds(1_000, 2_000, 3_000).FailingAt(1, message: "disk full");
        var b = JobPlan.Succeeds(1_000, 2_000, 3_000).FailingAt(1, message: "disk full");
        Assert.Multiple(() =>
        {
            Assert.That(a, Is.EqualTo(b));
            Assert.That(a.GetHashCode(), Is.EqualTo(b.GetHashCode()));
        });
    }

    [TestCase(2_000L, 3_001L)]
    [TestCase(2_000L)]
    public void Plans_WithOtherDurations_AreNotEqual(params long[] durations) =>
        Assert.That(JobPlan.Succeeds(1_000, durations), Is.Not.EqualTo(JobPlan.Succeeds(1_000, 2_000, 3_000)));

    [Test]
    public void Plans_FailingElsewhere_AreNotEqual() =>
        Assert.That(JobPlan.Succeeds(1_000, 2_000).FailingAt(0), Is.Not.EqualTo(JobPlan.Succeeds(1_000, 2_000).FailingAt(1)));
}
