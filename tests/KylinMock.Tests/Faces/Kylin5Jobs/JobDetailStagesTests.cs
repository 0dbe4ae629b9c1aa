using KylinMock.Jobs;
using KylinMock.Tests.Support;
using Newtonsoft.Json.Linq;

namespace KylinMock.Tests.Faces.Kylin5Jobs;

/// <summary>The detail's steps, stages and failures, and the list fields the second pass corrected (kylin5-job-api.md, "Second pass").</summary>
public class JobDetailStagesTests
{
    // Detect Resource 60 s, Load Data To Index 160 s, Update Metadata 30 s; picked up after 10 s.
    private static readonly JobPlan Plan = JobPlan.Succeeds(10_000, 60_000, 160_000, 30_000);

    private static readonly string[] BuildStages =
    [
        "Waiting for yarn resources", "Build or refresh snapshot", "Materialize fact table view", "Generate global dictionary",
        "Generate flat table", "Get flat table statistics", "Build indexes by layer", "Update flat table statistics",
    ];

    // SJ NSparkCubingJob.innerCreate, NSparkMergingJob.merge, NTableSamplingJob.create, NSparkSnapshotJob.create.
    [TestCase(JobType.INC_BUILD, new[] { "Detect Resource", "Load Data To Index", "Update Metadata" })]
    [TestCase(JobType.INDEX_BUILD, new[] { "Detect Resource", "Load Data To Index", "Update Metadata" })]
    [TestCase(JobType.INDEX_REFRESH, new[] { "Detect Resource", "Load Data To Index", "Update Metadata" })]
    [TestCase(JobType.SUB_PARTITION_BUILD, new[] { "Detect Resource", "Load Data To Index", "Update Metadata" })]
    [TestCase(JobType.INDEX_MERGE, new[] { "Detect Resource", "Merge Segment Data", "Clean Up Old Segment", "Update Metadata" })]
    [TestCase(JobType.TABLE_SAMPLING, new[] { "Detect Resource", "Table Sampling" })]
    [TestCase(JobType.SNAPSHOT_BUILD, new[] { "Build Snapshot" })]
    [TestCase(JobType.SNAPSHOT_REFRESH, new[] { "Build Snapshot" })]
    public void Detail_StepsPerJobType_AreKylinsOwn(JobType type, string[] names)
    {
        using var live = new LiveServer();
        var id = live.Kylin.Jobs.Submit("p", type, "M", Plan).Id;
        Assert.That(live.Detail(id).Select(s => (string?)s["name"]), Is.EqualTo(names));
    }

    [Test]
    public void Detail_BuildStep_HasKylinsStagesPerSegment_MovingWithTheClock()
    {
        // JobService.getJobDetail / setSegmentSubStageParams; stage names ExecutableConstants.STAGE_NAME_*.
        using var live = new LiveServer();
        var id = live.Submit(Plan);
        live.AdvanceSeconds(70 + 20);
        var load = (JObject)live.Detail(id)[1];
        var stages = (JArray)load["sub_stages"]!;
        var segments = (JObject)load["segment_sub_stages"]!;
        var segment = (JObject)segments.Properties().Single().Value;
        Assert.Multiple(() =>
        {
            Assert.That(stages.Select(s => (string?)s["name"]), Is.EqualTo(BuildStages));
            Assert.That(stages.Select(s => (string?)s["id"]), Is.EqualTo(Enumerable.Range(0, 8).Select(k => $"{id}_01_{k:00}").ToArray()));
            Assert.That(stages.Select(s => (string?)s["step_status"]), Is.EqualTo(new[]
                { "FINISHED", "SKIP", "SKIP", "RUNNING", "PENDING", "PENDING", "PENDING", "PENDING" }));
            Assert.That(segment.Properties().Select(p => p.Name), Is.EqualTo(new[]
                { "duration", "wait_time", "step_ratio", "name", "start_time", "end_time", "exec_start_time", "exec_end_time", "stage", "info" }));
            Assert.That((long)segment["exec_end_time"]!, Is.Zero, "a segment with a running stage has no end");
            Assert.That((long)load["duration"]!, Is.EqualTo(20_000), "one segment: the step's duration is its stages' sum");
            Assert.That((long)stages[3]["exec_end_time"]!, Is.Zero, "a running stage has no end");
            Assert.That((long)load["index_count"]!, Is.Zero, "parseToExecutableStep never sets the counts");
        });

        live.AdvanceSeconds(200);
        var done = (JObject)live.Detail(id)[1];
        Assert.That(((JArray)done["sub_stages"]!).Select(s => (string?)s["step_status"]), Is.EqualTo(new[]
            { "FINISHED", "SKIP", "SKIP", "FINISHED", "FINISHED", "FINISHED", "FINISHED", "FINISHED" }));
    }

    [Test]
    public void Detail_StepsWithoutStages_HaveNullSubStages()
    {
        using var live = new LiveServer();
        var id = live.Submit(Plan);
        var steps = live.Detail(id);
        Assert.Multiple(() =>
        {
            Assert.That(steps[0]["sub_stages"]!.Type, Is.EqualTo(JTokenType.Null));
            Assert.That(steps[2]["segment_sub_stages"]!.Type, Is.EqualTo(JTokenType.Null));
        });
    }

    [Test]
    public void Detail_SamplingStages_AreKeyedByTheStep_SoOnlySubStagesIsSet()
    {
        using var live = new LiveServer();
        var id = live.Kylin.Jobs.Submit("p", JobType.TABLE_SAMPLING, "DB.T", JobPlan.Succeeds(1_000, 5_000, 60_000)).Id;
        live.AdvanceSeconds(10);
        var sampling = (JObject)live.Detail(id)[1];
        Assert.Multiple(() =>
        {
            Assert.That(((JArray)sampling["sub_stages"]!).Select(s => (string?)s["name"]), Is.EqualTo(new[] { "Waiting for yarn resources", "Sample Table Data" }));
            Assert.That(sampling["segment_sub_stages"]!.Type, Is.EqualTo(JTokenType.Null));
        });
    }

    [Test]
    public void StepRatio_CountsStages_AndIsForcedTo099UntilTheJobSucceeds()
    {
        // ExecutableResponse.calculateStepRatio: 3 steps + 8 stages - 1 = 10.
        using var live = new LiveServer();
        var id = live.Submit(Plan);
        live.AdvanceSeconds(70);
        Assert.That((float)live.ListJob(id)["step_ratio"]!, Is.EqualTo(0.1f), "Detect Resource done");
        live.AdvanceSeconds(160 + 30);
        Assert.That((float)live.ListJob(id)["step_ratio"]!, Is.EqualTo(1f), "succeeded");
    }

    [Test]
    public void StepRatio_AllStepsDoneButPaused_Is099()
    {
        using var live = new LiveServer();
        var id = live.Submit(JobPlan.Succeeds(1_000, 1_000, 1_000, 1_000));
        live.AdvanceSeconds(2.5);
        Assert.That(live.Put("PAUSE", ids: [id]).Status, Is.EqualTo(200));
        Assert.That((float)live.ListJob(id)["step_ratio"]!, Is.LessThan(1f));
    }

    [TestCase("java.lang.OutOfMemoryError: Java heap space", "KE-030001004(Job out of memory error):", "OOM exception occurred during build", "#TODO#oom")]
    [TestCase("java.io.IOException: No space left on device", "KE-030001005(Job no space left on device error):", "No space left on device during build", "#TODO#no_space_left_on_device")]
    [TestCase("date format not match", "KE-030001003(Job date format not match error):", "Model incremental construction, the time format of the time partition column is wrong", "#TODO#date_format_not_match")]
    [TestCase("java.lang.ClassNotFoundException: x.Y", "KE-030001006(Job class not found exception):", "Class not found when building", "#TODO#class_not_found")]
    [TestCase("Something odd", "KE-030001000(Job building error):", "Building job exception: Something odd", "#TODO")]
    public void FailedStep_ExplainsItself_AsKylinsExceptionMappingDoes(string message, string code, string reason, string resolve)
    {
        // JobService.setExceptionResolveAndCodeAndReason; exception_to_code.json; job_exception_reason_en / resolve_en.
        using var live = new LiveServer();
        var id = live.Kylin.Jobs.Submit("p", JobType.SNAPSHOT_BUILD, "DB.T", JobPlan.Succeeds(1_000, 60_000).FailingAt(0, message: message)).Id;
        live.AdvanceSeconds(61);
        var step = (JObject)live.Detail(id)[0];
        Assert.Multiple(() =>
        {
            Assert.That((string?)step["failed_code"], Is.EqualTo(code));
            Assert.That((string?)step["failed_reason"], Is.EqualTo(reason));
            Assert.That((string?)step["failed_resolve"], Is.EqualTo(resolve));
            Assert.That((string?)step["failed_step_id"], Is.EqualTo(id + "_00_01"), "Spark reports the failed stage");
            Assert.That((string?)step["failed_step_name"], Is.EqualTo("Build Snapshot"));
            Assert.That((string?)step["failed_msg"], Is.EqualTo(message));
        });
    }

    [Test]
    public void FailedStep_AcceptLanguageCn_GivesTheChineseReason_ButEnglishCode()
    {
        // KEFilter -> ExceptionReason.setLang: Chinese for exactly "cn".
        using var live = new LiveServer();
        var id = live.Kylin.Jobs.Submit("p", JobType.SNAPSHOT_BUILD, "DB.T", JobPlan.Succeeds(1_000, 60_000).FailingAt(0, message: "No space left on device")).Id;
        live.AdvanceSeconds(61);
        var step = ((JArray)live.Http.Get($"/kylin/api/jobs/{id}/detail?project=p", language: "cn").Data)[0];
        var zh = ((JArray)live.Http.Get($"/kylin/api/jobs/{id}/detail?project=p", language: "zh").Data)[0];
        Assert.Multiple(() =>
        {
            Assert.That((string?)step["failed_reason"], Is.EqualTo(">构建时空间不足"), "job_exception_reason_zh.properties, its stray '>' included");
            Assert.That((string?)step["failed_code"], Is.EqualTo("KE-030001005(Job no space left on device error):"));
            Assert.That((string?)zh["failed_reason"], Is.EqualTo("No space left on device during build"));
        });
    }

    [Test]
    public void StepOutput_UnknownJobOrUnrunStep_IsKylinsNotFoundText()
    {
        // JobController.getJobOutput checks only the project; NExecutableManager.getJobOutputFromHDFS.
        using var live = new LiveServer();
        var id = live.Submit(Plan);
        var unknown = live.Http.Get("/kylin/api/jobs/nope/steps/nope_00/output?project=p");
        var unrun = live.Http.Get($"/kylin/api/jobs/{id}/steps/{id}_02/output?project=p");
        Assert.Multiple(() =>
        {
            Assert.That(unknown.Status, Is.EqualTo(200));
            Assert.That((string?)unknown.Data["cmd_output"], Is.EqualTo("job output not found, please check kylin.log"));
            Assert.That((string?)unrun.Data["cmd_output"], Is.EqualTo("job output not found, please check kylin.log"));
            Assert.That((string?)live.Http.Get("/kylin/api/jobs/nope/steps/x/output?project=nope").Json["error_code"], Is.EqualTo("KE-010001201"));
        });
    }

    [Test]
    public void StepLog_IsTheRawLogAsAnAttachment()
    {
        // JobController.downloadLogFile, BaseController.setDownloadResponse.
        using var live = new LiveServer();
        var id = live.Submit(Plan);
        live.AdvanceSeconds(80);
        var log = live.Http.Get($"/kylin/api/jobs/{id}/steps/{id}_00/log?project=p", accept: "text/html,application/xhtml+xml,*/*;q=0.8");
        var missing = live.Http.Get($"/kylin/api/jobs/nope/steps/nope_00/log?project=p", accept: "*/*");
        Assert.Multiple(() =>
        {
            Assert.That(log.Status, Is.EqualTo(200));
            Assert.That(log.Response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/octet-stream"));
            Assert.That(log.Response.Content.Headers.ContentDisposition?.ToString(), Is.EqualTo($"attachment; filename=\"p_{id}_00.log\""));
            Assert.That(log.Text, Does.Contain("Detect Resource: step " + id + "_00 started"));
            Assert.That(missing.Text, Is.EqualTo("job output not found, please check kylin.log"));
        });
    }

    [Test]
    public void List_V4_HasProgressZeroAndVersionNull()
    {
        // JobService.addOldParams fills steps (and version) for v2 only; ExecutableResponse.getProgress counts steps.
        using var live = new LiveServer();
        var id = live.Submit(JobPlan.Succeeds(1_000, 1_000, 1_000, 1_000));
        live.AdvanceSeconds(10);
        var job = live.ListJob(id);
        Assert.Multiple(() =>
        {
            Assert.That((string?)job["job_status"], Is.EqualTo("FINISHED"));
            Assert.That((double)job["progress"]!, Is.EqualTo(0.0));
            Assert.That(job["version"]!.Type, Is.EqualTo(JTokenType.Null));
        });
    }

    [Test]
    public void DiscardSafety_FalseOnlyForANonFinalIncBuildThatWouldLeaveAHole()
    {
        // NSparkCubingJob.safetyIfDiscard; AbstractExecutable.safetyIfDiscard.
        var hole = NewJob.Create("j-hole", "p", JobType.INC_BUILD, "M", "M", JobPlan.Succeeds(1_000, 1_000, 1_000, 1_000), LiveServer.T0);
        var unsafeJob = new Job
        {
            Id = hole.Id, Project = hole.Project, JobName = hole.JobName, TargetModel = hole.TargetModel, TargetSegments = hole.TargetSegments,
            DiscardSafety = false, CreateTime = hole.CreateTime, LastModified = hole.LastModified, ReadySince = hole.ReadySince,
            Steps = hole.Steps, Plan = hole.Plan,
        };
        var build = new Job
        {
            Id = "j-build", Project = "p", JobName = JobType.INDEX_BUILD, TargetModel = "M", DiscardSafety = false,
            CreateTime = hole.CreateTime, LastModified = hole.LastModified, Steps = [], Plan = hole.Plan, State = ExecutableState.PAUSED,
        };
        using var live = new LiveServer();
        live.Kylin.Jobs.Add([unsafeJob, build]);
        Assert.Multiple(() =>
        {
            Assert.That((bool)live.ListJob("j-hole")["discard_safety"]!, Is.False);
            Assert.That((bool)live.ListJob("j-build")["discard_safety"]!, Is.True);
        });
        live.AdvanceSeconds(10);
        Assert.That((bool)live.ListJob("j-hole")["discard_safety"]!, Is.True, "a final job is always safe");
    }

    [Test]
    public void Discard_OfAPausedJobThatNeverRan_SetsStartAndEnd()
    {
        // ExecutableOutputPO.addStartTime/addEndTime via NExecutableManager.updateJobOutput.
        using var live = new LiveServer();
        var id = live.Submit(Plan);
        Assert.That(live.Put("PAUSE", ids: [id]).Status, Is.EqualTo(200));
        live.AdvanceSeconds(3);
        Assert.That(live.Put("DISCARD", ids: [id]).Status, Is.EqualTo(200));
        var job = live.ListJob(id);
        Assert.Multiple(() =>
        {
            Assert.That((long)job["exec_start_time"]!, Is.EqualTo(LiveServer.T0 + 3_000));
            Assert.That((long)job["exec_end_time"]!, Is.EqualTo(LiveServer.T0 + 3_000));
        });
    }
}
