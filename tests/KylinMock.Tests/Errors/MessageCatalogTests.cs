using KylinMock.Errors;

namespace KylinMock.Tests.Errors;

/// <summary>Kylin's message texts (Message.java, CnMessage.java, ErrorCodeProducer's bundles) and its Java formatting.</summary>
public sealed class MessageCatalogTests
{
    [Test]
    public void CodeMessage_IsCodeThenTheFormattedText_InTheRequestsLanguage()
    {
        // "%s: %s" of the code and its text, %s filled as Java's String.format fills it.
        var en = MessageCatalog.CodeMessage(ErrorCode.ProjectNotExist, Language.En, ["nope"]);
        var zh = MessageCatalog.CodeMessage(ErrorCode.ProjectNotExist, Language.Zh, ["nope"]);
        Assert.Multiple(() =>
        {
            Assert.That(en, Does.StartWith("KE-010001201: ").And.Contain("nope"));
            Assert.That(zh, Does.StartWith("KE-010001201: ").And.Contain("nope"));
            Assert.That(zh, Is.Not.EqualTo(en));
        });
    }

    [TestCase(0, "")]
    [TestCase(30, "30 seconds")]
    [TestCase(3_661, "1 hours 1 minutes 1 seconds")]
    [TestCase(86_400 * 3, "3 days")]
    public void FormatSeconds_LeavesOutZeroParts(long seconds, string text)
    {
        // Kylin's formatSeconds (UserLockRuleUtil's messages): "N days N hours N minutes N seconds", zero parts left out.
        Assert.That(MessageCatalog.FormatSeconds(seconds, zh: false), Is.EqualTo(text));
    }

    [Test]
    public void JavaFormat_MissingArgument_IsNull()
    {
        // String.format with fewer arguments would throw in Java; Kylin never calls it so, and the mock writes "null" rather than fail.
        Assert.That(MessageCatalog.JavaFormat("%s and %d", ["a"]), Is.EqualTo("a and null"));
    }
}
