using KylinMock.Jobs;
using KylinMock.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace KylinMock.Tests.Faces.Kylin5Models;

/// <summary>POST/PUT /kylin/api/snapshots and the project's snapshot_config over HTTP (build contract §4; SnapshotController, SnapshotService, NProjectController.updateSnapshotConfig).</summary>
public class SnapshotsTests : ModelEstateTest
{
    private const string Path = "/kylin/api/snapshots";

    private void Enable() =>
        Assert.That(Http.Put("/kylin/api/projects/learn_kylin/snapshot_config", "{\"snapshot_manual_management_enabled\":true}").Status, Is.EqualTo(200));

    private static string Msg(KylinHttp.Answer answer) => (string)answer.Json["msg"]!;

    [Test]
    public void Snapshots_OffByDefault_IsKE010033002()
    {
        // kylin.snapshot.manual-management-enabled is false by default (SnapshotService.checkSnapshotManualManagement).
        var answer = Http.Send(HttpMethod.Post, Path, "{\"project\":\"learn_kylin\",\"tables\":[\"DEFAULT.KYLIN_SALES\"]}");
        Assert.Multiple(() =>
        {
            Assert.That(Msg(answer), Is.EqualTo("KE-010033002(Snapshot Management Not Enabled):Snapshot management is not enabled in the settings. Please check and try again."));
            Assert.That(Kylin.Jobs.Count, Is.Zero);
        });
    }

    [Test]
    public void Snapshots_BuildThenRefresh_OneJobPerTable_AndBusyTableIsKE010032206()
    {
        // NSparkSnapshotJob.create per table; checkTableSnapshotExist before a refresh; checkRunningSnapshotTask.
        Enable();
        var refreshFirst = Http.Put(Path, "{\"project\":\"learn_kylin\",\"tables\":[\"DEFAULT.KYLIN_SALES\"]}");
        var build = Http.Send(HttpMethod.Post, Path, "{\"project\":\"learn_kylin\",\"databases\":[\"default\"]}");
        var busy = Http.Send(HttpMethod.Post, Path, "{\"project\":\"learn_kylin\",\"tables\":[\"DEFAULT.KYLIN_SALES\"]}");
        ((FakeTimeProvider)Kylin.Clock).Advance(TimeSpan.FromMinutes(3));
        var refresh = Http.Put(Path, "{\"project\":\"learn_kylin\",\"tables\":[\"DEFAULT.KYLIN_SALES\"]}");
        var job = Kylin.Jobs.Find((string)refresh.Data["jobs"]![0]!["job_id"]!)!;
        Assert.Multiple(() =>
        {
            Assert.That(Msg(refreshFirst), Is.EqualTo("KE-010033001(Snapshot Not Exist):Can't find the snapshot \"DEFAULT.KYLIN_SALES\". Please check and try again."));
            Assert.That(build.Data["jobs"]!.Select(j => (string)j["job_name"]!), Is.EqualTo(new[] { "SNAPSHOT_BUILD", "SNAPSHOT_BUILD" }), build.Text);
            Assert.That(Msg(busy), Is.EqualTo("KE-010032206: Can't submit the job at the moment, as a building job for the same object already exists. Please try again later."));
            Assert.That((string?)refresh.Data["jobs"]![0]!["job_name"], Is.EqualTo("SNAPSHOT_REFRESH"), refresh.Text);
            Assert.That((job.TargetModel, job.SnapshotDataRange, job.DataRangeEnd), Is.EqualTo(("DEFAULT.KYLIN_SALES", "FULL", long.MaxValue)));
            Assert.That(job.Steps.Select(s => s.Name), Is.EqualTo(JobType.SNAPSHOT_REFRESH.StepNames()));
        });
    }

    [TestCase("{\"project\":\"learn_kylin\"}", "KE-010000005(Empty Parameter):You should select at least one table or database to load!!")]
    [TestCase("{\"project\":\"learn_kylin\",\"databases\":[\"nope\"]}", "KE-010008001(Database Not Exist):Can’t find database \"NOPE\". Please check and try again.")]
    [TestCase("{\"project\":\"learn_kylin\",\"tables\":[\"DEFAULT.NOPE\"]}", "KE-010007001(Table Not Exist):Can’t find table \"DEFAULT.NOPE\". Please check and try again.")]
    [TestCase("{\"project\":\"learn_kylin\",\"tables\":[\"DEFAULT.KYLIN_SALES\"],\"priority\":5}", "KE-010043207: The entered parameter \"priority\" is invalid, only supports \"0, 1, 2, 3, 4\" at the moment. Please check and try again.")]
    public void Snapshots_Refusals(string body, string message)
    {
        // SnapshotController.buildSnapshotsManually, SnapshotService.buildSnapshots/checkAndGetTable.
        Enable();
        var answer = Http.Send(HttpMethod.Post, Path, body);
        Assert.Multiple(() =>
        {
            Assert.That(Msg(answer), Is.EqualTo(message));
            Assert.That(Kylin.Jobs.Count, Is.Zero);
        });
    }
}
