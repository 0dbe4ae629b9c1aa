using System.Net.Http.Headers;
using System.Text;
using KylinMock.Sql;
using Newtonsoft.Json.Linq;

namespace KylinMock.Tests.Sql;

/// <summary>The example docs/query.md quotes: an embedded server with the SQL engine, queried through HttpClient.</summary>
public sealed class QueryExampleTests
{
    [Test]
    public void Query_ThroughHttpClient_AnswersTheStatedRows()
    {
        using var kylin = KylinMockServer.Start(new KylinMockOptions { SqlEngine = new DuckDbSqlEngine(), JobCount = 10 });
        var project = kylin.Jobs.Projects()[0].Name;
        var model = kylin.Models.List(project)[0];

        // State the fact table's rows (or read the generated ones with kylin.Rows.Read).
        var columns = kylin.Rows.Read(project, model.FactTable)[0].Count;
        kylin.Rows.Replace(project, model.FactTable, [Row("1", columns), Row("2", columns)]);

        using var http = new HttpClient { BaseAddress = new Uri(kylin.Url) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("ADMIN:KYLIN")));
        http.DefaultRequestHeaders.UserAgent.ParseAdd("my-service/1.0"); // Kylin's v4 query endpoint requires one
        http.DefaultRequestHeaders.Accept.ParseAdd("application/vnd.apache.kylin-v4-public+json");
        var body = new JObject { ["project"] = project, ["sql"] = $"SELECT ID FROM {model.FactTable} ORDER BY ID", ["forcedToPushDown"] = true };
        var response = http.PostAsync("/kylin/api/query", new StringContent(body.ToString(), Encoding.UTF8, "application/json")).Result;
        var data = JObject.Parse(response.Content.ReadAsStringAsync().Result)["data"]!;

        Assert.That((bool)data["isException"]!, Is.False, (string?)data["exceptionMessage"]);
        Assert.That((string?)data["engineType"], Is.EqualTo("HIVE")); // pushed down: every source row
        Assert.That(data["results"]!.Select(r => (string?)r[0]), Is.EqualTo(new[] { "1", "2" }));
    }

    // A row whose first cell (ID) is given and whose other cells are NULL.
    private static string?[] Row(string id, int columns) => [id, .. new string?[columns - 1]];
}
