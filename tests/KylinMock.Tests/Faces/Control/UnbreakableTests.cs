using KylinMock.Clocks;
using KylinMock.Jobs;
using KylinMock.Fixtures;
using KylinMock.Tests.Support;
using Newtonsoft.Json.Linq;

namespace KylinMock.Tests.Faces.Control;

/// <summary>
/// Issue 10's reproductions of a mock put in a state a test cannot trust, each pinned by name: a refused
/// control request changes nothing, health and reset always answer, and every answer is the control plane's.
/// </summary>
public class UnbreakableTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 15, 12, 0, 0, TimeSpan.Zero);

    // Issue 10, item 1: advance answered 400 but had moved the clock past the calendar; health, reset and every Kylin endpoint broke.
    [TestCase("POST", "/__kylinmock/clock/advance", """{"duration":"P8000Y"}""")]
    [TestCase("POST", "/__kylinmock/clock/advance", """{"ms":922337203685477}""")]
    [TestCase("POST", "/__kylinmock/clock/advance", """{"ms":9223372036854775807}""")]
    [TestCase("PUT", "/__kylinmock/clock", """{"now":"9999-12-31T23:59:59Z"}""")]
    [TestCase("PUT", "/__kylinmock/clock", """{"now":253402300799999}""")]
    public void Clock_MovePastTheCalendar_Is400AndLeavesTheClockWhereItWas(string method, string path, string body)
    {
        using var kylin = Manual();
        using var http = new KylinHttp(kylin.Url);
        var answer = http.Send(new HttpMethod(method), path, body, authorization: null, accept: "application/json");
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(400), answer.Text);
            Assert.That(ErrorOnly(answer), Does.Contain("range").Or.Contain("at most").Or.Contain("pass"));
            Assert.That(kylin.Clock.GetUtcNow(), Is.EqualTo(Start), "a refused move does not move the clock");
        });
        StillServes(kylin, http);
    }

    [Test]
    public void Clock_SetToTheLatestInstantThenAdvanced_IsRefusedAndResetRecovers()
    {
        using var kylin = Manual();
        using var http = new KylinHttp(kylin.Url);
        Assert.That(http.Send(HttpMethod.Put, "/__kylinmock/clock", """{"now":"9999-01-01T00:00:00Z"}""", authorization: null, accept: "application/json").Status, Is.EqualTo(200));
        var advance = http.Send(HttpMethod.Post, "/__kylinmock/clock/advance", """{"ms":1000}""", authorization: null, accept: "application/json");
        Assert.Multiple(() =>
        {
            Assert.That(advance.Status, Is.EqualTo(400));
            Assert.That(kylin.Clock.GetUtcNow(), Is.EqualTo(ClockRange.Latest));
        });
        StillServes(kylin, http);
        Assert.That(http.Send(HttpMethod.Post, "/__kylinmock/reset", null, authorization: null, accept: "application/json").Status, Is.EqualTo(200));
        Assert.That(kylin.Clock.GetUtcNow(), Is.EqualTo(Start));
    }

    [Test]
    public void ManualClock_AdvancePastTheRange_ThrowsWithoutMoving()
    {
        var clock = new ManualClock(ClockRange.Latest.AddSeconds(-1));
        Assert.Multiple(() =>
        {
            Assert.That(() => clock.Advance(TimeSpan.FromSeconds(2)), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(clock.GetUtcNow(), Is.EqualTo(ClockRange.Latest.AddSeconds(-1)));
            Assert.That(() => clock.SetUtcNow(DateTimeOffset.MaxValue), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => new ManualClock(DateTimeOffset.MinValue), Throws.InstanceOf<ArgumentOutOfRangeException>());
        });
    }

    [Test]
    public void OffsetSystemClock_AtTheEndOfItsRange_StillReadsAndRefusesToMove()
    {
        var clock = new OffsetSystemClock(ClockRange.Latest);
        Assert.Multiple(() =>
        {
            Assert.That(() => clock.Advance(TimeSpan.FromDays(400)), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(clock.GetUtcNow(), Is.GreaterThanOrEqualTo(ClockRange.Latest).And.LessThan(ClockRange.Latest.AddMinutes(1)));
            Assert.That(() => new OffsetSystemClock(DateTimeOffset.MaxValue.AddSeconds(-2)), Throws.InstanceOf<ArgumentOutOfRangeException>());
        });
    }

    // Issue 10, item 10: integer overflow in a control request was a 500.
    [TestCase("POST", "/__kylinmock/clock/advance", """{"ms":1000000000000000000000000000000}""")]
    [TestCase("POST", "/__kylinmock/clock/advance", """{"duration":"P99999999Y"}""")]
    [TestCase("PUT", "/__kylinmock/clock", """{"now":1000000000000000000000000000000}""")]
    [TestCase("POST", "/__kylinmock/jobs/submit", """{"project":"p","target_model":"m","plan":{"pickup_delay_ms":1000000000000000000000000000000}}""")]
    [TestCase("POST", "/__kylinmock/faults", """{"times":1000000000000000000000000000000}""")]
    [TestCase("POST", "/__kylinmock/faults", """{"times":9999999999}""")]
    public void ControlRequest_NumberOverflow_Is400(string method, string path, string body)
    {
        using var kylin = Manual();
        using var http = new KylinHttp(kylin.Url);
        var before = kylin.Jobs.Count;
        var answer = http.Send(new HttpMethod(method), path, body, authorization: null, accept: "application/json");
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(400), answer.Text);
            Assert.That(ErrorOnly(answer), Is.Not.Empty);
            Assert.That(kylin.Clock.GetUtcNow(), Is.EqualTo(Start));
            Assert.That(kylin.Jobs.Count, Is.EqualTo(before));
        });
    }

    // Issue 10, item 4: a plan of long.MaxValue overflowed into a job dated 292 million years BC that dropped out of every list.
    [TestCase("pickup_delay_ms", """{"pickup_delay_ms":9223372036854775807}""")]
    [TestCase("step_durations_ms", """{"step_durations_ms":[1000,9223372036854775807]}""")]
    [TestCase("pickup_delay_ms", """{"pickup_delay_ms":3153600000001}""")]
    public void ControlPlan_OverTheLimit_Is400NamingTheFieldAndTheLimit(string field, string plan)
    {
        using var kylin = Manual();
        using var http = new KylinHttp(kylin.Url);
        var id = kylin.Jobs.Snapshot()[0].Id;
        var plan0 = kylin.Jobs.Find(id)!.Plan;
        var before = kylin.Jobs.Count;
        var submit = http.Send(HttpMethod.Post, "/__kylinmock/jobs/submit", $$"""{"project":"p","target_model":"m","plan":{{plan}}}""", authorization: null, accept: "application/json");
        var patch = http.Send(HttpMethod.Patch, "/__kylinmock/jobs/" + id, $$"""{"plan":{{plan}}}""", authorization: null, accept: "application/json");
        Assert.Multiple(() =>
        {
            foreach (var answer in new[] { submit, patch })
            {
                Assert.That(answer.Status, Is.EqualTo(400), answer.Text);
                Assert.That(ErrorOnly(answer), Does.Contain(field).And.Contain("3153600000000"));
            }

            Assert.That(kylin.Jobs.Count, Is.EqualTo(before));
            Assert.That(kylin.Jobs.Find(id)!.Plan, Is.EqualTo(plan0));
        });
    }

    [Test]
    public void JobPlan_OverTheLimit_IsRefusedInProcessToo()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => new JobPlan { PickupDelayMs = long.MaxValue }, Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => JobPlan.Succeeds(0, 1, JobPlan.MaxDurationMs + 1), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(JobPlan.Succeeds(JobPlan.MaxDurationMs, JobPlan.MaxDurationMs).PickupDelayMs, Is.EqualTo(JobPlan.MaxDurationMs));
        });
    }

    [Test]
    public void ControlPlan_AtTheLimit_KeepsEveryListWhole()
    {
        using var kylin = Manual();
        using var http = new KylinHttp(kylin.Url);
        var limit = JobPlan.MaxDurationMs;
        var submit = http.Send(HttpMethod.Post, "/__kylinmock/jobs/submit", $$$"""{"project":"p","target_model":"m","plan":{"pickup_delay_ms":0,"step_durations_ms":[{{{limit}}},{{{limit}}}]}}""", authorization: null, accept: "application/json");
        Assert.That(submit.Status, Is.EqualTo(200), submit.Text);
        http.Send(HttpMethod.Post, "/__kylinmock/clock/advance", """{"duration":"P300Y"}""", authorization: null, accept: "application/json");
        var list = http.Get("/kylin/api/jobs?time_filter=4&page_size=1000");
        var health = http.Send(HttpMethod.Get, "/__kylinmock/health", null, authorization: null, accept: "application/json");
        Assert.Multiple(() =>
        {
            Assert.That((int)list.Json["data"]!["total_size"]!, Is.EqualTo((int)health.Json["jobs"]!));
            Assert.That(list.Json["data"]!["value"]!.Select(j => (long)j["duration"]!), Has.All.GreaterThanOrEqualTo(0));
        });
    }

    // Issue 10, item 5: a batch of a new job then an existing id answered 400 yet kept the new job.
    [Test]
    public void ControlJobs_AddBatchWithAnExistingId_Is400AndAddsNothing()
    {
        using var kylin = Manual();
        using var http = new KylinHttp(kylin.Url);
        var dump = http.Send(HttpMethod.Get, "/__kylinmock/jobs", null, authorization: null, accept: "application/json").Json;
        var existing = (JObject)dump["jobs"]![0]!;
        var fresh = (JObject)existing.DeepClone();
        fresh["id"] = "00000000-0000-4000-8000-00000000f00d";
        var body = new JObject { ["jobs"] = new JArray(fresh, existing.DeepClone()) }.ToString();
        var before = kylin.Jobs.Count;
        var answer = http.Send(HttpMethod.Post, "/__kylinmock/jobs", body, authorization: null, accept: "application/json");
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(400), answer.Text);
            Assert.That(ErrorOnly(answer), Does.Contain("exists already"));
            Assert.That(kylin.Jobs.Count, Is.EqualTo(before));
            Assert.That(kylin.Jobs.Find("00000000-0000-4000-8000-00000000f00d"), Is.Null);
        });
    }

    // Issue 10, item 8: the control API turned date-like strings into "01/01/2027 00:00:00" and read zone-less instants in the host's zone.
    [Test]
    public void ControlJobs_DateLikeStrings_StayAsSent()
    {
        using var kylin = Manual();
        using var http = new KylinHttp(kylin.Url);
        const string date = "2027-01-01T00:00:00Z";
        var body = $$$"""{"id":"{{{date}}}","project":"{{{date}}}","target_model":"{{{date}}}","plan":{"failure_message":"{{{date}}}"}}""";
        var answer = http.Send(HttpMethod.Post, "/__kylinmock/jobs/submit", body, authorization: null, accept: "application/json");
        Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
        var job = kylin.Jobs.Find(date);
        Assert.Multiple(() =>
        {
            Assert.That((string?)answer.Json["id"], Is.EqualTo(date));
            Assert.That(job, Is.Not.Null);
            Assert.That(job!.Project, Is.EqualTo(date));
            Assert.That(job.TargetModel, Is.EqualTo(date));
            Assert.That(job.Plan.FailureMessage, Is.EqualTo(date));
        });
    }

    [TestCase("2027-01-01T00:00:00")]
    [TestCase("2027-01-01T00:00:00Z")]
    [TestCase("2027-01-01T08:00:00+08:00")]
    public void ControlClock_InstantWithoutZone_IsUtc(string now)
    {
        using var kylin = Manual();
        using var http = new KylinHttp(kylin.Url);
        var answer = http.Send(HttpMethod.Put, "/__kylinmock/clock", $$"""{"now":"{{now}}"}""", authorization: null, accept: "application/json");
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
            Assert.That((string?)answer.Json["iso"], Is.EqualTo("2027-01-01T00:00:00.000Z"));
        });
    }

    // Issue 10, item 2: a malformed chunked body got WireMock's {"Status":...} 500 with a .NET stack trace and source paths.
    [TestCase("PUT", "/kylin/api/jobs/status", "ZZZ")]
    [TestCase("PUT", "/kylin/api/jobs/status", "FFFFFFFFFFFFFFFFFF")]
    [TestCase("GET", "/kylin/api/jobs?time_filter=4", "ZZZ")]
    [TestCase("POST", "/__kylinmock/jobs", "ZZZ")]
    [TestCase("PUT", "/__kylinmock/clock", "FFFFFFFFFFFFFFFFFF")]
    public void MalformedChunkedBody_IsTheEnvelope_WithoutAStackTrace(string method, string target, string chunkSize)
    {
        using var kylin = Manual();
        var before = kylin.Jobs.Count;
        var (status, body) = SendChunked(kylin.Port, method, target, chunkSize + "\r\n{}\r\n0\r\n\r\n");
        var json = JObject.Parse(body);
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(400), body);
            Assert.That(body, Does.Not.Contain(" at ").And.Not.Contain(".cs").And.Not.Contain("Status"));
            if (target.StartsWith("/__kylinmock", StringComparison.Ordinal))
            {
                Assert.That(json.Properties().Select(p => p.Name), Is.EqualTo(new[] { "error" }));
            }
            else
            {
                Assert.That((string?)json["code"], Is.EqualTo("999"));
            }

            Assert.That(kylin.Jobs.Count, Is.EqualTo(before));
        });
        using var http = new KylinHttp(kylin.Url);
        StillServes(kylin, http);
    }

    // Issue 10, item 9: an over-limit control body answered Kylin's envelope, not the control plane's {"error"}.
    [Test]
    public void ControlBody_OverTheLimit_IsTheControlPlanesError()
    {
        using var kylin = Manual();
        var (status, body) = SendRaw(kylin.Port, $"POST /__kylinmock/jobs HTTP/1.1\r\nHost: x\r\nContent-Length: {(1L << 30) + 1}\r\nConnection: close\r\n\r\n");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(413), body);
            Assert.That(JObject.Parse(body).Properties().Select(p => p.Name), Is.EqualTo(new[] { "error" }));
        });
    }

    // Issue 10, item 12: fixtures holding impossible jobs loaded and were served as written; "jobs": null gave 0 jobs.
    [TestCase("FINISHED", "exec_end_time", 0L, "exec_end_time")]
    [TestCase("FINISHED", "exec_start_time", -5L, "exec_start_time")]
    [TestCase("FINISHED", "last_modified", 1L, "last_modified")]
    [TestCase("PENDING", "create_time", 9223372036854775807L, "create_time")]
    public void Fixture_ImpossibleJob_IsRefusedNamingFileJobAndField(string status, string field, long value, string named)
    {
        var (dump, index) = DumpWith(status);
        dump["jobs"]![index]![field] = value;
        Assert.That(() => FixtureReader.Read(new StringReader(dump.ToString()), "bad.json"),
            Throws.InstanceOf<FixtureException>().With.Message.StartsWith("bad.json: job #" + index).And.Message.Contains($"\"{named}\""));
    }

    [Test]
    public void Fixture_PlanOfLongMaxValue_IsRefusedNamingTheField()
    {
        var (dump, index) = DumpWith("RUNNING");
        var id = (string)dump["jobs"]![index]!["id"]!;
        dump["mock_jobs"]![id]!["plan"]!["pickup_delay_ms"] = long.MaxValue;
        Assert.That(() => FixtureReader.Read(new StringReader(dump.ToString()), "bad.json"),
            Throws.InstanceOf<FixtureException>().With.Message.StartsWith("bad.json: ").And.Message.Contains("pickup_delay_ms").And.Message.Contains(id));
    }

    [TestCase("""{"jobs": null}""", "jobs")]
    [TestCase("""{"projects": null, "jobs": []}""", "projects")]
    public void Fixture_NullWhereAnArrayBelongs_IsRefused(string text, string field)
    {
        Assert.That(() => FixtureReader.Read(new StringReader(text), "bad.json"),
            Throws.InstanceOf<FixtureException>().With.Message.Contains($"\"{field}\": null"));
    }

    private static (JObject Dump, int Index) DumpWith(string status)
    {
        using var kylin = Manual();
        using var http = new KylinHttp(kylin.Url);
        var dump = (JObject)http.Send(HttpMethod.Get, "/__kylinmock/jobs", null, authorization: null, accept: "application/json").Json;
        var index = dump["jobs"]!.Select((j, i) => ((string?)j["job_status"], i)).First(p => p.Item1 == status).i;
        return (dump, index);
    }

    private static (int Status, string Body) SendChunked(int port, string method, string target, string chunks) =>
        SendRaw(port, $"{method} {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: {KylinHttp.AdminBasic}\r\nAccept: {KylinHttp.PublicAccept}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n{chunks}");

    // One request as written, read to the end; a chunked answer is undone.
    private static (int Status, string Body) SendRaw(int port, string request)
    {
        using var tcp = new System.Net.Sockets.TcpClient("127.0.0.1", port);
        using var stream = tcp.GetStream();
        stream.Write(System.Text.Encoding.ASCII.GetBytes(request));
        // Read until the server closes (or resets, as it may after answering a body it will not read).
        var bytes = new MemoryStream();
        var buffer = new byte[8192];
        try
        {
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                bytes.Write(buffer, 0, read);
            }
        }
        catch (IOException) when (bytes.Length > 0)
        {
        }

        var response = System.Text.Encoding.UTF8.GetString(bytes.ToArray());
        var status = int.Parse(response.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var split = response.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = response[..split];
        var body = response[(split + 4)..];
        if (head.Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase))
        {
            var text = new System.Text.StringBuilder();
            while (true)
            {
                var end = body.IndexOf("\r\n", StringComparison.Ordinal);
                var size = Convert.ToInt32(body[..end], 16);
                if (size == 0)
                {
                    break;
                }

                text.Append(body, end + 2, size);
                body = body[(end + 2 + size + 2)..];
            }

            body = text.ToString();
        }

        return (status, body);
    }

    private static string ErrorOnly(KylinHttp.Answer answer)
    {
        Assert.That(((JObject)answer.Json).Properties().Select(p => p.Name), Is.EqualTo(new[] { "error" }), answer.Text);
        return (string)answer.Json["error"]!;
    }

    private static void StillServes(KylinMockServer kylin, KylinHttp http)
    {
        Assert.Multiple(() =>
        {
            Assert.That(http.Send(HttpMethod.Get, "/__kylinmock/health", null, authorization: null, accept: "application/json").Status, Is.EqualTo(200));
            Assert.That(http.Get("/kylin/api/jobs?time_filter=4").Status, Is.EqualTo(200));
            Assert.That(kylin.Jobs.Snapshot(), Is.Not.Empty);
        });
    }

    private static KylinMockServer Manual() =>
        KylinMockServer.Start(new KylinMockOptions { Clock = new ManualClock(Start), Seed = 5, JobCount = 40 });
}
