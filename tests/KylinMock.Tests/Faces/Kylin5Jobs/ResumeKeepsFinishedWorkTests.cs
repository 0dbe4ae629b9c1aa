using KylinMock.Jobs;
using KylinMock.Tests.Support;
using Newtonsoft.Json.Linq;

namespace KylinMock.Tests.Faces.Kylin5Jobs;

/// <summary>
/// RESUME keeps finished work (issue 20, contract "Third pass" A; NExecutableManager.resumeJob,
/// ExecutableResponse.calculateStepRatio/calculateSuccessStage): only ERROR, PAUSED and RUNNING stages go back to READY;
/// SUCCEED and SKIP stages keep their state and times, the step ratio does not drop, and the finished stages do not run again.
/// </summary>
public class ResumeKeepsFinishedWorkTests
{
    private const string V2 = "application/vnd.apache.kylin-v2+json";

    // Picked up after 10 s; Detect Resource 60 s, Load Data To Index 160 s (fails on its first run), Update Metadata 30 s.
    private static readonly JobPlan FailsInTheBuild = JobPlan.Succeeds(10_000, 60_000, 160_000, 30_000).FailingAt(1);

    // A build whose Load Data To Index step failed on its first run.
    private static string ErrorBuild(LiveServer live)
    {
        var id = live.Submit(FailsInTheBuild);
        live.AdvanceSeconds(10 + 60 + 160);
        return id;
    }

    private static JArray Stages(LiveServer live, string id) => (JArray)live.Detail(id)[1]["sub_stages"]!;

    private static (string? Status, long Start, long End)[] Shape(JArray stages) =>
        stages.Select(s => ((string?)s["step_status"], (long)s["exec_start_time"]!, (long)s["exec_end_time"]!)).ToArray();

    [Test]
    public void Resume_ErrorBuild_KeepsFinishedStagesTimesAndStepRatio()
    {
        // NExecutableManager.resumeJob: stages that are RUNNING or not progressing (ERROR, PAUSED) go READY; the rest keep
        // state, times and info. calculateStepRatio counts SUCCEED/SKIP/WARNING stages whatever the step's state.
        using var live = new LiveServer();
        var id = ErrorBuild(live);
        var before = live.ListJob(id);
        var stagesBefore = Shape(Stages(live, id));
        Assert.That((string?)before["job_status"], Is.EqualTo("ERROR"));

        Assert.That(live.Put("RESUME", ids: [id]).Status, Is.EqualTo(200));
        var after = live.ListJob(id);
        var stagesAfter = Shape(Stages(live, id));
        Assert.Multiple(() =>
        {
            Assert.That((string?)after["job_status"], Is.EqualTo("PENDING"));
            Assert.That((float)after["step_ratio"]!, Is.EqualTo((float)before["step_ratio"]!), "the ratio does not drop");
            Assert.That((float)after["step_ratio"]!, Is.GreaterThan(0.5f));
            Assert.That(stagesAfter.Take(6), Is.EqualTo(stagesBefore.Take(6)), "finished and skipped stages keep state and times");
            Assert.That(stagesBefore[6].Status, Is.EqualTo("ERROR"));
            Assert.That(stagesAfter[6], Is.EqualTo(("PENDING", stagesBefore[6].Start, stagesBefore[6].End)), "the failed stage is READY, times kept");
        });
    }

    [Test]
    public void Resume_ErrorBuild_RunsOnlyTheRemainingStages_OnTheClock()
    {
        // The resumed step runs the stages not done (9 of 16 weights of its 160 s: 90 s), then Update Metadata (30 s);
        // the finished stages are not run again (their start times stay), and progress never goes backwards.
        using var live = new LiveServer();
        var id = ErrorBuild(live);
        var ratio = (float)live.ListJob(id)["step_ratio"]!;
        var firstStarts = Stages(live, id).Take(6).Select(s => (long)s["exec_start_time"]!).ToArray();
        live.Put("RESUME", ids: [id]);

        live.AdvanceSeconds(10 + 45);
        var midway = live.ListJob(id);
        Assert.Multiple(() =>
        {
            Assert.That((string?)midway["job_status"], Is.EqualTo("RUNNING"));
            Assert.That((float)midway["step_ratio"]!, Is.GreaterThanOrEqualTo(ratio));
        });

        live.AdvanceSeconds(45 + 30);
        var done = live.ListJob(id);
        var load = (JObject)live.Detail(id)[1];
        var stages = (JArray)load["sub_stages"]!;
        Assert.Multiple(() =>
        {
            Assert.That((string?)done["job_status"], Is.EqualTo("FINISHED"), "90 s + 30 s after pick-up, not 160 s + 30 s");
            Assert.That(stages.Take(6).Select(s => (long)s["exec_start_time"]!), Is.EqualTo(firstStarts));
            Assert.That(stages.Select(s => (string?)s["step_status"]), Has.None.EqualTo("PENDING"));
            Assert.That((long)load["duration"]!, Is.EqualTo(stages.Sum(s => (long)s["duration"]!)), "step duration = sum of its stages");
        });
    }

    [Test]
    public void Resume_PausedBuild_KeepsFinishedStagesAndStepRatio()
    {
        // pauseJob then resumeJob: the PAUSED stage goes READY, the finished ones stay.
        using var live = new LiveServer();
        var id = live.Submit(JobPlan.Succeeds(10_000, 60_000, 160_000, 30_000));
        live.AdvanceSeconds(10 + 60 + 100);
        Assert.That(live.Put("PAUSE", ids: [id]).Status, Is.EqualTo(200));
        var ratio = (float)live.ListJob(id)["step_ratio"]!;
        var stagesBefore = Shape(Stages(live, id));
        live.Put("RESUME", ids: [id]);
        var stagesAfter = Shape(Stages(live, id));
        Assert.Multiple(() =>
        {
            Assert.That((float)live.ListJob(id)["step_ratio"]!, Is.EqualTo(ratio));
            Assert.That(ratio, Is.GreaterThan(0.3f));
            Assert.That(stagesAfter.Where(s => s.Status is "FINISHED" or "SKIP"), Is.EqualTo(stagesBefore.Where(s => s.Status is "FINISHED" or "SKIP")));
            Assert.That(stagesAfter.Count(s => s.Status is "FINISHED" or "SKIP"), Is.GreaterThan(3));
        });
    }

    [Test]
    public void ResumeV2_ErrorBuild_KeepsStepRatio()
    {
        // JobControllerV2.resume -> JobService.updateJobStatus(RESUME): the same resumeJob.
        using var live = new LiveServer();
        var id = ErrorBuild(live);
        var ratio = (float)live.ListJob(id)["step_ratio"]!;
        var answer = live.Http.Send(HttpMethod.Put, $"/kylin/api/jobs/{id}/resume", accept: V2);
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
            Assert.That((float)live.ListJob(id)["step_ratio"]!, Is.EqualTo(ratio));
            Assert.That((float)live.Http.Get("/kylin/api/jobs/" + id, accept: V2).Data["step_ratio"]!, Is.EqualTo(ratio));
        });
    }

    [Test]
    public void Restart_AfterResume_StartsTheStagesAfresh()
    {
        // restartJob resets every output (ExecutableOutputPO.resetTime): nothing kept.
        using var live = new LiveServer();
        var id = ErrorBuild(live);
        live.Put("RESUME", ids: [id]);
        live.AdvanceSeconds(20);
        Assert.That(live.Put("RESTART", ids: [id]).Status, Is.EqualTo(200));
        Assert.Multiple(() =>
        {
            Assert.That((float)live.ListJob(id)["step_ratio"]!, Is.Zero);
            Assert.That(Stages(live, id).Select(s => (string?)s["step_status"]), Is.All.EqualTo("PENDING"));
        });
    }
}
