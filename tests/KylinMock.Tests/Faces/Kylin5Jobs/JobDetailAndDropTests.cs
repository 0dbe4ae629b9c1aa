using KylinMock.Tests.Support;
using Newtonsoft.Json.Linq;

namespace KylinMock.Tests.Faces.Kylin5Jobs;

/// <summary>GET .../detail, GET .../steps/{step}/output and DELETE /kylin/api/jobs (contract: "Other job endpoints").</summary>
public class JobDetailAndDropTests : ListJobsTestBase
{
    private static readonly string[] StepFields =
    [
        "id", "name", "sequence_id", "exec_cmd", "exec_start_time", "exec_end_time", "duration", "wait_time", "create_time",
        "index_count", "success_index_count", "step_status", "scheduler_state", "cmd_type", "info", "previous_step", "next_steps", "failed_msg",
        "failed_step_name", "failed_step_id", "failed_segment_id", "failed_stack", "failed_resolve", "failed_reason", "failed_code",
        "sub_stages", "segment_sub_stages",
    ];

    [SetUp]
    public void FreshEstate() => Kylin.Reset();

    [Test]
    public void Detail_ListsTheStepsWithEveryField()
    {
        var answer = Http.Get($"/kylin/api/jobs/{Estates.Id(1)}/detail?project=learn_kylin");
        var steps = (JArray)answer.Data;
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200));
            Assert.That(steps.Select(s => (string?)s["id"]), Is.EqualTo(new[] { Estates.Id(1) + "_00", Estates.Id(1) + "_01", Estates.Id(1) + "_02" }));
            Assert.That(((JObject)steps[0]).Properties().Select(p => p.Name), Is.EqualTo(StepFields));
            Assert.That(steps.Select(s => (string?)s["cmd_type"]), Is.All.EqualTo("SHELL_CMD_HADOOP"));
            Assert.That(steps.Sum(s => (long)s["duration"]!), Is.EqualTo(3_540_000), "the steps add up to the job's duration");
        });
    }

    [Test]
    public void Detail_DiscardedJob_ShowsEveryStepDiscarded()
    {
        var steps = (JArray)Http.Get($"/kylin/api/jobs/{Estates.Id(6)}/detail?project=SSB").Data;
        Assert.That(steps.Select(s => (string?)s["step_status"]), Is.All.EqualTo("DISCARDED"));
    }

    [Test]
    public void Detail_UnknownJob_IsKE010032219()
    {
        AssertError(Http.Get("/kylin/api/jobs/nope/detail?project=SSB"), 500, "KE-010032219: Can't find job \"nope\". Please check and try again.", "KE-010032219");
    }

    [Test]
    public void Detail_JobOfAnotherProject_IsKE010032219()
    {
        Assert.That((string?)Http.Get($"/kylin/api/jobs/{Estates.Id(1)}/detail?project=SSB").Json["error_code"], Is.EqualTo("KE-010032219"));
    }

    [Test]
    public void Detail_WithoutProject_IsKE010043201WithHttp400()
    {
        AssertError(Http.Get($"/kylin/api/jobs/{Estates.Id(1)}/detail"), 400,
            "KE-010043201: Request parameter \"project\" is empty or value is empty. Please check the request parameters.", "KE-010043201");
    }

    [Test]
    public void Detail_EmptyProject_IsEmptyProjectName()
    {
        AssertError(Http.Get($"/kylin/api/jobs/{Estates.Id(1)}/detail?project="), 500,
            "KE-010001002(Empty Project Name):Can’t find project information. Please select a project.", "KE-010001002");
    }

    [Test]
    public void Detail_UnknownProject_IsKE010001201()
    {
        Assert.That((string?)Http.Get($"/kylin/api/jobs/{Estates.Id(1)}/detail?project=nope").Json["error_code"], Is.EqualTo("KE-010001201"));
    }

    [Test]
    public void Output_OfARunStep_IsItsLog_InAJavaHashMapsKeyOrder()
    {
        var answer = Http.Get($"/kylin/api/jobs/{Estates.Id(1)}/steps/{Estates.Id(1)}_01/output?project=learn_kylin");
        var data = (JObject)answer.Data;
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200));
            Assert.That(data.Properties().Select(p => p.Name), Is.EqualTo(new[] { "jobId", "cmd_output", "stepId" }));
            Assert.That((string?)data["cmd_output"], Does.Contain(Estates.Id(1) + "_01 started").And.Contain("finished with SUCCEED"));
        });
    }

    [Test]
    public void Output_OfAFailedStep_EndsWithTheFailure()
    {
        var steps = (JArray)Http.Get($"/kylin/api/jobs/{Estates.Id(4)}/detail?project=SSB").Data;
        var failed = steps.Single(s => (string?)s["step_status"] == "ERROR");
        var output = (string?)Http.Get($"/kylin/api/jobs/{Estates.Id(4)}/steps/{failed["id"]}/output?project=SSB").Data["cmd_output"];
        Assert.That(output, Does.Contain(" ERROR " + (string?)failed["name"]));
    }

    [Test]
    public void Output_IsTheSameOnEveryCall()
    {
        var path = $"/kylin/api/jobs/{Estates.Id(1)}/steps/{Estates.Id(1)}_00/output?project=learn_kylin";
        var first = Http.Get(path).Text;
        Assert.That(Http.Get(path).Text, Is.EqualTo(first));
    }

    [Test]
    public void Drop_FinalJobs_RemovesThem()
    {
        var answer = Http.Send(HttpMethod.Delete, "/kylin/api/jobs?project=learn_kylin&statuses=FINISHED");
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
            Assert.That(List("time_filter=4&page_size=100"), Is.EqualTo(new[] { 3, 2, 4, 10, 6, 7, 8 }));
        });
    }

    [Test]
    public void Drop_GlobalByIds_RemovesThemWhereverTheyAre()
    {
        Assert.That(Http.Send(HttpMethod.Delete, $"/kylin/api/jobs?job_ids={Estates.Id(6)},{Estates.Id(1)}").Status, Is.EqualTo(200));
        Assert.That(List("time_filter=4&page_size=100"), Is.EqualTo(new[] { 3, 2, 4, 10, 5, 7, 8, 9 }));
    }

    [Test]
    public void Drop_ARunningJob_IsRefusedUntilDiscarded()
    {
        var answer = Http.Send(HttpMethod.Delete, $"/kylin/api/jobs?project=learn_kylin&job_ids={Estates.Id(2)}");
        AssertError(answer, 500, $"KE-000000001(UNKNOWN ERRORCODE): Cannot drop running job INC_BUILD ({Estates.Id(2)}), please discard it first.", null);
        Http.Put("/kylin/api/jobs/status", $"{{\"action\":\"DISCARD\",\"job_ids\":[\"{Estates.Id(2)}\"]}}");
        Assert.That(Http.Send(HttpMethod.Delete, $"/kylin/api/jobs?project=learn_kylin&job_ids={Estates.Id(2)}").Status, Is.EqualTo(200));
    }

    [Test]
    public void Drop_FirstUnfinishedJobStopsTheBatch()
    {
        // learn_kylin in storage order: 1 FINISHED (dropped), 2 RUNNING (stop).
        Http.Send(HttpMethod.Delete, "/kylin/api/jobs?project=learn_kylin");
        Assert.That(List("time_filter=4&page_size=100&project=learn_kylin"), Is.EqualTo(new[] { 2, 5, 7, 9 }));
    }

    [Test]
    public void Drop_NothingSelected_IsKE010032213()
    {
        AssertError(Http.Send(HttpMethod.Delete, "/kylin/api/jobs"), 500, "KE-010032213: At least one job should be selected to delete.", "KE-010032213");
    }

    [Test]
    public void Drop_BadStatus_IsKE010032212()
    {
        Assert.That((string?)Http.Send(HttpMethod.Delete, "/kylin/api/jobs?project=SSB&statuses=DONE").Json["error_code"], Is.EqualTo("KE-010032212"));
    }
}
