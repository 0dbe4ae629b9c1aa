using System.Text;
using KylinMock.Clocks;
using KylinMock.Sql;
using Newtonsoft.Json.Linq;

namespace KylinMock.BrowserTests;

/// <summary>
/// The dashboard's query history (issue 21): each <c>POST /kylin/api/query</c> the server answered, newest first, as
/// <c>GET /__kylinmock/queries</c> lists it, on a server with the SQL engine.
/// </summary>
[TestFixture]
public sealed class DashboardQueriesTests : DashboardPage
{
    protected override KylinMockOptions Options(ManualClock clock) => new() { Clock = clock, JobCount = 30, SqlEngine = new DuckDbSqlEngine() };

    [Test]
    public async Task Queries_ShowEachQueryWithWhoAnsweredIt_NewestFirst()
    {
        // NQueryController.query records every query in the history (QueryHistory): a CONSTANTS answer, then a failed one.
        using var http = KylinClient();
        http.DefaultRequestHeaders.UserAgent.ParseAdd("KylinMockBrowserTest/1.0");
        var project = Kylin.Jobs.Projects()[0].Name;
        foreach (var sql in new[] { "SELECT 1", "SELECT * FROM NOPE.NOPE" })
        {
            var body = new JObject { ["sql"] = sql, ["project"] = project }.ToString();
            using var answer = await http.PostAsync("/kylin/api/query", new StringContent(body, Encoding.UTF8, "application/json"));
            Assert.That((int)answer.StatusCode, Is.EqualTo(200), await answer.Content.ReadAsStringAsync());
        }

        var rows = Page.Locator("#queries-body tr");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(Page.Locator("#queries-total")).ToHaveTextAsync("2 run, 0 running");
        await Expect(rows.Nth(0).Locator("td").Nth(2)).ToHaveTextAsync("SELECT * FROM NOPE.NOPE");
        await Expect(rows.Nth(0).Locator("td").Nth(3)).ToHaveTextAsync("FAILED");
        await Expect(rows.Nth(1).Locator("td").Nth(2)).ToHaveTextAsync("SELECT 1");
        await Expect(rows.Nth(1).Locator("td").Nth(4)).ToHaveTextAsync("CONSTANTS");
        await Screenshot("queries");
    }
}
