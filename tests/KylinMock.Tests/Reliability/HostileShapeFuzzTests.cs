using FsCheck;
using FsCheck.Fluent;
using KylinMock.Clocks;
using KylinMock.Tests.Support;
using Newtonsoft.Json.Linq;

namespace KylinMock.Tests.Reliability;

/// <summary>
/// Issue 10's shapes, fuzzed: clock values at and past the calendar's ends, plan values at the integer
/// limits, date-like strings in every string field, credential headers in odd shapes. After each request
/// the answer is the control plane's (or Kylin's), health and a list answer, and a refused request changed
/// no job and did not move the clock.
/// </summary>
[NonParallelizable]
public class HostileShapeFuzzTests
{
    private static readonly string[] Numbers =
    [
        "0", "-1", "1", "9223372036854775807", "-9223372036854775808", "9223372036854775808", "1e30",
        "1000000000000000000000000000000", "253402300799999", "253402300800000", "-62135596800000", "3153600000000", "3153600000001", "2147483648",
    ];

    private static readonly string[] Texts =
    [
        "2027-01-01T00:00:00Z", "2027-01-01T00:00:00", "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "P8000Y", "P99999999Y", "PT5M", "-PT1S", "", "01/01/2027 00:00:00",
    ];

    private static readonly string[] Headers =
    [
        "Authorization: QURNSU46S1lMSU4=", "Authorization: Basic\tQURNSU46S1lMSU4=", "Cookie: s=QURNSU46S1lMSU4=", "X-KylinMock-Token: ", "Proxy-Authorization: x",
    ];

    [Test]
    public void HostileControlShapes_AreAnsweredAndRefusalsChangeNothing()
    {
        var start = new DateTimeOffset(2026, 3, 15, 12, 0, 0, TimeSpan.Zero);
        using var kylin = KylinMockServer.Start(new KylinMockOptions { Clock = new ManualClock(start), Seed = 3, JobCount = 30 });
        using var http = new KylinHttp(kylin.Url);
        var id = kylin.Jobs.Snapshot()[0].Id;
        var number = Gen.Elements(Numbers);
        var text = Gen.Elements(Texts).Select(t => "\"" + t + "\"");
        var value = Gen.OneOf(number, text);
        var requests = Gen.OneOf(
            value.Select(v => ("PUT", "/__kylinmock/clock", $$"""{"now":{{v}}}""")),
            value.Select(v => ("POST", "/__kylinmock/clock/advance", $$"""{"ms":{{v}}}""")),
            value.Select(v => ("POST", "/__kylinmock/clock/advance", $$"""{"duration":{{v}}}""")),
            Gen.Zip(value, value).Select(p => ("POST", "/__kylinmock/jobs/submit", $$$"""{"project":{{{p.Item2}}},"target_model":"m","id":{{{p.Item2}}},"plan":{"pickup_delay_ms":{{{p.Item1}}},"step_durations_ms":[{{{p.Item1}}}],"fail_at_step":{{{p.Item1}}},"failing_runs":{{{p.Item1}}}}}""")),
            value.Select(v => ("PATCH", "/__kylinmock/jobs/" + id, $$$"""{"plan":{"pickup_delay_ms":{{{v}}}}}""")),
            value.Select(v => ("POST", "/__kylinmock/faults", $$"""{"times":{{v}},"status":{{v}}}""")),
            Gen.Elements(Headers).Select(h => ("GET", "/kylin/api/jobs?time_filter=4", h)));
        var sent = 0;
        var property = Prop.ForAll(requests.ToArbitrary(), request =>
        {
            sent++;
            var (method, path, body) = request;
            var jobs = Estate(kylin);
            var now = kylin.Clock.GetUtcNow();
            KylinHttp.Answer answer;
            if (method == "GET")
            {
                var header = body.Split(": ", 2);
                answer = http.Get(path, authorization: header[0] == "Authorization" ? header[1] : KylinHttp.AdminBasic);
            }
            else
            {
                answer = http.Send(new HttpMethod(method), path, body, authorization: null, accept: "application/json");
            }

            string? problem = null;
            if (answer.Status is not (200 or 400 or 401 or 404 or 409))
            {
                problem = "status " + answer.Status;
            }
            else if (path.StartsWith("/__kylinmock", StringComparison.Ordinal) && answer.Status != 200 && !(answer.Json is JObject { Count: 1 } only && only.ContainsKey("error")))
            {
                problem = "a control failure without {\"error\"}";
            }
            else if (answer.Status != 200 && (Estate(kylin) != jobs || kylin.Clock.GetUtcNow() != now))
            {
                problem = "a refused request changed the mock";
            }
            else if (!ClockRange.Contains(kylin.Clock.GetUtcNow()))
            {
                problem = "the clock left its range";
            }
            else if (http.Send(HttpMethod.Get, "/__kylinmock/health", null, authorization: null, accept: "application/json").Status != 200
                || http.Get("/kylin/api/jobs?time_filter=4&page_size=100").Status != 200)
            {
                problem = "health or the list stopped answering";
            }

            if (problem is not null)
            {
                TestContext.Out.WriteLine($"{problem}\n{method} {path} {body}\n=> {answer.Status} {answer.Text}");
            }

            http.Send(HttpMethod.Delete, "/__kylinmock/faults", null, authorization: null, accept: "application/json");
            return problem is null;
        });
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), property);
        Assert.That(sent, Is.GreaterThanOrEqualTo(300));
    }

    private static string Estate(KylinMockServer kylin) =>
        string.Join('|', kylin.Jobs.Snapshot().Select(j => $"{j.Id}:{j.State}:{j.LastModified}:{j.Plan.PickupDelayMs}"));
}
