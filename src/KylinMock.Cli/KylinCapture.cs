using System.Net.Http.Headers;
using System.Text;
using KylinMock.Fixtures;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace KylinMock.Cli;

/// <summary>
/// Reads a real Kylin's jobs over its public API, the way a client would: every page of
/// <c>GET /kylin/api/jobs?time_filter=4</c> (oldest first, so paging is stable) and each job's
/// <c>detail</c> for its steps, then writes them as a fixture file in Kylin's own shapes.
/// </summary>
internal sealed class KylinCapture(HttpClient http, TextWriter progress)
{
    private const int PageSize = 100;

    public static HttpClient Client(string baseUrl, string user, string password)
    {
        var client = new HttpClient { BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/"), Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password)));
        client.DefaultRequestHeaders.Accept.ParseAdd("application/vnd.apache.kylin-v4-public+json");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return client;
    }

    public async Task<JObject> Capture(string? project, CancellationToken cancel)
    {
        var jobs = new JArray();
        var total = int.MaxValue;
        for (var page = 0; jobs.Count < total; page++)
        {
            var query = $"kylin/api/jobs?time_filter=4&sort_by=create_time&reverse=false&page_size={PageSize}&page_offset={page}"
                + (project is null ? string.Empty : "&project=" + Uri.EscapeDataString(project));
            var data = (await Get(query, cancel))["data"]!;
            total = (int)data["total_size"]!;
            var value = (JArray)data["value"]!;
            if (value.Count == 0)
            {
                break;
            }

            foreach (var job in value)
            {
                jobs.Add(job);
            }

            await progress.WriteLineAsync($"kylin-mock: captured {jobs.Count} of {total} jobs");
        }

        foreach (var job in jobs.Cast<JObject>())
        {
            var detail = $"kylin/api/jobs/{Uri.EscapeDataString((string)job["id"]!)}/detail?project={Uri.EscapeDataString((string)job["project"]!)}";
            job["steps"] = (await Get(detail, cancel))["data"];
        }

        return new JObject { ["format"] = FixtureWriter.Format, ["jobs"] = jobs };
    }

    private async Task<JObject> Get(string pathAndQuery, CancellationToken cancel)
    {
        using var response = await http.GetAsync(pathAndQuery, cancel);
        var text = await response.Content.ReadAsStringAsync(cancel);
        JObject body;
        try
        {
            body = JObject.Parse(text);
        }
        catch (JsonException)
        {
            throw new CaptureException($"{pathAndQuery}: HTTP {(int)response.StatusCode}, not a Kylin answer");
        }

        if ((string?)body["code"] != "000")
        {
            throw new CaptureException($"{pathAndQuery}: HTTP {(int)response.StatusCode}: {(string?)body["msg"]}");
        }

        return body;
    }
}

/// <summary>A capture that could not finish; the message says which request failed and what Kylin said.</summary>
internal sealed class CaptureException(string message) : Exception(message);
