using KylinMock.Tests.Support;

namespace KylinMock.Tests.Faces.Kylin5Models;

/// <summary>
/// Snapshot <c>options</c> and table names (issue 20, contract "Third pass" A; SnapshotService.checkOptions,
/// decideBuildOption, checkAndGetTable; ExecutableResponse.getDataRangeBySnapshotJob; SnapshotController).
/// </summary>
public class SnapshotOptionsTests : ModelEstateTest
{
    private const string Path = "/kylin/api/snapshots";

    [SetUp]
    public void Enable() =>
        Assert.That(Http.Put("/kylin/api/projects/learn_kylin/snapshot_config", "{\"snapshot_manual_management_enabled\":true}").Status, Is.EqualTo(200));

    private KylinHttp.Answer Build(string options, string tables = "[\"DEFAULT.KYLIN_SALES\"]") =>
        Http.Send(HttpMethod.Post, Path, $"{{\"project\":\"learn_kylin\",\"tables\":{tables},\"options\":{options}}}");

    private string DataRange(KylinHttp.Answer answer)
    {
        var id = (string)answer.Data["jobs"]![0]!["job_id"]!;
        return (string)Http.Get($"/kylin/api/jobs?project=learn_kylin&time_filter=4&key={id}").Data["value"]![0]!["snapshot_data_range"]!;
    }

    [Test]
    public void Snapshots_UnknownPartitionColumn_Is400TableColNotExist_AndChangesNothing()
    {
        // checkOptions: findColumnByName fails -> IllegalArgumentException -> BaseController.handleInvalidRequestParam (400 KE-010000003).
        var answer = Build("{\"DEFAULT.KYLIN_SALES\":{\"partition_col\":\"NOPE\"}}");
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(400), answer.Text);
            Assert.That((string?)answer.Json["msg"], Is.EqualTo("KE-010000003(Invalid Parameter):table DEFAULT.KYLIN_SALES col NOPE not exist"));
            Assert.That(Kylin.Jobs.Count, Is.Zero);
        });
    }

    [Test]
    public void Snapshots_PartitionsToBuild_SortedListIsTheDataRange()
    {
        // decideBuildOption keeps the partitions; getDataRangeBySnapshotJob sorts them (String::compareTo) and writes JSON.
        var answer = Build("{\"DEFAULT.KYLIN_SALES\":{\"partition_col\":\"part_dt\",\"partitions_to_build\":[\"2024-02-01\",\"2024-01-01\"]}}");
        Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
        Assert.That(DataRange(answer), Is.EqualTo("[\"2024-01-01\",\"2024-02-01\"]"));
    }

    [Test]
    public void Snapshots_EmptyPartitionsToBuild_IsKE010000003()
    {
        // invalidSnapshotsToBuild: Message.getPartitionsToBuildCannotBeEmpty with the tables' list.
        var answer = Build("{\"DEFAULT.KYLIN_SALES\":{\"partition_col\":\"PART_DT\",\"partitions_to_build\":[]}}");
        Assert.Multiple(() =>
        {
            Assert.That((answer.Status, (string?)answer.Json["msg"]), Is.EqualTo((500,
                "KE-010000003(Invalid Parameter):Please select at least one partition for the following snapshots when conducting custom partition value refresh: [DEFAULT.KYLIN_SALES]")));
            Assert.That(Kylin.Jobs.Count, Is.Zero);
        });
    }

    [Test]
    public void Snapshots_IncrementalWithoutTheTablesPartitionColumn_IsFull()
    {
        // decideBuildOption turns incremental off when the chosen column is not the table's snapshot partition column
        // (none configured), so the range is FULL; no partition column at all is FULL too.
        var incremental = Build("{\"DEFAULT.KYLIN_SALES\":{\"partition_col\":\"PART_DT\",\"incremental_build\":true}}");
        var plain = Build("{}", "[\"DEFAULT.KYLIN_ACCOUNT\"]");
        Assert.Multiple(() =>
        {
            Assert.That(DataRange(incremental), Is.EqualTo("FULL"));
            Assert.That(DataRange(plain), Is.EqualTo("FULL"));
        });
    }

    [Test]
    public void Snapshots_TableNameInOtherCase_IsKE010007001()
    {
        // checkAndGetTable: NTableMetadataManager.getTableDesc looks the identity up as given.
        var answer = Build("{}", "[\"default.kylin_sales\"]");
        Assert.Multiple(() =>
        {
            Assert.That((string?)answer.Json["msg"], Is.EqualTo("KE-010007001(Table Not Exist):Can’t find table \"default.kylin_sales\". Please check and try again."));
            Assert.That(Kylin.Jobs.Count, Is.Zero);
        });
    }

    [Test]
    public void RefreshSnapshots_ChecksTagBeforePriority()
    {
        // refreshSnapshotsManually: checkParamLength("tag") then validatePriority (build does the opposite).
        var tag = "\"" + new string('x', 600_000) + "\"";
        var refresh = Http.Put(Path, $"{{\"project\":\"learn_kylin\",\"tables\":[\"DEFAULT.KYLIN_SALES\"],\"priority\":9,\"tag\":{tag}}}");
        var build = Http.Send(HttpMethod.Post, Path, $"{{\"project\":\"learn_kylin\",\"tables\":[\"DEFAULT.KYLIN_SALES\"],\"priority\":9,\"tag\":{tag}}}");
        Assert.Multiple(() =>
        {
            Assert.That((string?)refresh.Json["msg"], Is.EqualTo("KE-010000003(Invalid Parameter):The parameter 'tag' is too large, maximum 1024 KB."), refresh.Text);
            Assert.That((string?)build.Json["error_code"], Is.EqualTo("KE-010043207"), build.Text);
        });
    }
}
