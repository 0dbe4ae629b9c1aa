using KylinMock.Sql;
using KylinMock.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace KylinMock.Tests.Sql;

/// <summary>The rows the engine generates for a generated estate: from the seed, typed as Kylin reports the columns, keys that join.</summary>
public sealed class GeneratedRowsTests
{
    private static KylinMockServer Start(long factRows = 200) => KylinMockServer.Start(new KylinMockOptions
    {
        Clock = new FakeTimeProvider(Estates.Now),
        JobCount = 20,
        SqlEngine = new DuckDbSqlEngine { FactRows = factRows, LookupRows = 50 },
    });

    [Test]
    public void Rows_SameSeed_AreTheSameCellForCell()
    {
        // design.md: Bogus seeded locally; the same seed gives the same rows on every machine.
        using var one = Start();
        using var two = Start();
        var project = one.Jobs.Projects()[0].Name;
        var model = one.Models.List(project).First();
        Assert.That(one.Rows.Read(project, model.FactTable), Is.EqualTo(two.Rows.Read(project, model.FactTable)));
    }

    [Test]
    public void Rows_EveryTable_GetsItsRowCountAndTypedCells()
    {
        // Fact tables of a model get FactRows, others LookupRows; dates read yyyy-MM-dd, decimals keep their scale.
        using var kylin = Start();
        var project = kylin.Jobs.Projects()[0].Name;
        var facts = kylin.Models.List(project).Select(m => m.FactTable).ToHashSet(StringComparer.OrdinalIgnoreCase);
        using var http = new KylinHttp(kylin.Url);
        var tables = http.Get($"/kylin/api/query/tables_and_columns?project={project}").Data!.Select(t => (string)t["table_SCHEM"]! + "." + (string)t["table_NAME"]!).ToList();
        Assert.That(tables, Is.Not.Empty);
        foreach (var table in tables)
        {
            var rows = kylin.Rows.Read(project, table);
            Assert.That(rows, Has.Count.EqualTo(facts.Contains(table) ? 200 : 50), table);
            Assert.That(rows[0][6], Does.Match(@"^\d{4}-\d{2}-\d{2}$"), table + " PART_DT");
            Assert.That(rows[0][7], Does.Match(@"^\d+\.\d{4}$"), table + " AMOUNT decimal(19,4)");
        }
    }

    [Test]
    public void Rows_ForeignKeys_JoinTheirLookups()
    {
        // A model's join (FK -> lookup ID) finds a lookup row for every fact row.
        using var kylin = Start();
        var (project, model) = kylin.Jobs.Projects().SelectMany(p => kylin.Models.List(p.Name).Select(m => (p.Name, m))).First(x => x.m.Lookups.Count > 0);
        var join = model.Lookups[0];
        var fkColumn = join.ForeignKey[0][(join.ForeignKey[0].IndexOf('.') + 1)..];
        var fact = kylin.Rows.Read(project, model.FactTable);
        var lookupIds = kylin.Rows.Read(project, join.Table).Select(r => r[0]).ToHashSet();
        var fkIndex = new[] { "ID", "NAME", "CATEGORY", "FK_1", "FK_2", "FK_3" }.ToList().IndexOf(fkColumn);
        Assert.That(fact.Select(r => r[fkIndex]), Is.All.Matches<string?>(lookupIds.Contains));
    }

    [Test]
    public void Rows_AMillionFactRows_Load()
    {
        // The issue: a million fact rows must work (the time is measured in the benchmark harness, not here).
        using var kylin = Start(factRows: 1_000_000);
        var project = kylin.Jobs.Projects()[0].Name;
        var model = kylin.Models.List(project).First();
        using var http = new KylinHttp(kylin.Url);
        var answer = http.Send(HttpMethod.Post, "/kylin/api/query", $"{{\"project\":\"{project}\",\"sql\":\"SELECT COUNT(*) FROM {model.FactTable}\",\"forcedToPushDown\":true}}", userAgent: "test");
        Assert.That((string?)answer.Data["results"]![0]![0], Is.EqualTo("1000000"), answer.Text);
    }
}
