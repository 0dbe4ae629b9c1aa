using KylinMock.Control;

namespace KylinMock.Tests.Faults;

/// <summary>The armed faults: what a request matches, how a rule counts down its times, and that nothing armed means nothing hits.</summary>
public sealed class FaultListTests
{
    private static FaultList Empty() => new(new object());

    [Test]
    public void Match_NothingArmed_IsNull()
    {
        Assert.That(Empty().Match("GET", "/kylin/api/jobs"), Is.Null);
    }

    [Test]
    public void Match_RuleWithTimes_HitsThatManyTimesThenDisarmsItself()
    {
        var faults = Empty();
        faults.Add(new FaultRule { Kind = FaultKind.Error, ErrorCode = "KE-010032219", Method = "GET", PathPrefix = "/kylin/api/jobs", Times = 2 });
        var hits = Enumerable.Range(0, 4).Select(_ => faults.Match("get", "/kylin/api/jobs/x") is not null).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(hits, Is.EqualTo(new[] { true, true, false, false }));
            Assert.That(faults.List(), Is.Empty);
        });
    }

    [Test]
    public void Match_OtherMethodOrPath_IsNotHit()
    {
        var faults = Empty();
        faults.Add(new FaultRule { Kind = FaultKind.Delay, DelayMs = 10, Method = "PUT", PathPrefix = "/kylin/api/jobs/status" });
        Assert.Multiple(() =>
        {
            Assert.That(faults.Match("GET", "/kylin/api/jobs/status"), Is.Null);
            Assert.That(faults.Match("PUT", "/kylin/api/models"), Is.Null);
            Assert.That(faults.Match("PUT", "/kylin/api/jobs/status")?.Kind, Is.EqualTo(FaultKind.Delay));
        });
    }

    [Test]
    public void RemoveAndClear_DisarmRules_SoRequestsSeeNoneAgain()
    {
        var faults = Empty();
        var one = faults.Add(new FaultRule { Kind = FaultKind.Error, ErrorCode = "KE-010001201" });
        faults.Add(new FaultRule { Kind = FaultKind.Drop, PathPrefix = "/kylin/api/models" });
        Assert.That(faults.Remove(one.Id), Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(faults.Match("GET", "/kylin/api/jobs"), Is.Null);
            Assert.That(faults.Match("GET", "/kylin/api/models")?.Kind, Is.EqualTo(FaultKind.Drop));
        });
        faults.Clear();
        Assert.That(faults.Match("GET", "/kylin/api/models"), Is.Null);
    }
}
