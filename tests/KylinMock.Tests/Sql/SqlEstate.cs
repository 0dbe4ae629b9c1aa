using KylinMock.Models;
using KylinMock.Sql;
using KylinMock.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace KylinMock.Tests.Sql;

/// <summary>
/// A server with the SQL engine over <see cref="ModelEstates"/>' tables, with stated rows: kylin_sales_model
/// (partitioned, READY on days 0 and 1, NEW on day 2) and, when asked, the full-build sales_full_model.
/// </summary>
public abstract class SqlEstateTest
{
    protected const string Project = ModelEstates.Project;
    protected const long Day = ModelEstates.Day;
    protected static readonly long T = ModelEstates.T;

    /// <summary>KYLIN_SALES: TRANS_ID, PART_DT, SELLER_ID, PRICE; days 0 and 1 built, day 2 building, day -5 never.</summary>
    protected static readonly string?[][] Sales =
    [
        ["1", Date(0), "10", "10.5"],
        ["2", Date(0), "20", "20.25"],
        ["3", Date(1), "10", "5"],
        ["4", Date(2), "10", "100"],
        ["5", Date(-5), "20", "1000"],
    ];

    /// <summary>KYLIN_ACCOUNT: ACCOUNT_ID, ACCOUNT_COUNTRY.</summary>
    protected static readonly string?[][] Accounts = [["10", "CN"], ["20", "US"]];

    protected KylinMockServer Kylin { get; private set; } = null!;

    internal KylinHttp Http { get; private set; } = null!;

    protected FakeTimeProvider Clock { get; private set; } = null!;

    /// <summary>Whether the full-build model is in the estate too.</summary>
    protected virtual bool WithFullBuildModel => false;

    protected static string Date(int day) => DateTimeOffset.FromUnixTimeMilliseconds(T + (day * Day)).UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [SetUp]
    public void StartServer()
    {
        Clock = new FakeTimeProvider(Estates.Now);
        Kylin = KylinMockServer.Start(new KylinMockOptions
        {
            Clock = Clock,
            Estate = new KylinMock.Jobs.Estate([new KylinMock.Jobs.Project(Project)], []) { Models = new ModelEstate(ModelEstates.Tables, [], []) },
            SqlEngine = new DuckDbSqlEngine(),
        });
        Kylin.Models.Add(ModelEstates.Model(ModelEstates.Partitioned, "kylin_sales_model", partitioned: true),
        [
            ModelEstates.Seg(ModelEstates.Partitioned, "seg-1", T, T + Day),
            ModelEstates.Seg(ModelEstates.Partitioned, "seg-2", T + Day, T + (2 * Day)),
            ModelEstates.Seg(ModelEstates.Partitioned, "seg-3", T + (2 * Day), T + (3 * Day), SegmentStatus.NEW),
        ]);
        if (WithFullBuildModel)
        {
            Kylin.Models.Add(ModelEstates.Model(ModelEstates.FullBuild, "sales_full_model", partitioned: false), [ModelEstates.Seg(ModelEstates.FullBuild, "seg-f", 0, Segment.InfiniteEnd)]);
        }

        Kylin.Rows.Replace(Project, "DEFAULT.KYLIN_SALES", Sales);
        Kylin.Rows.Replace(Project, "DEFAULT.KYLIN_ACCOUNT", Accounts);
        Http = new KylinHttp(Kylin.Url);
    }

    [TearDown]
    public void StopServer()
    {
        Http.Dispose();
        Kylin.Dispose();
    }

    /// <summary>POSTs a query as kylinpy does (v4-public, its User-Agent and body).</summary>
    internal KylinHttp.Answer Post(string sql, int limit = 50000, string project = Project, string? extra = null, string? accept = KylinHttp.PublicAccept, string? userAgent = "Kylin Python Client")
    {
        var body = new JObject { ["acceptPartial"] = false, ["limit"] = limit, ["offset"] = 0, ["project"] = project, ["sql"] = sql };
        if (extra is not null)
        {
            body.Merge(JObject.Parse(extra));
        }

        return Http.Send(HttpMethod.Post, "/kylin/api/query", body.ToString(), accept: accept, userAgent: userAgent);
    }

    /// <summary>The answer's rows.</summary>
    internal static string?[][] Results(KylinHttp.Answer answer) =>
        answer.Data["results"]!.Select(r => r.Select(c => (string?)c).ToArray()).ToArray();
}
