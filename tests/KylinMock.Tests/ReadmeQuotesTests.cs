namespace KylinMock.Tests;

/// <summary>The README quotes the tested files verbatim, so its examples are the ones CI runs.</summary>
public class ReadmeQuotesTests
{
    private static string Root => Path.GetFullPath(Path.Combine(TestContext.CurrentContext.TestDirectory, "..", "..", "..", "..", ".."));

    [TestCase("tests/Consumers/NUnitConsumer/BuildMonitorTests.cs", "csharp")]
    [TestCase("tests/Clients/python/conftest.py", "python")]
    [TestCase("tests/Clients/python/test_build_retry.py", "python")]
    [TestCase("tests/Clients/node/build-retry.test.mjs", "js")]
    public void Readme_QuotesTheTestedFile_Verbatim(string file, string language)
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md")).ReplaceLineEndings("\n");
        var text = File.ReadAllText(Path.Combine(Root, file)).ReplaceLineEndings("\n");
        Assert.That(readme, Does.Contain($"```{language}\n{text}```"));
    }
}
