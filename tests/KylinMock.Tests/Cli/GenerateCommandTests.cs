using KylinMock.Tests.Support;

namespace KylinMock.Tests.Cli;

/// <summary><c>kylin-mock generate</c> refusing what it cannot do, as a real process.</summary>
[NonParallelizable]
public class GenerateCommandTests
{
    // Issue 10, item 11: each of these crashed with an unhandled exception, a stack trace and exit 1.
    [TestCase("--now", "0001-01-01T00:00:00Z", "--out", "{tmp}/x.json", "--now: the reference time 0001-01-01T00:00:00Z is before 1972-01-01")]
    [TestCase("--now", "99999999999999999", "--out", "{tmp}/x.json", "--now \"99999999999999999\" is out of range")]
    [TestCase("--now", "2026-03-15T12:00:00Z", "--out", "/proc/nope/x.json", "--out /proc/nope/x.json cannot be written")]
    [TestCase("--now", "2026-03-15T12:00:00Z", "--out", "{tmp}", "is a directory")]
    public void Generate_BadNowOrUnwritableOut_IsOneLineWithExitCode2(string nowOption, string now, string outOption, string output, string message)
    {
        var tmp = Path.GetTempPath().TrimEnd('/');
        var (exit, text) = MockProcess.Run("generate", "--jobs", "3", nowOption, now, outOption, output.Replace("{tmp}", tmp, StringComparison.Ordinal));
        var problems = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith("kylin-mock: generated ", StringComparison.Ordinal)).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(problems, Has.Length.EqualTo(1), text);
            Assert.That(problems[0], Does.StartWith("kylin-mock: ").And.Contain(message));
            Assert.That(text, Does.Not.Contain("   at ").And.Not.Contain("Unhandled exception"));
        });
    }
}
