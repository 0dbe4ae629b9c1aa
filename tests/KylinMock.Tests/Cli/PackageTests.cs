using System.IO.Compression;
using System.Reflection.Metadata;
using System.Xml.Linq;
using KylinMock.Tests.Support;

namespace KylinMock.Tests.Cli;

/// <summary>
/// <c>dotnet pack KylinMock.sln</c> gives exactly the packages KylinMock, KylinMock.Sql (the SQL engine), KylinMock.Cli and KylinMock.Testcontainers, with one
/// version, complete metadata, the README and LICENSE, XML docs, symbols and CI-deterministic paths;
/// the tool installs from the packed feed and runs.
/// </summary>
[NonParallelizable]
public class PackageTests
{
    private string dir = string.Empty;
    private string feed = string.Empty;

    private static string Root => Path.GetFullPath(Path.Combine(TestContext.CurrentContext.TestDirectory, "..", "..", "..", "..", ".."));

    [OneTimeSetUp]
    public void Pack()
    {
        dir = Directory.CreateTempSubdirectory("kylinmock-pack-").FullName;
        feed = Path.Combine(dir, "feed");
        var pack = MockProcess.RunCommand(
            "env",
            ["CI=true", "dotnet", "pack", Path.Combine(Root, "KylinMock.sln"), "-c", "Release", "-o", feed, "--artifacts-path", Path.Combine(dir, "artifacts")],
            TimeSpan.FromMinutes(6));
        Assert.That(pack.ExitCode, Is.Zero, pack.Output);
    }

    [OneTimeTearDown]
    public void Clean() => Directory.Delete(dir, recursive: true);

    [Test]
    public void Pack_Solution_GivesTheLibraryTheToolAndTheTestcontainersModuleWithSymbols_AtOneVersion()
    {
        var version = VersionPrefix();
        Assert.That(Directory.GetFiles(feed).Select(Path.GetFileName), Is.EquivalentTo(new[]
        {
            $"KylinMock.{version}.nupkg", $"KylinMock.{version}.snupkg", $"KylinMock.Cli.{version}.nupkg", $"KylinMock.Cli.{version}.snupkg",
            $"KylinMock.Sql.{version}.nupkg", $"KylinMock.Sql.{version}.snupkg",
            $"KylinMock.Testcontainers.{version}.nupkg", $"KylinMock.Testcontainers.{version}.snupkg",
        }));
    }

    [TestCase("KylinMock")]
    [TestCase("KylinMock.Sql")]
    [TestCase("KylinMock.Cli")]
    [TestCase("KylinMock.Testcontainers")]
    public void Package_Metadata_IsComplete(string id)
    {
        using var package = ZipFile.OpenRead(Path.Combine(feed, $"{id}.{VersionPrefix()}.nupkg"));
        var metadata = Nuspec(package);
        string? Field(string name) => metadata.Element(metadata.Name.Namespace + name)?.Value;
        Assert.Multiple(() =>
        {
            Assert.That(Field("id"), Is.EqualTo(id));
            Assert.That(Field("version"), Is.EqualTo(VersionPrefix()));
            Assert.That(Field("description"), Does.Contain("Apache Kylin"));
            Assert.That(Field("tags"), Does.Contain("kylin").And.Contain("mock"));
            Assert.That(Field("license"), Is.EqualTo("Apache-2.0"));
            Assert.That(Field("readme"), Is.EqualTo("README.md"));
            Assert.That(Field("authors"), Is.Not.Empty);
            Assert.That(package.GetEntry("README.md"), Is.Not.Null);
            Assert.That(package.GetEntry("LICENSE"), Is.Not.Null);
        });
    }

    [Test]
    public void Library_DependsOnlyOnThirdPartyPackages_AndCarriesXmlDocs()
    {
        using var package = ZipFile.OpenRead(Path.Combine(feed, $"KylinMock.{VersionPrefix()}.nupkg"));
        var dependencies = Nuspec(package).Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => (string)e.Attribute("id")!);
        Assert.Multiple(() =>
        {
            Assert.That(dependencies, Is.EquivalentTo(new[] { "WireMock.Net.Minimal", "Bogus", "Newtonsoft.Json", "Microsoft.Extensions.TimeProvider.Testing" }));
            Assert.That(package.GetEntry("lib/net10.0/KylinMock.xml"), Is.Not.Null);
        });
    }

    // Issue 24: the module needs only Testcontainers (it talks to the mock over HTTP, not through the library).
    [Test]
    public void TestcontainersModule_DependsOnlyOnTestcontainers_AndCarriesXmlDocs()
    {
        using var package = ZipFile.OpenRead(Path.Combine(feed, $"KylinMock.Testcontainers.{VersionPrefix()}.nupkg"));
        var dependencies = Nuspec(package).Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => (string)e.Attribute("id")!);
        Assert.Multiple(() =>
        {
            Assert.That(dependencies, Is.EquivalentTo(new[] { "Testcontainers" }));
            Assert.That(package.GetEntry("lib/net10.0/KylinMock.Testcontainers.xml"), Is.Not.Null);
        });
    }

    [Test]
    public void Tool_CarriesTheLibraryInside_AndDependsOnNoPackage()
    {
        using var package = ZipFile.OpenRead(Path.Combine(feed, $"KylinMock.Cli.{VersionPrefix()}.nupkg"));
        Assert.Multiple(() =>
        {
            Assert.That(Nuspec(package).Descendants().Where(e => e.Name.LocalName == "dependency"), Is.Empty);
            Assert.That(package.GetEntry("tools/net10.0/any/KylinMock.dll"), Is.Not.Null);
            Assert.That(package.GetEntry("tools/net10.0/any/KylinMock.Sql.dll"), Is.Not.Null, "the standalone mock answers SQL");
        });
    }

    [Test]
    public void Symbols_BuiltUnderCi_NameSourcesByTheMappedRoot()
    {
        using var symbols = ZipFile.OpenRead(Path.Combine(feed, $"KylinMock.{VersionPrefix()}.snupkg"));
        using var pdb = new MemoryStream();
        using (var entry = symbols.GetEntry("lib/net10.0/KylinMock.pdb")!.Open())
        {
            entry.CopyTo(pdb);
        }

        pdb.Position = 0;
        using var provider = MetadataReaderProvider.FromPortablePdbStream(pdb);
        var reader = provider.GetMetadataReader();
        var documents = reader.Documents.Select(d => reader.GetString(reader.GetDocument(d).Name)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(documents, Has.Some.StartWith("/_/src/KylinMock/"), "ContinuousIntegrationBuild maps the source root to /_/");
            Assert.That(documents, Has.None.StartWith(Root), "no path of this machine's checkout is recorded");
        });
    }

    [Test]
    public void Pack_ThenInstall_GivesAKylinMockCommandThatServes()
    {
        var tools = Path.Combine(dir, "tools");
        var install = MockProcess.RunCommand(
            "dotnet",
            ["tool", "install", "KylinMock.Cli", "--tool-path", tools, "--add-source", feed, "--version", VersionPrefix()],
            TimeSpan.FromMinutes(3));
        Assert.That(install.ExitCode, Is.Zero, install.Output);

        var help = MockProcess.RunCommand(Path.Combine(tools, "kylin-mock"), ["serve", "--help"], TimeSpan.FromMinutes(1));
        Assert.Multiple(() =>
        {
            Assert.That(help.ExitCode, Is.Zero, help.Output);
            Assert.That(help.Output, Does.Contain("kylin-mock serve").And.Contain("--max-page-size"));
        });
    }

    private static string VersionPrefix() =>
        XDocument.Load(Path.Combine(Root, "Directory.Build.props")).Descendants("VersionPrefix").Single().Value;

    private static XElement Nuspec(ZipArchive package)
    {
        using var stream = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        return XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }
}
