using System.Net;
using System.Net.Sockets;
using KylinMock.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace KylinMock.Tests.Notify;

/// <summary>
/// Issue 23, item 9: the job-finished callback as Kylin sends it (build contract §11; JobFinishedNotifier: from
/// each job's own thread, Apache HttpClient, which does not follow a POST's 302, retried after 5 s while not 200).
/// </summary>
public class CallbackTests
{
    private HttpListener listener = null!;
    private FakeTimeProvider clock = null!;
    private KylinMockServer kylin = null!;
    private KylinHttp http = null!;
    private string hook = null!;

    [SetUp]
    public void Start()
    {
        var port = FreePort();
        hook = $"http://127.0.0.1:{port}/hook/";
        listener = new HttpListener();
        listener.Prefixes.Add(hook);
        listener.Start();
        clock = new FakeTimeProvider(Estates.Now);
        kylin = KylinMockServer.Start(new KylinMockOptions
        {
            Clock = clock,
            Estate = new KylinMock.Jobs.Estate([new KylinMock.Jobs.Project(ModelEstates.Project)], [])
            {
                Models = new KylinMock.Models.ModelEstate(ModelEstates.Tables, [ModelEstates.Model(ModelEstates.Partitioned, "kylin_sales_model", partitioned: true)], []),
            },
            JobFinishedNotifierUrl = new Uri(hook),
        });
        http = new KylinHttp(kylin.Url);
    }

    [TearDown]
    public void Stop()
    {
        http.Dispose();
        kylin.Dispose();
        listener.Close();
    }

    [Test]
    public async Task Item09_RedirectAnswer_IsNotFollowed_AndIsPostedAgainAfterFiveSeconds()
    {
        Build(day: 0, run: 1);
        FinishRuns();
        var first = await Next();
        first.Response.StatusCode = 302;
        first.Response.RedirectLocation = hook + "moved";
        first.Response.Close();

        var again = listener.GetContextAsync();
        for (var i = 0; i < 40 && !again.IsCompleted; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(5));
            ((IAsyncResult)again).AsyncWaitHandle.WaitOne(250);
        }

        var second = await again.WaitAsync(TimeSpan.FromSeconds(20));
        Answer(second, 200);
        Assert.That((second.Request.HttpMethod, second.Request.Url!.AbsolutePath), Is.EqualTo(("POST", "/hook/")));
    }

    [Test]
    public async Task Item09_SlowListener_DelaysOnlyItsOwnJob()
    {
        var one = Build(day: 0, run: 1);
        var two = Build(day: 1, run: 2);
        FinishRuns();
        var held = await Next();
        var heldJob = (string)Body(held)["job_id"]!;
        var other = await Next();
        var otherJob = (string)Body(other)["job_id"]!;
        Answer(other, 200);
        Answer(held, 200);
        Assert.That(new[] { heldJob, otherJob }, Is.EquivalentTo(new[] { one, two }));
    }

    [Test]
    public async Task Item09_PostsQueuedBeforeAReset_AreNotSentAfterIt()
    {
        Build(day: 0, run: 1);
        FinishRuns();
        Answer(await Next(), 500);
        kylin.Reset();

        Build(day: 0, run: 2);
        FinishRuns();
        var next = await Next();
        var body = Body(next);
        Answer(next, 200);
        Assert.That(body["tag"]!.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo("{\"run\":2}"));
    }

    [Test]
    public async Task Item09_HugeAnswer_IsNotRead_AndCountsAsDelivered()
    {
        Build(day: 0, run: 1);
        FinishRuns();
        var first = await Next();
        first.Response.StatusCode = 200;
        first.Response.ContentLength64 = 2_000_000_000;
        try
        {
            first.Response.OutputStream.Write(new byte[65536]);
            first.Response.OutputStream.Flush();
        }
        catch (HttpListenerException)
        {
            // The mock hung up after the headers: it does not read the answer.
        }

        // Buffering the answer would hit the 3 s socket timeout and post again at once; a delivered post is not repeated.
        var again = listener.GetContextAsync();
        var repeated = ((IAsyncResult)again).AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(4.5));
        first.Response.Abort();
        Assert.That(repeated, Is.False, "posted again");
    }

    [Test]
    public void Item09_NonHttpUrlInProcess_IsRefusedAtStart()
    {
        var error = Assert.Throws<ArgumentException>(() => KylinMockServer.Start(new KylinMockOptions { Port = 0, JobCount = 1, JobFinishedNotifierUrl = new Uri("ftp://127.0.0.1/hook") }));
        Assert.That(error!.Message, Does.StartWith("The job-finished notifier URL \"ftp://127.0.0.1/hook\" is not an http or https URL."));
    }

    private static void Answer(HttpListenerContext call, int status)
    {
        call.Response.StatusCode = status;
        call.Response.Close();
    }

    private static JObject Body(HttpListenerContext call)
    {
        using var reader = new StreamReader(call.Request.InputStream);
        return JObject.Parse(reader.ReadToEnd());
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private Task<HttpListenerContext> Next() => listener.GetContextAsync().WaitAsync(TimeSpan.FromSeconds(20));

    private string Build(int day, int run)
    {
        var start = ModelEstates.T + (day * ModelEstates.Day);
        var answer = http.Send(HttpMethod.Post, "/kylin/api/models/kylin_sales_model/segments", $"{{\"project\":\"learn_kylin\",\"start\":\"{start}\",\"end\":\"{start + ModelEstates.Day}\",\"tag\":{{\"run\":{run}}}}}");
        return (string)answer.Data["jobs"]![0]!["job_id"]!;
    }

    // An hour on, every build's run has ended; reading the list catches the jobs up with the clock.
    private void FinishRuns()
    {
        clock.Advance(TimeSpan.FromHours(1));
        _ = http.Get("/kylin/api/jobs?time_filter=4&project=learn_kylin");
    }
}
