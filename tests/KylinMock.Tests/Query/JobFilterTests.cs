using KylinMock.Query;

namespace KylinMock.Tests.Query;

/// <summary>A filter's equality decides which list answers are shared, so every parameter must take part in it.</summary>
public class JobFilterTests
{
    [Test]
    public void Filters_WithEqualListsInOtherInstances_AreEqual()
    {
        var a = new JobFilter { Statuses = ["ERROR", "RUNNING"], JobNames = ["INDEX_BUILD"], Project = "p" };
        var b = new JobFilter { Statuses = new List<string> { "ERROR", "RUNNING" }, JobNames = new[] { "INDEX_BUILD" }, Project = "p" };
        Assert.Multiple(() =>
        {
            Assert.That(a, Is.EqualTo(b));
            Assert.That(a.GetHashCode(), Is.EqualTo(b.GetHashCode()));
        });
    }

    [Test]
    public void Filters_DifferingInAnyOneParameter_AreNotEqual()
    {
        foreach (var property in typeof(JobFilter).GetProperties().Where(p => p.CanWrite))
        {
            var changed = new JobFilter();
            object value = property.PropertyType switch
            {
                var t when t == typeof(int) => (int)property.GetValue(changed)! + 1,
                var t when t == typeof(bool) => !(bool)property.GetValue(changed)!,
                var t when t == typeof(string) => "changed",
                _ => new[] { "changed" },
            };
            property.SetValue(changed, value);
            Assert.That(changed, Is.Not.EqualTo(new JobFilter()), property.Name);
        }
    }
}
