namespace KylinMock.Tests;

/// <summary>
/// The docs quote the tested files verbatim, and the README quotes runs of their lines, so every example a
/// reader copies is one CI runs.
/// </summary>
public class ReadmeQuotesTests
{
    private static string Root => Path.GetFullPath(Path.Combine(TestContext.CurrentContext.TestDirectory, "..", "..", "..", "..", ".."));

    [TestCase("docs/embedding.md", "tests/Consumers/NUnitConsumer/BuildMonitorTests.cs", "csharp")]
    [TestCase("docs/clients.md", "tests/Clients/python/conftest.py", "python")]
    [TestCase("docs/clients.md", "tests/Clients/python/test_build_retry.py", "python")]
    [TestCase("docs/clients.md", "tests/Clients/node/build-retry.test.mjs", "js")]
    [TestCase("docs/container.md", "tests/Consumers/TestcontainersConsumer/BuildFollowerTests.cs", "csharp")]
    [TestCase("docs/query.md", "tests/KylinMock.Tests/Sql/QueryExampleTests.cs", "csharp")]
    [TestCase("docs/query.md", "tests/Clients/python/test_query.py", "python")]
    [TestCase("docs/container.md", "tests/Clients/python-docker/kylinmock_container.py", "python")]
    [TestCase("docs/container.md", "tests/Clients/python-docker/test_container_build.py", "python")]
    [TestCase("docs/container.md", "tests/Clients/node-testcontainers/build.test.mjs", "js")]
    [TestCase("docs/kylin4.md", "tests/Clients/python/test_kylin4_clients.py", "python")]
    public void Docs_QuoteTheTestedFile_Verbatim(string doc, string file, string language)
    {
        var text = Read(doc);
        Assert.That(text, Does.Contain($"```{language}\n{Read(file)}```"));
    }

    [TestCase("tests/Consumers/NUnitConsumer/BuildMonitorTests.cs", "csharp")]
    [TestCase("tests/Clients/python/test_build_retry.py", "python")]
    [TestCase("tests/Clients/node/build-retry.test.mjs", "js")]
    public void Readme_QuotesLinesOfTheTestedFile_InOrder(string file, string language)
    {
        var blocks = CodeBlocks(Read("README.md"), language);
        Assert.That(blocks, Has.Count.EqualTo(1), $"one {language} example in the README");

        // A line that is only an elision mark ("// ...", "# ...") separates runs of whole lines of the file.
        var source = "\n" + Read(file);
        var at = 0;
        var quoted = 0;
        foreach (var run in Runs(blocks[0]))
        {
            var found = source.IndexOf("\n" + run, at, StringComparison.Ordinal);
            Assert.That(found, Is.GreaterThanOrEqualTo(0), $"the README's lines are not, in this order, lines of {file}:\n{run}");
            at = found + run.Length;
            quoted += run.Count(c => c == '\n');
        }
        Assert.That(quoted, Is.GreaterThanOrEqualTo(10), "the example is a real one, not a line or two");
    }

    private static string Read(string path) => File.ReadAllText(Path.Combine(Root, path)).ReplaceLineEndings("\n");

    private static List<string> CodeBlocks(string markdown, string language)
    {
        var blocks = new List<string>();
        var open = $"```{language}\n";
        for (var start = markdown.IndexOf(open, StringComparison.Ordinal); start >= 0; start = markdown.IndexOf(open, start, StringComparison.Ordinal))
        {
            start += open.Length;
            var end = markdown.IndexOf("```", start, StringComparison.Ordinal);
            blocks.Add(markdown[start..end]);
            start = end;
        }
        return blocks;
    }

    private static IEnumerable<string> Runs(string block)
    {
        var run = new System.Text.StringBuilder();
        foreach (var line in block.Split('\n')[..^1])
        {
            if (line.Trim() is "// ..." or "# ...")
            {
                yield return run.ToString();
                run.Clear();
                continue;
            }
            run.Append(line).Append('\n');
        }
        yield return run.ToString();
    }
}
