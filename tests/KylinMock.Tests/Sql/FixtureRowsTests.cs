using KylinMock.Fixtures;
using KylinMock.Jobs;
using KylinMock.Models;
using KylinMock.Sql;
using KylinMock.Tests.Support;
using Newtonsoft.Json.Linq;

namespace KylinMock.Tests.Sql;

/// <summary>
/// A fixture carries rows (issue 21: "a fixture can carry rows"): <c>"rows": {"project": {"DB.TABLE": [[...]]}}</c>. The engine
/// answers from them instead of generating that table's rows, reset goes back to them, and the writer keeps them.
/// </summary>
public sealed class FixtureRowsTests
{
    private static readonly string Day0 = "2026-03-05";

    private static Fixture WithRows() => new(
        new Estate([new Project(ModelEstates.Project)], [])
        {
            Models = new ModelEstate(ModelEstates.Tables, [ModelEstates.Model(ModelEstates.FullBuild, "sales_full_model", partitioned: false)], [ModelEstates.Seg(ModelEstates.FullBuild, "seg-f", 0, Segment.InfiniteEnd)])
            {
                Rows = new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<string?>>>>
                {
                    [ModelEstates.Project] = new Dictionary<string, IReadOnlyList<IReadOnlyList<string?>>>
                    {
                        ["DEFAULT.KYLIN_SALES"] = [["1", Day0, "10", "10.5"], ["2", Day0, "20", null]],
                    },
                },
            },
        },
        null);

    private static string Save(Fixture fixture)
    {
        var path = Path.Combine(Path.GetTempPath(), $"kylinmock-rows-{Guid.NewGuid():N}.json");
        FixtureWriter.Write(path, fixture, Estates.Now.ToUnixTimeMilliseconds());
        return path;
    }

    private static string?[][] Query(KylinHttp http, string sql)
    {
        var body = new JObject { ["sql"] = sql, ["project"] = ModelEstates.Project, ["limit"] = 500, ["offset"] = 0 }.ToString();
        var answer = http.Send(HttpMethod.Post, "/kylin/api/query", body, userAgent: "test");
        Assert.That((bool?)answer.Data["isException"], Is.False, answer.Text);
        return answer.Data["results"]!.Select(r => r.Select(c => (string?)c).ToArray()).ToArray();
    }

    [Test]
    public void Fixture_WithRows_IsWhatQueriesAnswer_AndResetReturnsToThem()
    {
        var path = Save(WithRows());
        try
        {
            using var kylin = KylinMockServer.Start(new KylinMockOptions { FixturePath = path, SqlEngine = new DuckDbSqlEngine() });
            using var http = new KylinHttp(kylin.Url);
            var first = Query(http, "select trans_id, price from kylin_sales order by trans_id");
            kylin.Rows.Replace(ModelEstates.Project, "DEFAULT.KYLIN_SALES", [["9", Day0, "10", "1"]]);
            var replaced = Query(http, "select count(*) from kylin_sales");
            kylin.Reset();
            Assert.Multiple(() =>
            {
                Assert.That(first, Is.EqualTo(new[] { new[] { "1", "10.5000" }, new[] { "2", null } }));
                Assert.That(replaced, Is.EqualTo(new[] { new[] { "1" } }));
                Assert.That(Query(http, "select count(*) from kylin_sales"), Is.EqualTo(new[] { new[] { "2" } }));
                Assert.That(kylin.Rows.Read(ModelEstates.Project, "DEFAULT.KYLIN_ACCOUNT"), Is.Not.Empty, "tables the fixture states no rows for get generated ones");
            });
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Fixture_RowsRoundTrip_ThroughWriterAndReader()
    {
        var path = Save(WithRows());
        try
        {
            var rows = FixtureReader.Read(path).Estate.Models!.Rows;
            Assert.That(rows[ModelEstates.Project]["DEFAULT.KYLIN_SALES"], Is.EqualTo(new[] { new[] { "1", Day0, "10", "10.5" }, new[] { "2", Day0, "20", null } }));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestCase("{\"rows\": [1]}", "rows must be an object of projects")]
    [TestCase("{\"rows\": {\"p\": {\"DB.T\": [[{}]]}}}", "rows.p.DB.T[0]: a cell is a string, a number, a boolean or null")]
    public void Fixture_BadRows_NameThePlace(string json, string message)
    {
        var error = Assert.Throws<FixtureException>(() => FixtureReader.Read(new StringReader(json), "rows.json"));
        Assert.That(error!.Message, Does.StartWith("rows.json: ").And.Contain(message));
    }

    [Test]
    public void Fixture_RowThatDoesNotFit_FailsTheQueryNamingIt_AndTheServerGoesOn()
    {
        var fixture = WithRows();
        var estate = fixture.Estate.Models! with
        {
            Rows = new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<string?>>>>
            {
                [ModelEstates.Project] = new Dictionary<string, IReadOnlyList<IReadOnlyList<string?>>> { ["DEFAULT.KYLIN_SALES"] = [["not a number", Day0, "10", "1"]] },
            },
        };
        var path = Save(fixture with { Estate = new Estate(fixture.Estate.Projects, []) { Models = estate } });
        try
        {
            using var kylin = KylinMockServer.Start(new KylinMockOptions { FixturePath = path, SqlEngine = new DuckDbSqlEngine() });
            using var http = new KylinHttp(kylin.Url);
            var body = new JObject { ["sql"] = "select count(*) from kylin_sales", ["project"] = ModelEstates.Project }.ToString();
            var answer = http.Send(HttpMethod.Post, "/kylin/api/query", body, userAgent: "test");
            Assert.Multiple(() =>
            {
                Assert.That((answer.Status, (bool?)answer.Data["isException"]), Is.EqualTo((200, true)), answer.Text);
                Assert.That((string?)answer.Data["exceptionMessage"], Does.StartWith("Row 1: "));
                Assert.That(http.Get("/kylin/api/projects?page_size=1").Status, Is.EqualTo(200));
            });
        }
        finally
        {
            File.Delete(path);
        }
    }
}
