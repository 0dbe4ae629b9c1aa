using System.Text;
using FsCheck;
using FsCheck.Fluent;
using KylinMock.Tests.Support;

namespace KylinMock.Tests.Reliability;

/// <summary>Hostile requests for every Kylin endpoint and the control API.</summary>
internal static class FuzzGenerators
{
    private static readonly string[] ParameterNames =
    [
        "time_filter", "project", "statuses", "key", "job_names", "subject", "page_offset", "page_size", "sort_by", "reverse",
        "job_ids", "action", "", "unknown", "TIME_FILTER", "time%5Ffilter", "%zz", "a b",
    ];

    private static readonly string[] Values =
    [
        "", "0", "1", "4", "5", "-1", "2147483647", "2147483648", "-2147483649", "99999999999999999999", "0x10", "1e3", "1.5", " 3 ",
        "abc", "true", "no", "PENDING", "RUNNING,ERROR", "DISCARDED", "SUICIDAL", "STARTING", "running", "INDEX_BUILD", "last_modified",
        "total_duration", "job_status", "id", "SSB", "ssb", "learn_kylin", "项目", "%zz", "%C3%28", "%E9%A1%B9", "%2C%2C", "%25", "+",
        "a%26b", new string('x', 5000), "%F0%9F%98%80", "null", "[]", "{}",
    ];

    private static readonly string[] Paths =
    [
        "/kylin/api/jobs", "/kylin/api/jobs/", "/kylin/api/jobs/status", "/kylin/api/jobs/{id}/detail", "/kylin/api/jobs/nope/detail",
        "/kylin/api/jobs/{id}/steps/{id}_01/output", "/kylin/api/jobs/{id}/steps/x/output", "/kylin/api/user/authentication",
        "/kylin/api/other", "/kylin/api", "/kylin", "/", "/__kylinmock/health", "/__kylinmock/jobs/x", "/__kylinmock/nothing",
        "/kylin/api/jobs/%E9%A1%B9/detail", "/kylin/api/jobs/a%2Fb/detail", "/kylin/api/jobs//detail",
    ];

    private static readonly string[] Methods = ["GET", "GET", "GET", "PUT", "PUT", "POST", "DELETE", "PATCH", "OPTIONS", "HEAD"];

    private static readonly string?[] Accepts =
    [
        KylinHttp.PublicAccept, KylinHttp.PublicAccept, "application/vnd.apache.kylin-v4+json", "*/*", null, "application/json",
        "application/vnd.apache.kylin-v2+json", "text/html", "application/xml;q=0.9, */*;q=0.1", ";;;", "application/vnd.apache.kylin-v4-public+json;charset=utf-8",
    ];

    private static readonly string?[] Languages = ["en", "zh", "zh-CN", null, "fr", "*", "zh;q=x", ""];

    private static readonly string?[] Authorizations =
    [
        KylinHttp.AdminBasic, KylinHttp.AdminBasic, KylinHttp.AdminBasic, null, KylinHttp.Basic("fuzz", "wrong"),
        "Basic !!!", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("no-colon")), "Bearer abc", "Basic", KylinHttp.Basic("disabled", "pw"),
    ];

    private static readonly string?[] ContentTypes =
    [
        "application/json", "application/json", "application/json;charset=UTF-8", "text/plain", null, "application/x-www-form-urlencoded",
        "application/vnd.apache.kylin-v4-public+json", "multipart/form-data; boundary=x",
    ];

    public static Arbitrary<FuzzRequest> Requests(IReadOnlyList<string> jobIds)
    {
        var parameter = Gen.Elements(ParameterNames).SelectMany(name => Gen.Elements(Values).Select(value => name + "=" + value))
            .Or(Gen.Elements(ParameterNames));
        var query = Gen.Choose(0, 6).SelectMany(n => Gen.ArrayOf(parameter, n)).Select(p => string.Join('&', p));
        var path = Gen.Elements(Paths).SelectMany(p => Gen.Elements(jobIds.ToArray()).Select(id => p.Replace("{id}", id, StringComparison.Ordinal)));
        var headers =
            from accept in Gen.Elements(Accepts)
            from language in Gen.Elements(Languages)
            from authorization in Gen.Elements(Authorizations)
            from contentType in Gen.Elements(ContentTypes)
            select Headers(accept, language, authorization, contentType);
        return (
            from method in Gen.Elements(Methods)
            from p in path
            from q in query
            from h in headers
            from body in Body(jobIds)
            select new FuzzRequest(method, p, q, h, method is "GET" or "HEAD" or "OPTIONS" && body is { Length: > 0 } ? null : body)).ToArbitrary();
    }

    private static IReadOnlyList<(string, string)> Headers(string? accept, string? language, string? authorization, string? contentType)
    {
        var headers = new List<(string, string)>();
        if (accept is not null)
        {
            headers.Add(("Accept", accept));
        }

        if (language is not null)
        {
            headers.Add(("Accept-Language", language));
        }

        if (authorization is not null)
        {
            headers.Add(("Authorization", authorization));
        }

        if (contentType is not null)
        {
            headers.Add(("Content-Type", contentType));
        }

        return headers;
    }

    // Bodies: nothing, plausible and wrong-shaped JSON, deep nesting, megabytes, invalid UTF-8, noise.
    private static Gen<byte[]?> Body(IReadOnlyList<string> jobIds)
    {
        var action = Gen.Elements("RESUME", "DISCARD", "PAUSE", "RESTART", "resume", "STOP", "", "  ");
        var jsonValue = Gen.Elements("null", "1", "-5", "1.5e400", "true", "\"x\"", "[]", "{}", "[1,2]", "[null]", "\"" + jobIds[0] + "\"", "[\"" + jobIds[1] + "\"]", "[\"SSB\"]", "[[\"a\"]]");
        var field = Gen.Elements("action", "project", "job_ids", "statuses", "unknown", "").SelectMany(name =>
            (name == "action" ? action.Select(a => "\"" + a + "\"") : jsonValue).Select(value => "\"" + name + "\":" + value));
        var objectBody = Gen.Choose(0, 5).SelectMany(n => Gen.ArrayOf(field, n)).Select(f => "{" + string.Join(',', f) + "}");
        var weird = Gen.Elements(
            "", "null", "[]", "\"PAUSE\"", "42", "{", "{\"action\":", "{'action':'PAUSE'}", "{action:PAUSE}", "{\"action\":\"PAUSE\"}}}", "\u0000",
            new string('[', 5000) + new string(']', 5000),
            "{\"action\":\"PAUSE\",\"job_ids\":[\"" + new string('a', 2_000_000) + "\"]}",
            "{\"action\":\"PAUSE\",\"x\":" + new string('[', 200) + new string(']', 200) + ",\"project\":\"SSB\"}");
        var text = Gen.Frequency((6, objectBody), (3, weird)).Select(t => (byte[]?)Encoding.UTF8.GetBytes(t));
        var invalidUtf8 = Gen.Constant<byte[]?>([0x7B, 0x22, 0x61, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D]);
        var noise = Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), 64).Select(b => (byte[]?)b);
        return Gen.Frequency((2, Gen.Constant<byte[]?>(null)), (10, text), (1, invalidUtf8), (1, noise));
    }
}
