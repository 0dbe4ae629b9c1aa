using KylinMock.Jobs;
using KylinMock.Tests.Support;
using Newtonsoft.Json.Linq;

namespace KylinMock.Tests.Faces.Kylin5Jobs;

/// <summary>
/// A repeated list at one store version and one instant is answered from a cache: every change, reset
/// or clock move must still show at once (speed never changes an answer).
/// </summary>
public class ListAnswerCacheTests
{
    private const string List = "/kylin/api/jobs?time_filter=4&page_size=100";

    [Test]
    public void List_RepeatedAtTheSameInstant_AnswersTheSameBytes()
    {
        using var kylin = Estates.StartCaptured(out _);
        using var http = new KylinHttp(kylin.Url);
        var first = http.Get(List).Text;
        Assert.That(http.Get(List).Text, Is.EqualTo(first));
    }

    [Test]
    public void List_AfterAnActionAtTheSameInstant_ShowsIt()
    {
        using var kylin = Estates.StartCaptured(out _);
        using var http = new KylinHttp(kylin.Url);
        Assert.That(Status(http.Get(List), Estates.Id(2)), Is.EqualTo("RUNNING"));
        Assert.That(http.Put("/kylin/api/jobs/status", $"{{\"action\":\"PAUSE\",\"job_ids\":[\"{Estates.Id(2)}\"]}}").Status, Is.EqualTo(200));
        Assert.That(Status(http.Get(List), Estates.Id(2)), Is.EqualTo("STOPPED"));
    }

    [Test]
    public void List_AfterTheClockMovesOneMillisecond_ShowsTheRunningJobOneMillisecondLonger()
    {
        using var kylin = Estates.StartCaptured(out var clock);
        using var http = new KylinHttp(kylin.Url);
        var before = (long)Job(http.Get(List), Estates.Id(2))["duration"]!;
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.That((long)Job(http.Get(List), Estates.Id(2))["duration"]!, Is.EqualTo(before + 1));
    }

    [Test]
    public void List_AfterAJobIsSubmittedAtTheSameInstant_CountsIt()
    {
        using var kylin = Estates.StartCaptured(out _);
        using var http = new KylinHttp(kylin.Url);
        var before = (int)http.Get(List).Data["total_size"]!;
        var job = kylin.Jobs.Submit("learn_kylin", JobType.INDEX_BUILD, "model-uuid", new JobPlan());
        var after = http.Get(List);
        Assert.Multiple(() =>
        {
            Assert.That((int)after.Data["total_size"]!, Is.EqualTo(before + 1));
            Assert.That(after.Ids, Does.Contain(job.Id));
        });
    }

    [Test]
    public void List_AfterAReset_AnswersTheLoadedEstateAgain()
    {
        using var kylin = Estates.StartCaptured(out _);
        using var http = new KylinHttp(kylin.Url);
        var loaded = http.Get(List).Text;
        http.Put("/kylin/api/jobs/status", $"{{\"action\":\"DISCARD\",\"job_ids\":[\"{Estates.Id(2)}\"]}}");
        Assert.That(http.Get(List).Text, Is.Not.EqualTo(loaded));
        kylin.Reset();
        Assert.That(http.Get(List).Text, Is.EqualTo(loaded));
    }

    private static JToken Job(KylinHttp.Answer answer, string id) => answer.Data["value"]!.Single(j => (string)j["id"]! == id);

    private static string Status(KylinHttp.Answer answer, string id) => (string)Job(answer, id)["job_status"]!;
}
