using System.Net;
using System.Net.Sockets;
using KylinMock.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace KylinMock.Tests.Notify;

/// <summary>The job-finished callback (build contract §11; kylin.job.finished-notifier-url, JobFinishedNotifier).</summary>
public class JobFinishedCallbackTests
{
    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static async Task<JObject> Receive(HttpListener listener)
    {
        var call = await listener.GetContextAsync().WaitAsync(TimeSpan.FromSeconds(20));
        using var reader = new StreamReader(call.Request.InputStream);
        var body = JObject.Parse(await reader.ReadToEndAsync());
        body["__content_type"] = call.Request.ContentType;
        call.Response.StatusCode = 200;
        call.Response.Close();
        return body;
    }

    [Test]
    public async Task Callback_BuildThatFailsThenSucceeds_PostsErrorThenSucceed_InKylinsFieldOrder()
    {
        // AbstractExecutable's notify after each run loop: ERROR, then (after RESUME) SUCCEED; fields in JobFinishedNotifier's order.
        var port = FreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/hook/");
        listener.Start();
        var clock = new FakeTimeProvider(Estates.Now);
        using var kylin = KylinMockServer.Start(new KylinMockOptions
        {
            Clock = clock,
            Estate = new KylinMock.Jobs.Estate([new KylinMock.Jobs.Project(ModelEstates.Project)], []) { Models = new KylinMock.Models.ModelEstate(ModelEstates.Tables, [], []) },
            JobFinishedNotifierUrl = new Uri($"http://127.0.0.1:{port}/hook/"),
        });
        kylin.Models.Add(ModelEstates.Model(ModelEstates.Partitioned, "kylin_sales_model", partitioned: true));
        kylin.Models.ScriptNextJob(ModelEstates.Partitioned, new KylinMock.Jobs.JobPlan().FailingAt(1));
        using var http = new KylinHttp(kylin.Url);
        var start = ModelEstates.T;
        var answer = http.Send(HttpMethod.Post, "/kylin/api/models/kylin_sales_model/segments", $"{{\"project\":\"learn_kylin\",\"start\":\"{start}\",\"end\":\"{start + ModelEstates.Day}\",\"tag\":{{\"run\":1}}}}");
        var id = (string)answer.Data["jobs"]![0]!["job_id"]!;
        var segment = kylin.Jobs.Find(id)!.TargetSegments.Single();

        clock.Advance(TimeSpan.FromMinutes(3));
        _ = kylin.Jobs.Find(id);
        var error = await Receive(listener);
        http.Put("/kylin/api/jobs/status", $"{{\"action\":\"RESUME\",\"project\":\"learn_kylin\",\"job_ids\":[\"{id}\"]}}");
        clock.Advance(TimeSpan.FromMinutes(5));
        _ = kylin.Jobs.Find(id);
        var done = await Receive(listener);

        Assert.Multiple(() =>
        {
            Assert.That(done.Properties().Select(p => p.Name).Where(n => n != "__content_type"), Is.EqualTo(new[]
            {
                "job_id", "project", "model_id", "segment_ids", "index_ids", "duration", "job_state", "job_type", "segment_time_range",
                "segment_partition_info", "snapshot_job_info", "start_time", "end_time", "tag", "error_code", "suggestion", "msg", "code", "stacktrace",
            }));
            Assert.That((string?)done["__content_type"], Does.StartWith("application/json"));
            Assert.That(((string?)error["job_id"], (string?)error["job_state"], (string?)error["error_code"]), Is.EqualTo((id, "ERROR", "KE-060100201")));
            Assert.That((string?)error["msg"], Is.EqualTo("KE-060100201: An Exception occurred outside Kylin 5.0."));
            Assert.That(((string?)done["job_state"], (string?)done["job_type"], (string?)done["model_id"]), Is.EqualTo(("SUCCEED", "INC_BUILD", ModelEstates.Partitioned)));
            Assert.That(done["segment_time_range"]!.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo($"[{{\"segment_id\":\"{segment}\",\"data_range_start\":{start},\"data_range_end\":{start + ModelEstates.Day}}}]"));
            Assert.That(done["tag"]!.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo("{\"run\":1}"));
            Assert.That(done["error_code"]!.Type, Is.EqualTo(JTokenType.Null));
            Assert.That(done["snapshot_job_info"]!.Type, Is.EqualTo(JTokenType.Null));
        });
    }
}
