using KylinMock.Jobs;
using KylinMock.Tests.Support;
using Newtonsoft.Json.Linq;

namespace KylinMock.Tests.Faces.KylinV2;

/// <summary>
/// v2 GET /kylin/api/jobs/{jobId}, PUT …/{jobId}/resume and the step output on a live store (contract sections 9 and 12.2;
/// DLC/v2/JobControllerV2.getJob/resume/getJobOutput, DLS/JobService.getJobInstance/manageJob/getStepOutput, ExecutableStepResponse.OldParams).
/// </summary>
public class V2JobActionsTests
{
    private const string V2 = "application/vnd.apache.kylin-v2+json";

    // server.servlet.encoding.force: true (application.yaml) puts the charset on every answer.
    private const string V2Charset = "; charset=UTF-8";

    private static KylinHttp.Answer GetV2(LiveServer live, string path) => live.Http.Get(path, accept: V2);

    private static KylinHttp.Answer ResumeV2(LiveServer live, string id) =>
        live.Http.Send(HttpMethod.Put, $"/kylin/api/jobs/{id}/resume?jobId={id}", accept: V2);

    private static string ErrorJob(LiveServer live)
    {
        var id = live.Submit(JobPlan.Succeeds(1000, 1000, 1000, 1000).FailingAt(1, message: "boom"));
        live.AdvanceSeconds(3);
        Assert.That((string?)live.ListJob(id)["job_status"], Is.EqualTo("ERROR"));
        return id;
    }

    // getJob: the job by id whatever its project, with old params, every step and the server version.
    [Test]
    public void GetJob_IsTheJobWithOldParamsAndEveryStep()
    {
        using var live = new LiveServer();
        var id = ErrorJob(live);
        var answer = GetV2(live, "/kylin/api/jobs/" + id);
        var job = (JObject)answer.Data;
        var steps = (JArray)job["steps"]!;
        var detail = live.Detail(id);
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
            Assert.That(answer.ContentType, Is.EqualTo(V2 + V2Charset));
            Assert.That((string?)job["uuid"], Is.EqualTo(id));
            Assert.That((string?)job["related_cube"], Is.EqualTo("sales_model"));
            Assert.That((string?)job["type"], Is.EqualTo("Build Index"));
            Assert.That((string?)job["version"], Is.EqualTo("5.0.0.0-SNAPSHOT"));
            Assert.That((string?)job["job_status"], Is.EqualTo("ERROR"));
            Assert.That(steps, Has.Count.EqualTo(3));
            for (var i = 0; i < steps.Count; i++)
            {
                var step = (JObject)steps[i];
                Assert.That(step.Properties().First().Name, Is.EqualTo("exec_wait_time"));
                Assert.That((long)step["exec_wait_time"]!, Is.EqualTo((long)step["wait_time"]!));
                step.Remove("exec_wait_time");
                Assert.That(JToken.DeepEquals(step, detail[i]), Is.True, step.ToString());
            }
        });
    }

    // getJobInstance: no project holds the id → KE-010032219.
    [TestCase("/kylin/api/jobs/nope")]
    public void GetJob_Unknown_IsJobNotExist(string path)
    {
        using var live = new LiveServer();
        var answer = GetV2(live, path);
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(500), answer.Text);
            Assert.That((string?)answer.Json["msg"], Is.EqualTo("KE-010032219: Can't find job \"nope\". Please check and try again."));
        });
    }

    // resume → manageJob → updateJobStatus(RESUME): the same store, so v4 sees it; the answer is the plain v4 job.
    [Test]
    public void Resume_ErrorJob_IsResumedForBothFaces()
    {
        using var live = new LiveServer();
        var id = ErrorJob(live);
        var answer = ResumeV2(live, id);
        var job = (JObject)answer.Data;
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
            Assert.That(answer.ContentType, Is.EqualTo(V2 + V2Charset));
            Assert.That((string?)answer.Json["code"], Is.EqualTo("000"));
            Assert.That(job.Properties().Select(p => p.Name), Is.EqualTo(live.ListJob(id).Properties().Select(p => p.Name)));
            Assert.That((string?)job["job_status"], Is.EqualTo("PENDING"));
            Assert.That(job["steps"], Is.Empty);
            Assert.That((string?)live.ListJob(id)["job_status"], Is.EqualTo("PENDING"));
        });
        live.AdvanceSeconds(10);
        Assert.That((string?)GetV2(live, "/kylin/api/jobs/" + id).Data["job_status"], Is.EqualTo("FINISHED"));
    }

    // resumeJob is allowed from ERROR and PAUSED (shown STOPPED).
    [Test]
    public void Resume_StoppedJob_IsResumed()
    {
        using var live = new LiveServer();
        var id = live.Submit(JobPlan.Succeeds(1000, 5000, 5000, 5000));
        live.AdvanceSeconds(2);
        Assert.That(live.Put("PAUSE", ids: [id]).Status, Is.EqualTo(200));
        Assert.That((string?)ResumeV2(live, id).Data["job_status"], Is.EqualTo("PENDING"));
    }

    // Otherwise KE-010032211 names the internal ExecutableState (READY, not PENDING), and nothing changes.
    [TestCase(0, "READY")]
    [TestCase(2, "RUNNING")]
    [TestCase(10, "SUCCEED")]
    public void Resume_NotErrorOrStopped_IsRefusedNamingTheExecutableState(double seconds, string state)
    {
        using var live = new LiveServer();
        var id = live.Submit(JobPlan.Succeeds(1000, 1000, 1000, 1000));
        live.AdvanceSeconds(seconds);
        var before = live.ListJob(id).ToString();
        var answer = ResumeV2(live, id);
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(500), answer.Text);
            Assert.That((string?)answer.Json["msg"], Is.EqualTo($"KE-010032211: Can't RESUME job \"{id}\", as it is in {state} status."));
            Assert.That((string?)answer.Json["error_code"], Is.EqualTo("KE-010032211"));
            Assert.That(live.ListJob(id).ToString(), Is.EqualTo(before));
        });
    }

    // getJobInstance before manageJob: an unknown id is KE-010032219.
    [Test]
    public void Resume_Unknown_IsJobNotExist()
    {
        using var live = new LiveServer();
        Assert.That((string?)ResumeV2(live, "nope").Json["msg"], Is.EqualTo("KE-010032219: Can't find job \"nope\". Please check and try again."));
    }

    // getJobOutput: a HashMap {jobId, nodes, cmd_output, stepId}; the same log as v4's output.
    [Test]
    public void StepOutput_IsJobIdNodesOutputStepId()
    {
        using var live = new LiveServer();
        var id = ErrorJob(live);
        var stepId = (string)live.Detail(id)[1]["id"]!;
        var answer = GetV2(live, $"/kylin/api/jobs/{id}/steps/{stepId}/output");
        var v4 = live.Http.Get($"/kylin/api/jobs/{id}/steps/{stepId}/output?project=p");
        var data = (JObject)answer.Data;
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
            Assert.That(data.Properties().Select(p => p.Name), Is.EqualTo(new[] { "jobId", "nodes", "cmd_output", "stepId" }));
            Assert.That(data["nodes"], Is.Empty);
            Assert.That((string?)data["cmd_output"], Is.EqualTo((string?)v4.Data["cmd_output"]).And.Contains("boom"));
            Assert.That((string?)data["stepId"], Is.EqualTo(stepId));
        });
    }

    // getProjectByJobId finds no project → checkProjectName(null) → KE-010001002.
    [Test]
    public void StepOutput_UnknownJob_IsEmptyProjectName()
    {
        using var live = new LiveServer();
        var answer = GetV2(live, "/kylin/api/jobs/nope/steps/s/output");
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(500), answer.Text);
            Assert.That((string?)answer.Json["msg"], Is.EqualTo("KE-010001002(Empty Project Name):Can’t find project information. Please select a project."));
        });
    }
}
