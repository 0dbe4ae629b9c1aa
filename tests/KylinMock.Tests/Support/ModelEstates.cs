using KylinMock.Models;

namespace KylinMock.Tests.Support;

/// <summary>A hand-made estate side: a partitioned model with two days and a full-build model, in project "learn_kylin".</summary>
internal static class ModelEstates
{
    public const string Project = "learn_kylin";
    public const string Partitioned = "5d0a2f6c-0000-4000-8000-0000000000aa";
    public const string FullBuild = "5d0a2f6c-0000-4000-8000-0000000000bb";
    public const long Day = 86_400_000;
    public static readonly long T = Estates.Now.ToUnixTimeMilliseconds() / Day * Day - (10 * Day);

    public static readonly TableDesc[] Tables =
    [
        new(Project, "DEFAULT", "KYLIN_SALES", [new("TRANS_ID", "bigint"), new("PART_DT", "date"), new("SELLER_ID", "bigint"), new("PRICE", "decimal(19,4)")]),
        new(Project, "DEFAULT", "KYLIN_ACCOUNT", [new("ACCOUNT_ID", "bigint"), new("ACCOUNT_COUNTRY", "varchar(100)")]),
    ];

    public static DataModel Model(string uuid, string alias, bool partitioned) => new()
    {
        Uuid = uuid,
        Alias = alias,
        Project = Project,
        FactTable = "DEFAULT.KYLIN_SALES",
        Lookups = [new JoinTableDesc("DEFAULT.KYLIN_ACCOUNT", "SELLER_ACCOUNT", "LEFT", ["SELLER_ACCOUNT.ACCOUNT_ID"], ["KYLIN_SALES.SELLER_ID"])],
        Columns =
        [
            new(0, "TRANS_ID", "KYLIN_SALES.TRANS_ID", true), new(1, "PART_DT", "KYLIN_SALES.PART_DT", true),
            new(2, "SELLER_ID", "KYLIN_SALES.SELLER_ID", true), new(3, "PRICE", "KYLIN_SALES.PRICE", false),
            new(4, "SELLER_COUNTRY", "SELLER_ACCOUNT.ACCOUNT_COUNTRY", true),
        ],
        Measures =
        [
            new(100000, "COUNT_ALL", "COUNT", [new("constant", "1")], "bigint"),
            new(100001, "GMV_SUM", "SUM", [new("column", "KYLIN_SALES.PRICE")], "decimal(29,4)"),
        ],
        PartitionDesc = partitioned ? new PartitionDesc("KYLIN_SALES.PART_DT", "yyyy-MM-dd") : null,
        StoredStatus = ModelStatus.ONLINE,
        TotalIndexes = 3,
        CreateTime = T,
        LastModified = T + (partitioned ? 2 : 1),
    };

    public static Segment Seg(string model, string id, long start, long end, SegmentStatus status = SegmentStatus.READY, long built = 0) => new()
    {
        Id = id,
        ModelUuid = model,
        Name = SegmentNames.Make(start, end, TimeZoneInfo.Utc),
        Start = start,
        End = end,
        Status = status,
        CreateTime = built == 0 ? end : built,
        LastBuildTime = status == SegmentStatus.NEW ? 0 : (built == 0 ? end : built),
        IndexCount = status == SegmentStatus.NEW ? 0 : 3,
        IndexCountTotal = status == SegmentStatus.NEW ? 0 : 3,
        BytesSize = 2048,
        SourceCount = 10,
    };

    /// <summary>A server over project learn_kylin with both models added through <c>kylin.Models</c>.</summary>
    public static KylinMockServer Start()
    {
        var kylin = KylinMockServer.Start(new KylinMockOptions
        {
            Clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Estates.Now),
            Estate = new KylinMock.Jobs.Estate([new KylinMock.Jobs.Project(Project)], []) { Models = new ModelEstate(Tables, [], []) },
        });
        kylin.Models.Add(Model(Partitioned, "kylin_sales_model", partitioned: true),
        [
            Seg(Partitioned, "seg-1", T, T + Day, built: T + Day + 10),
            Seg(Partitioned, "seg-2", T + Day, T + (2 * Day), built: T + (2 * Day) + 20),
            Seg(Partitioned, "seg-3", T + (2 * Day), T + (3 * Day), SegmentStatus.NEW, built: T + (3 * Day) + 30),
        ]);
        kylin.Models.Add(Model(FullBuild, "sales_full_model", partitioned: false), [Seg(FullBuild, "seg-f", 0, Segment.InfiniteEnd, built: T)]);
        return kylin;
    }
}
