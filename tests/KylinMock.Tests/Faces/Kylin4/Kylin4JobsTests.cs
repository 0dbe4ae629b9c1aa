using Newtonsoft.Json.Linq;

namespace KylinMock.Tests.Kylin4;

/// <summary>Kylin 4's JobController over the one job store (contract §2.6, §3; JobController.java, JobService.java, ExecutableManager.java).</summary>
public class Kylin4JobsTests : Kylin4Test
{
    // CC:408-424, JS:276-282: one NEW segment and one PENDING job; the answer is its JobInstance straight after submission,
    // named "BUILD CUBE - <cube> - <segment> - <zone time>" with NSparkCubingJob's two steps (JobStepFactory, EC:96, EC:54).
    // The job ids a Kylin 4 build mints come from the server's own id stream (RandomUtil-like version-4 UUIDs), which a reset
    // rewinds: the same requests after a reset get the same ids (issue 23 item 2, on the Kylin 4 face).
    [Test]
    public void Build_AfterAReset_MintsTheSameJobId()
    {
        var first = BuildThirdDay();
        Kylin.Reset();
        AddCubes();
        Assert.That(BuildThirdDay(), Is.EqualTo(first));
    }

    [Test]
    public void Build_PartitionedRange_AnswersPendingJobInstanceWithKylin4Plan()
    {
        var answer = Build(Cube, T + (2 * Day), T + (3 * Day));
        var job = answer.Json;
        var segment = Kylin4Names(T + (2 * Day), T + (3 * Day));
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
            Assert.That(answer.ContentType, Is.EqualTo("application/json"));
            Assert.That(job.Properties().Select(p => p.Name), Is.EqualTo(new[]
            {
                "uuid", "last_modified", "version", "name", "projectName", "type", "duration", "related_object", "related_cube", "display_cube_name",
                "related_segment", "related_segment_name", "exec_start_time", "exec_end_time", "exec_interrupt_time", "mr_waiting", "steps", "submitter",
                "job_status", "build_instance", "progress",
            }));
            Assert.That((string?)job["name"], Does.StartWith($"BUILD CUBE - {Cube} - {segment} - UTC "));
            Assert.That((string?)job["type"], Is.EqualTo("BUILD"));
            Assert.That((string?)job["job_status"], Is.EqualTo("PENDING"));
            Assert.That((string?)job["build_instance"], Is.EqualTo("unknown"));
            Assert.That((double)job["progress"]!, Is.EqualTo(0.0));
            Assert.That(job["steps"]!.Select(s => (string)s["name"]!), Is.EqualTo(new[] { "Detect Resource", "Build Cube with Spark" }));
            Assert.That((string?)job["steps"]![1]!["id"], Is.EqualTo((string)job["uuid"]! + "-01"));
            Assert.That((string?)job["related_segment_name"], Is.EqualTo(segment));
            Assert.That(Get("/cubes/" + Cube).Json["segments"]!.Select(s => (string)s["status"]!), Is.EqualTo(new[] { "READY", "READY", "NEW" }));
        });
    }

    // DCE:94-176, JI:94-104: the job is picked up, runs its two steps on the clock (progress 0.0, 50.0, 100.0) and finishes;
    // the end of "Build Cube with Spark" makes the segment READY (UpdateMetadataUtil:144-161).
    [Test]
    public void Build_OnTheClock_GoesPendingRunningFinished_AndTheSegmentIsReady()
    {
        var id = BuildThirdDay();
        var seen = new List<(string, double)>();
        foreach (var seconds in new[] { 0, 10, 60, 60 })
        {
            Clock.Advance(TimeSpan.FromSeconds(seconds));
            var job = Get("/jobs/" + id).Json;
            seen.Add(((string)job["job_status"]!, (double)job["progress"]!));
        }

        Assert.Multiple(() =>
        {
            Assert.That(seen, Is.EqualTo(new[] { ("PENDING", 0.0), ("RUNNING", 0.0), ("RUNNING", 50.0), ("FINISHED", 100.0) }));
            Assert.That((string?)Get("/jobs/" + id).Json["build_instance"], Is.Not.EqualTo("unknown"));
            Assert.That(Get("/cubes/" + Cube).Json["segments"]!.Select(s => (string)s["status"]!), Is.EqualTo(new[] { "READY", "READY", "READY" }));
        });
    }

    // JS:494-503: an unknown id is a null JobInstance, which Spring writes as an empty 200 with no Content-Type.
    [Test]
    public void GetJob_Unknown_IsEmpty200()
    {
        var answer = Get("/jobs/no-such-job");
        Assert.That((answer.Status, answer.Text, answer.ContentType), Is.EqualTo((200, string.Empty, (string?)null)));
    }

    // JC:227-241: the handler wraps everything in InternalErrorException(e): an unknown job is HTTP 500 with "<class>: Cannot find job: <id>".
    [TestCase("PUT", "/jobs/nope/resume")]
    [TestCase("PUT", "/jobs/nope/cancel")]
    [TestCase("PUT", "/jobs/nope/pause")]
    [TestCase("DELETE", "/jobs/nope/drop")]
    public void JobAction_UnknownJob_Is500WrappingCannotFindJob(string method, string path)
    {
        var answer = Send(new HttpMethod(method), path);
        AssertError(answer, 500, "org.apache.kylin.rest.exception.BadRequestException: Cannot find job: nope");
        Assert.That((string?)answer.Json["url"], Does.EndWith("/kylin/api" + path));
    }

    // EM:629-652 then EM:557-580: PAUSE of a PENDING job stops it; RESUME of a STOPPED job makes it PENDING again.
    [Test]
    public void PauseThenResume_PendingJob_StoppedThenPending()
    {
        var id = BuildThirdDay();
        var paused = Put($"/jobs/{id}/pause");
        var resumed = Put($"/jobs/{id}/resume");
        Assert.That(((string?)paused.Json["job_status"], (string?)resumed.Json["job_status"]), Is.EqualTo(("STOPPED", "PENDING")));
    }

    // JS:828-837: PAUSE of a finished job is IllegalStateException "... cannot be stopped.", wrapped (500).
    [Test]
    public void Pause_FinishedJob_IsRefused()
    {
        var id = BuildThirdDay();
        Clock.Advance(TimeSpan.FromMinutes(5));
        AssertError(Put($"/jobs/{id}/pause"), 500, $"java.lang.IllegalStateException: The job {id} has already been finished and cannot be stopped.");
    }

    // JS:719-788: CANCEL discards a running job and removes its NEW segment; a DISCARDED job is a no-op; a FINISHED one is refused.
    [Test]
    public void Cancel_RunningJob_DiscardsItAndRemovesItsSegment_ThenIsANoOp()
    {
        var id = BuildThirdDay();
        Clock.Advance(TimeSpan.FromSeconds(10));
        var cancelled = Put($"/jobs/{id}/cancel");
        var again = Put($"/jobs/{id}/cancel");
        Assert.Multiple(() =>
        {
            Assert.That((string?)cancelled.Json["job_status"], Is.EqualTo("DISCARDED"));
            Assert.That((again.Status, (string?)again.Json["job_status"]), Is.EqualTo((200, "DISCARDED")));
            Assert.That(Get("/cubes/" + Cube).Json["segments"]!.Count(), Is.EqualTo(2));
        });
    }

    // JS:738-745: CANCEL of a FINISHED job: "... cannot be discarded.", wrapped.
    [Test]
    public void Cancel_FinishedJob_IsRefused()
    {
        var id = BuildThirdDay();
        Clock.Advance(TimeSpan.FromMinutes(5));
        AssertError(Put($"/jobs/{id}/cancel"), 500, $"java.lang.IllegalStateException: The job {id} has already been finished and cannot be discarded.");
    }

    // ES:46-73, EM:671-676: RESUME of a DISCARDED job is the illegal DISCARDED -> READY move.
    [Test]
    public void Resume_DiscardedJob_IsAnIllegalStateTransfer()
    {
        var id = BuildThirdDay();
        Put($"/jobs/{id}/cancel");
        AssertError(Put($"/jobs/{id}/resume"), 500, $"org.apache.kylin.job.exception.IllegalStateTranferException: there is no valid state transfer from:DISCARDED to:READY, job id: {id}");
    }

    // JS:839-851: DROP of a live job of an existing cube is refused; of a FINISHED job it answers the job as it was and deletes it.
    [Test]
    public void Drop_PendingRefused_FinishedDeleted()
    {
        var id = BuildThirdDay();
        var refused = Delete($"/jobs/{id}/drop");
        Clock.Advance(TimeSpan.FromMinutes(5));
        var dropped = Delete($"/jobs/{id}/drop");
        Assert.Multiple(() =>
        {
            AssertError(refused, 500, "org.apache.kylin.rest.exception.BadRequestException: Only FINISHED and DISCARDED job can be deleted. Please wait for the job finishing or discard the job!!!");
            Assert.That((dropped.Status, (string?)dropped.Json["job_status"]), Is.EqualTo((200, "FINISHED")));
            Assert.That(Get("/jobs/" + id).Text, Is.Empty);
        });
    }

    // JS:957-1071: status codes filter (2 RUNNING, 1 PENDING), cubeName is a substring, newest last_modified first; limit/offset page.
    [Test]
    public void ListJobs_StatusCodesCubeSubstringAndPaging()
    {
        var first = BuildThirdDay();
        Clock.Advance(TimeSpan.FromSeconds(10));
        var second = (string)Build(Cube, T + (3 * Day), T + (4 * Day)).Json["uuid"]!;
        string[] Ids(string query) => Array(Get("/jobs?" + query)).Select(j => (string)j["uuid"]!).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(Ids("projectName=learn_kylin"), Is.EqualTo(new[] { second, first }));
            Assert.That(Ids("status=2"), Is.EqualTo(new[] { first }));
            Assert.That(Ids("status=1&status=2"), Is.EqualTo(new[] { second, first }));
            Assert.That(Ids("status=1,2&cubeName=SALES_MOD"), Is.EqualTo(new[] { second, first }));
            Assert.That(Ids("cubeName=other"), Is.Empty);
            Assert.That(Ids("limit=1&offset=1"), Is.EqualTo(new[] { first }));
            Assert.That(Ids("offset=5"), Is.Empty);
            Assert.That(Ids("projectName=no_such_project"), Is.EqualTo(new[] { second, first }));
            Assert.That(Ids("jobSearchMode=CHECKPOINT_ONLY"), Is.Empty);
        });
    }

    // JobTimeFilterEnum (JS:193-220), default 1 = LAST_ONE_DAY (KDP:89): a job submitted two days ago is out of the default window, in with 2 (a week).
    [Test]
    public void ListJobs_DefaultTimeFilterIsLastDay_TwoKeepsAWeek()
    {
        var id = BuildThirdDay();
        Clock.Advance(TimeSpan.FromDays(2));
        Assert.Multiple(() =>
        {
            Assert.That(Array(Get("/jobs")), Is.Empty);
            Assert.That(Array(Get("/jobs?timeFilter=2")).Select(j => (string)j["uuid"]!), Is.EqualTo(new[] { id }));
            Assert.That(Array(Get("/jobs?timeFilter=5")).Count, Is.EqualTo(1));
        });
    }

    // JC:82-84, JS:173: an unknown status code or time filter is getByCode -> null -> NPE, wrapped: 500 "java.lang.NullPointerException".
    [TestCase("status=3")]
    [TestCase("timeFilter=9")]
    public void ListJobs_UnknownCode_Is500NullPointer(string query) =>
        AssertError(Get("/jobs?" + query), 500, "java.lang.NullPointerException");

    // JS:509-515, EM:272-291: a running step's output is "Wait a moment ... "; the answer echoes jobId, cmd_output, stepId in hash order.
    [Test]
    public void StepOutput_RunningStep_WaitAMoment()
    {
        var id = BuildThirdDay();
        Clock.Advance(TimeSpan.FromSeconds(10));
        var answer = Get($"/jobs/{id}/steps/{id}-00/output").Json;
        Assert.Multiple(() =>
        {
            Assert.That(answer.Properties().Select(p => p.Name), Is.EqualTo(new[] { "jobId", "cmd_output", "stepId" }));
            Assert.That((string?)answer["cmd_output"], Is.EqualTo("Wait a moment ... "));
        });
    }

    // JC:177-186 (not wrapped): an unknown job is an NPE (500, msg null); an unknown step "there is no related output for job id:<step>" (EM:195-205).
    [Test]
    public void StepOutput_UnknownJobOrStep_Is500()
    {
        var id = BuildThirdDay();
        AssertError(Get("/jobs/nope/steps/nope-00/output"), 500, null);
        AssertError(Get($"/jobs/{id}/steps/{id}-09/output"), 500, $"there is no related output for job id:{id}-09");
    }

    // The control plane scripts the cube's next build to fail (PUT /__kylinmock/models/{uuid}/next_job): the job ends ERROR, its step ERROR.
    [Test]
    public void Build_ScriptedFailure_EndsInError()
    {
        using var control = new HttpClient { BaseAddress = new Uri(Kylin.Url) };
        var scripted = control.PutAsync($"/__kylinmock/models/{Support.ModelEstates.Partitioned}/next_job", new StringContent("{\"plan\":{\"fail_at_step\":1}}", System.Text.Encoding.UTF8, "application/json")).GetAwaiter().GetResult();
        Assert.That((int)scripted.StatusCode, Is.EqualTo(200), scripted.Content.ReadAsStringAsync().GetAwaiter().GetResult());
        var id = BuildThirdDay();
        Clock.Advance(TimeSpan.FromMinutes(5));
        var job = Get("/jobs/" + id).Json;
        Assert.That(((string?)job["job_status"], (string?)job["steps"]![1]!["step_status"]), Is.EqualTo(("ERROR", "ERROR")));
    }

    private static string Kylin4Names(long start, long end) =>
        DateTimeOffset.FromUnixTimeMilliseconds(start).UtcDateTime.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture) + "_"
        + DateTimeOffset.FromUnixTimeMilliseconds(end).UtcDateTime.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
}
