using KylinMock.Fixtures;
using KylinMock.Jobs;
using KylinMock.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace KylinMock.Tests.Faces.Kylin5InternalTables;

/// <summary>
/// Kylin 5.0.x's internal tables (kylin5-job-api.md, "Third pass" B.5): <c>InternalTableController</c> over
/// <c>InternalTableService</c> and <c>InternalTableLoadingService</c>; loads are INTERNAL_TABLE_BUILD/REFRESH jobs that live
/// on the clock and, when they finish, change the table's partitions (<c>InternalTableUpdateMetadataStep</c>).
/// </summary>
public class InternalTablesTests
{
    private const string Api = "/kylin/api/internal_tables";
    private static readonly Estate Generated = JobGenerator.Generate(7, 40, Estates.Now);
    private static readonly Project First = Generated.Projects[0];

    private FakeTimeProvider clock = null!;
    private KylinMockServer kylin = null!;
    private KylinHttp http = null!;

    private static string P => First.Name;

    // The generated estate makes the project's first table partitioned by PART_DT and its second unpartitioned.
    private static string PartitionedTable => First.Tables[0];

    private static string PlainTable => First.Tables[1];

    // A loaded table that is not internal yet.
    private static string Loaded => First.Tables[2];

    [SetUp]
    public void Start()
    {
        clock = new FakeTimeProvider(Estates.Now);
        kylin = KylinMockServer.Start(new KylinMockOptions { Clock = clock, Estate = Generated });
        http = new KylinHttp(kylin.Url);
    }

    [TearDown]
    public void Stop()
    {
        http.Dispose();
        kylin.Dispose();
    }

    [Test]
    public void List_GeneratedEstate_HasAPartitionedAndAnUnpartitionedTablePerProject()
    {
        // InternalTableDescResponse's fields, in its declaration order; columns_info only with need_details.
        var answer = http.Get($"{Api}?project={P}");
        var tables = (JArray)answer.Data["value"]!;
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
            Assert.That(tables.Select(t => (string?)t["database_name"] + "." + (string?)t["table_name"]), Is.EqualTo(new[] { PartitionedTable, PlainTable }));
            Assert.That(((JObject)tables[0]).Properties().Select(p => p.Name), Is.EqualTo(new[]
            {
                "uuid", "table_name", "database_name", "time_partition_col", "date_partition_format", "hit_count", "row_count",
                "storage_size", "update_time", "tbl_properties", "columns_info",
            }));
            Assert.That(((string?)tables[0]["time_partition_col"], (string?)tables[0]["date_partition_format"]), Is.EqualTo(("PART_DT", "yyyy-MM-dd")));
            Assert.That(tables[0]["columns_info"]!.Type, Is.EqualTo(JTokenType.Null));
            Assert.That((long)tables[1]["row_count"]!, Is.GreaterThan(0));
            Assert.That((int)answer.Data["total_size"]!, Is.EqualTo(2));
        });
    }

    [Test]
    public void List_NeedDetails_ShowsTheSourceColumns()
    {
        var tables = http.Get($"{Api}?project={P}&need_details=true").Data["value"]!;
        Assert.That(tables[0]!["columns_info"]!.Select(c => (string?)c["name"]), Does.Contain("PART_DT"));
    }

    [Test]
    public void List_NamedTableThatIsNotInternal_IsInternalTableNotExist()
    {
        // InternalTableService.getTableList: a database or table that matches nothing is INTERNAL_TABLE_NOT_EXIST.
        var answer = http.Get($"{Api}?project={P}&table=NOPE");
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(500));
            Assert.That((string?)answer.Json["msg"], Does.StartWith("KE-010007012(Internal Table Not Exist):"));
        });
    }

    [Test]
    public void Detail_PartitionedTable_ListsItsWeekOfPartitions()
    {
        var (db, table) = Split(PartitionedTable);
        var answer = http.Get($"{Api}/{db}/{table}?project={P}&page_size=100");
        var values = answer.Data["value"]!.Select(p => (string?)p["partition_value"]).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(values, Has.Count.EqualTo(7), answer.Text);
            Assert.That(values[^1], Is.EqualTo(Estates.Now.UtcDateTime.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(((JObject)answer.Data["value"]![0]!).Properties().Select(p => p.Name), Is.EqualTo(new[] { "storage_path", "size_in_bytes", "file_count", "partition_value" }));
        });
    }

    [Test]
    public void Create_LoadedTable_BecomesInternal_AndASecondCreateIsRefused()
    {
        var (db, table) = Split(Loaded);
        var created = http.Send(HttpMethod.Post, $"{Api}/{db}/{table}?project={P}", "{\"partition_cols\":[\"PART_DT\"],\"date_partition_format\":\"yyyy-MM-dd\"}");
        var again = http.Send(HttpMethod.Post, $"{Api}/{db}/{table}?project={P}", "{}");
        Assert.Multiple(() =>
        {
            Assert.That(created.Text, Is.EqualTo("{\"code\":\"000\",\"data\":\"\",\"msg\":\"\"}"));
            Assert.That(http.Get($"{Api}?project={P}").Data["value"]!.Select(t => (string?)t["table_name"]), Does.Contain(table));
            Assert.That((string?)again.Json["msg"], Does.StartWith("KE-010007013(Internal Table Error):"));
        });
    }

    [Test]
    public void Create_UnknownTable_IsTableNotExist()
    {
        // InternalTableService.createInternalTable: TABLE_NOT_EXIST with Message.getTableNotFound.
        var answer = http.Send(HttpMethod.Post, $"{Api}/NO_DB/NO_TABLE?project={P}", "{}");
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(500));
            Assert.That((string?)answer.Json["msg"], Is.EqualTo("KE-010007001(Table Not Exist):Can’t find table \"NO_DB.NO_TABLE\". Please check and try again."));
        });
    }

    [Test]
    public void Create_UnknownPartitionColumn_IsRefusedAndChangesNothing()
    {
        var (db, table) = Split(Loaded);
        var answer = http.Send(HttpMethod.Post, $"{Api}/{db}/{table}?project={P}", "{\"partition_cols\":[\"NOPE\"]}");
        Assert.Multiple(() =>
        {
            Assert.That((string?)answer.Json["msg"], Does.StartWith("KE-010007014(Invalid Internal Table Parameter):"));
            Assert.That((int)http.Get($"{Api}?project={P}").Data["total_size"]!, Is.EqualTo(2));
        });
    }

    [Test]
    public void FullLoad_IsABuildJobOnTheClock_ThatLoadsTheTableWhenItFinishes()
    {
        // InternalTableLoadingService.loadIntoInternalTable -> {"internal_table_loading_jobs":[{"job_name","job_id"}]};
        // ExecutableResponse.create: target_subject the table, a full load's range 0..Long.MAX_VALUE.
        var (db, table) = Split(Loaded);
        http.Send(HttpMethod.Post, $"{Api}/{db}/{table}?project={P}", "{}");
        var answer = http.Send(HttpMethod.Post, $"{Api}/{P}/{db}/{table}", "{\"incremental\":false}");
        var job = answer.Data["internal_table_loading_jobs"]![0]!;
        var id = (string)job["job_id"]!;
        var listed = Listed(id);
        clock.Advance(TimeSpan.FromHours(3));
        var done = Listed(id);
        var loaded = http.Get($"{Api}?project={P}&table={table}").Data["value"]![0]!;
        Assert.Multiple(() =>
        {
            Assert.That((string?)job["job_name"], Is.EqualTo("INTERNAL_TABLE_BUILD"));
            Assert.That(((string?)listed["job_name"], (string?)listed["target_subject"], (string?)listed["target_model"]), Is.EqualTo(("INTERNAL_TABLE_BUILD", Loaded, Loaded)));
            Assert.That(((long)listed["data_range_start"]!, (long)listed["data_range_end"]!), Is.EqualTo((0L, long.MaxValue)));
            Assert.That((string?)done["job_status"], Is.EqualTo("FINISHED"));
            Assert.That((long)loaded["row_count"]!, Is.GreaterThan(0));
        });
    }

    [Test]
    public void IncrementalLoad_WritesOnePartitionADay_AndAnOverlappingLoadIsRefused()
    {
        var (db, table) = Split(PartitionedTable);
        var start = Estates.Now.ToUnixTimeMilliseconds() - (Estates.Now.ToUnixTimeMilliseconds() % 86_400_000);
        var body = $"{{\"incremental\":true,\"start_date\":\"{start}\",\"end_date\":\"{start + (2 * 86_400_000)}\"}}";
        var id = (string)http.Send(HttpMethod.Post, $"{Api}/{P}/{db}/{table}", body).Data["internal_table_loading_jobs"]![0]!["job_id"]!;
        var overlap = http.Send(HttpMethod.Post, $"{Api}/{P}/{db}/{table}", body);
        var listed = Listed(id);
        clock.Advance(TimeSpan.FromHours(3));
        var values = http.Get($"{Api}/{db}/{table}?project={P}&page_size=100").Data["value"]!.Select(p => (string?)p["partition_value"]).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(((long)listed["data_range_start"]!, (long)listed["data_range_end"]!), Is.EqualTo((start, start + (2 * 86_400_000))));
            Assert.That((string?)overlap.Json["msg"], Does.StartWith("KE-010007013(Internal Table Error):"));
            Assert.That(values, Has.Count.EqualTo(9));
        });
    }

    [Test]
    public void IncrementalLoad_OfAnUnpartitionedTable_IsRefused()
    {
        // InternalTableLoadingService.checkBeforeSubmit: an incremental load needs partition columns.
        var (db, table) = Split(PlainTable);
        var start = Estates.Now.ToUnixTimeMilliseconds();
        var before = http.Get($"/kylin/api/jobs?time_filter=4&project={P}&job_names=INTERNAL_TABLE_BUILD&page_size=1000").Ids;
        var answer = http.Send(HttpMethod.Post, $"{Api}/{P}/{db}/{table}", $"{{\"incremental\":true,\"start_date\":\"{start}\",\"end_date\":\"{start + 1000}\"}}");
        Assert.Multiple(() =>
        {
            Assert.That((string?)answer.Json["msg"], Does.StartWith("KE-010007013(Internal Table Error):"));
            Assert.That(http.Get($"/kylin/api/jobs?time_filter=4&project={P}&job_names=INTERNAL_TABLE_BUILD&page_size=1000").Ids, Is.EqualTo(before));
        });
    }

    [Test]
    public void Drop_EndsRunningLoadsAndMarksItsJobsAsNotExisting()
    {
        // dropInternalTable: suicideRunningInternalTableJob first; ExecutableResponse.create then shows
        // "<table>not exist or has been deleted" (no space) with target_subject_error.
        var (db, table) = Split(PlainTable);
        var id = (string)http.Send(HttpMethod.Post, $"{Api}/{P}/{db}/{table}", "{}").Data["internal_table_loading_jobs"]![0]!["job_id"]!;
        var dropped = http.Send(HttpMethod.Delete, $"{Api}/{db}/{table}?project={P}");
        var job = Listed(id);
        var again = http.Send(HttpMethod.Delete, $"{Api}/{db}/{table}?project={P}");
        Assert.Multiple(() =>
        {
            Assert.That(dropped.Status, Is.EqualTo(200), dropped.Text);
            Assert.That(((string?)job["target_subject"], (bool)job["target_subject_error"]!), Is.EqualTo((PlainTable + "not exist or has been deleted", true)));
            Assert.That(((string?)job["job_status"], (string?)job["scheduler_state"]), Is.EqualTo(("DISCARDED", "SUICIDAL")));
            Assert.That((string?)again.Json["msg"], Does.StartWith("KE-010007001(Table Not Exist):"));
        });
    }

    [Test]
    public void Truncate_LeavesNoRowsOrPartitions()
    {
        var (db, table) = Split(PartitionedTable);
        var answer = http.Send(HttpMethod.Delete, $"{Api}/truncate_internal_table?project={P}&database={db}&table={table}");
        var after = http.Get($"{Api}?project={P}&table={table}").Data["value"]![0]!;
        Assert.Multiple(() =>
        {
            Assert.That(answer.Text, Is.EqualTo("{\"code\":\"000\",\"data\":null,\"msg\":\"\"}"));
            Assert.That(((long)after["row_count"]!, (long)after["storage_size"]!), Is.EqualTo((0L, 0L)));
            Assert.That(http.Get($"{Api}/{db}/{table}?project={P}").Data["value"]!, Is.Empty);
        });
    }

    [Test]
    public void DropPartitions_RemovesKnownOnes_AndNamesTheMissingOnes()
    {
        // InternalTableLoadingService.checkInternalTablePartitions: INTERNAL_TABLE_PARTITION_NOT_EXIST naming what is missing.
        var (db, table) = Split(PartitionedTable);
        var first = (string)http.Get($"{Api}/{db}/{table}?project={P}").Data["value"]![0]!["partition_value"]!;
        var missing = http.Send(HttpMethod.Delete, $"{Api}/partitions?project={P}&database={db}&table={table}&partitions={first},1999-01-01");
        var dropped = http.Send(HttpMethod.Delete, $"{Api}/partitions?project={P}&database={db}&table={table}&partitions={first}");
        var values = http.Get($"{Api}/{db}/{table}?project={P}&page_size=100").Data["value"]!.Select(p => (string?)p["partition_value"]).ToList();
        Assert.Multiple(() =>
        {
            Assert.That((string?)missing.Json["msg"], Does.StartWith("KE-010007015(Internal Table Partition Not Exist):").And.Contain("1999-01-01").And.Not.Contain(first));
            Assert.That(dropped.Status, Is.EqualTo(200), dropped.Text);
            Assert.That(values, Has.Count.EqualTo(6).And.No.EqualTo(first));
        });
    }

    [Test]
    public void Update_NonEmptyTable_IsRefused()
    {
        // InternalTableService.updateInternalTable: a table with rows cannot change its layout.
        var (db, table) = Split(PlainTable);
        var answer = http.Send(HttpMethod.Put, $"{Api}/{db}/{table}?project={P}", "{\"partition_cols\":[\"PART_DT\"],\"date_partition_format\":\"yyyy-MM-dd\"}");
        Assert.That((string?)answer.Json["msg"], Does.StartWith("KE-010007013(Internal Table Error):"));
    }

    [Test]
    public void Update_EmptyTable_TakesTheNewLayout()
    {
        var (db, table) = Split(PlainTable);
        http.Send(HttpMethod.Delete, $"{Api}/truncate_internal_table?project={P}&database={db}&table={table}");
        var answer = http.Send(HttpMethod.Put, $"{Api}/{db}/{table}?project={P}", "{\"partition_cols\":[\"PART_DT\"],\"date_partition_format\":\"yyyy-MM-dd\"}");
        var after = http.Get($"{Api}?project={P}&table={table}").Data["value"]![0]!;
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
            Assert.That((string?)after["time_partition_col"], Is.EqualTo("PART_DT"));
        });
    }

    [Test]
    public void Fixture_CarriesTheInternalTables()
    {
        var path = Path.Combine(Path.GetTempPath(), "kylinmock-internal-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            using (var file = File.CreateText(path))
            {
                FixtureWriter.Write(file, new Fixture(Generated, null), Estates.Now.ToUnixTimeMilliseconds(), withState: true);
            }

            using var loaded = KylinMockServer.Start(new KylinMockOptions { Clock = new FakeTimeProvider(Estates.Now), FixturePath = path });
            using var other = new KylinHttp(loaded.Url);
            Assert.That(other.Get($"{Api}?project={P}&page_size=100").Data.ToString(), Is.EqualTo(http.Get($"{Api}?project={P}&page_size=100").Data.ToString()));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static (string Db, string Table) Split(string identity) => (identity[..identity.IndexOf('.')], identity[(identity.IndexOf('.') + 1)..]);

    private JObject Listed(string id) =>
        (JObject)http.Get($"/kylin/api/jobs?time_filter=4&project={P}&page_size=1000").Data["value"]!.Single(j => (string?)j["id"] == id);
}
