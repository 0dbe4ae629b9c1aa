using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace KylinMock.Testcontainers;

/// <summary>
/// The mock's control API (<c>/__kylinmock/</c>) over HTTP, one method per operation; JSON in and out as
/// docs/README describe it. A refusal (400, 401, 404, 409) throws <see cref="HttpRequestException"/> carrying
/// the status and the mock's <c>{"error"}</c> message.
/// </summary>
public sealed class KylinMockControl : IDisposable
{
    private readonly Func<Uri> baseUrl;
    private readonly HttpClient http = new();

    internal KylinMockControl(Func<Uri> baseUrl, string? token)
    {
        this.baseUrl = baseUrl;
        if (token is not null)
        {
            http.DefaultRequestHeaders.Add("X-KylinMock-Token", token);
        }
    }

    /// <summary><c>GET health</c>: <c>{"status":"UP","jobs":N,"now":EPOCH_MS}</c>.</summary>
    /// <param name="cancel">Cancels the request.</param>
    /// <returns>The health answer.</returns>
    public async Task<JsonObject> HealthAsync(CancellationToken cancel = default) =>
        (JsonObject)(await SendAsync(HttpMethod.Get, "health", null, cancel).ConfigureAwait(false))!;

    /// <summary><c>POST reset</c>: the loaded estate, the starting clock, no faults, an empty journal.</summary>
    /// <param name="cancel">Cancels the request.</param>
    /// <returns>A task that completes when the mock is reset.</returns>
    public Task ResetAsync(CancellationToken cancel = default) => SendAsync(HttpMethod.Post, "reset", null, cancel);

    /// <summary><c>GET clock</c>: the mock's current time.</summary>
    /// <param name="cancel">Cancels the request.</param>
    /// <returns>The mock's now.</returns>
    public async Task<DateTimeOffset> GetNowAsync(CancellationToken cancel = default)
    {
        var clock = await SendAsync(HttpMethod.Get, "clock", null, cancel).ConfigureAwait(false);
        return DateTimeOffset.FromUnixTimeMilliseconds((long)clock!["now"]!);
    }

    /// <summary><c>PUT clock</c>: sets the clock (never backwards); jobs catch up.</summary>
    /// <param name="now">The new time.</param>
    /// <param name="cancel">Cancels the request.</param>
    /// <returns>A task that completes when the clock has moved.</returns>
    public Task SetNowAsync(DateTimeOffset now, CancellationToken cancel = default) =>
        SendAsync(HttpMethod.Put, "clock", new JsonObject { ["now"] = now.ToUnixTimeMilliseconds() }, cancel);

    /// <summary><c>POST clock/advance</c>: moves the clock forward; jobs catch up.</summary>
    /// <param name="by">How far (whole milliseconds).</param>
    /// <param name="cancel">Cancels the request.</param>
    /// <returns>A task that completes when the clock has moved.</returns>
    public Task AdvanceClockAsync(TimeSpan by, CancellationToken cancel = default) =>
        SendAsync(HttpMethod.Post, "clock/advance", new JsonObject { ["ms"] = (long)by.TotalMilliseconds }, cancel);

    /// <summary><c>GET jobs</c>: every job in the fixture shape, with state, history and plan.</summary>
    /// <param name="cancel">Cancels the request.</param>
    /// <returns>The answer, <c>{"jobs":[...]}</c>.</returns>
    public async Task<JsonObject> GetJobsAsync(CancellationToken cancel = default) =>
        (JsonObject)(await SendAsync(HttpMethod.Get, "jobs", null, cancel).ConfigureAwait(false))!;

    /// <summary><c>POST jobs</c> (<paramref name="replace"/> false) or <c>PUT jobs</c> (true): adds jobs, or replaces them all.</summary>
    /// <param name="fixture">A fixture file's text, or a list answer captured from a Kylin.</param>
    /// <param name="replace">True to replace every job.</param>
    /// <param name="cancel">Cancels the request.</param>
    /// <returns>The answer (<c>added</c>, <c>jobs</c>).</returns>
    public async Task<JsonObject> LoadJobsAsync(string fixture, bool replace = false, CancellationToken cancel = default) =>
        (JsonObject)(await SendAsync(replace ? HttpMethod.Put : HttpMethod.Post, "jobs", JsonNode.Parse(fixture), cancel).ConfigureAwait(false))!;

    /// <summary><c>POST jobs/submit</c>: submits a job as a build would (<c>project</c>, <c>target_model</c>, <c>job_name</c>, <c>plan</c>).</summary>
    /// <param name="request">The request, e.g. <c>{"project":"p","target_model":"m","plan":{"step_durations_ms":[1000]}}</c>.</param>
    /// <param name="cancel">Cancels the request.</param>
    /// <returns>The answer: <c>id</c>, <c>job_status</c>, <c>create_time</c>.</returns>
    public async Task<JsonObject> SubmitJobAsync(JsonObject request, CancellationToken cancel = default) =>
        (JsonObject)(await SendAsync(HttpMethod.Post, "jobs/submit", request, cancel).ConfigureAwait(false))!;

    /// <summary><c>PATCH jobs/{id}</c>: scripts a job's outcome with a plan.</summary>
    /// <param name="jobId">The job's id.</param>
    /// <param name="plan">The plan: <c>pickup_delay_ms</c>, <c>step_durations_ms</c>, <c>fail_at_step</c>, <c>failing_runs</c>, <c>failure_message</c>.</param>
    /// <param name="cancel">Cancels the request.</param>
    /// <returns>The answer: <c>id</c>, <c>job_status</c>, <c>plan</c>.</returns>
    public async Task<JsonObject> ScriptJobAsync(string jobId, JsonObject plan, CancellationToken cancel = default) =>
        (JsonObject)(await SendAsync(HttpMethod.Patch, "jobs/" + Uri.EscapeDataString(jobId), new JsonObject { ["plan"] = plan }, cancel).ConfigureAwait(false))!;

    /// <summary><c>GET models</c>: every project's models, tables and segments.</summary>
    /// <param name="cancel">Cancels the request.</param>
    /// <returns>The estate's models.</returns>
    public async Task<JsonNode> GetModelsAsync(CancellationToken cancel = default) =>
        (await SendAsync(HttpMethod.Get, "models", null, cancel).ConfigureAwait(false))!;

    /// <summary><c>PUT models/{uuid}/next_job</c>: the next build of that model follows <paramref name="plan"/>.</summary>
    /// <param name="modelUuid">The model's uuid.</param>
    /// <param name="plan">The plan, as for <see cref="ScriptJobAsync"/>.</param>
    /// <param name="cancel">Cancels the request.</param>
    /// <returns>A task that completes when the plan is set.</returns>
    public Task ScriptNextJobAsync(string modelUuid, JsonObject plan, CancellationToken cancel = default) =>
        SendAsync(HttpMethod.Put, $"models/{Uri.EscapeDataString(modelUuid)}/next_job", new JsonObject { ["plan"] = plan }, cancel);

    /// <summary><c>POST faults</c>: adds a fault on Kylin's endpoints (<c>kind</c>: error, delay, drop, malformed).</summary>
    /// <param name="fault">The fault, e.g. <c>{"kind":"error","path":"/kylin/api/jobs","error_code":"KE-010032219","times":1}</c>.</param>
    /// <param name="cancel">Cancels the request.</param>
    /// <returns>The fault as the mock keeps it, with its <c>id</c>.</returns>
    public async Task<JsonObject> AddFaultAsync(JsonObject fault, CancellationToken cancel = default) =>
        (JsonObject)(await SendAsync(HttpMethod.Post, "faults", fault, cancel).ConfigureAwait(false))!;

    /// <summary><c>DELETE faults</c>: removes every fault.</summary>
    /// <param name="cancel">Cancels the request.</param>
    /// <returns>A task that completes when the faults are gone.</returns>
    public Task ClearFaultsAsync(CancellationToken cancel = default) => SendAsync(HttpMethod.Delete, "faults", null, cancel);

    /// <summary><c>GET journal</c>: what Kylin's endpoints received, filtered by <paramref name="query"/> (<c>method</c>, <c>path</c>, <c>status</c>).</summary>
    /// <param name="query">The filters (none: every entry).</param>
    /// <param name="cancel">Cancels the request.</param>
    /// <returns>The journal's answer.</returns>
    public async Task<JsonNode> GetJournalAsync(IReadOnlyDictionary<string, string>? query = null, CancellationToken cancel = default) =>
        (await SendAsync(HttpMethod.Get, "journal" + Query(query), null, cancel).ConfigureAwait(false))!;

    /// <summary>
    /// <c>GET journal/calls</c>: verification. The calls of a Kylin operation (<c>operation</c>, <c>action</c>,
    /// <c>job_ids</c>, <c>project</c>, <c>key</c>, ...), oldest first, their <c>count</c> and intervals.
    /// </summary>
    /// <param name="query">The filters, e.g. <c>operation=UpdateJobStatus</c>, <c>action=RESUME</c>.</param>
    /// <param name="cancel">Cancels the request.</param>
    /// <returns>The answer: <c>calls</c>, <c>count</c>, <c>intervals_ms</c>, <c>min_interval_ms</c>.</returns>
    public async Task<JsonObject> GetCallsAsync(IReadOnlyDictionary<string, string>? query = null, CancellationToken cancel = default) =>
        (JsonObject)(await SendAsync(HttpMethod.Get, "journal/calls" + Query(query), null, cancel).ConfigureAwait(false))!;

    /// <summary><c>DELETE journal</c>: forgets every journaled request.</summary>
    /// <param name="cancel">Cancels the request.</param>
    /// <returns>A task that completes when the journal is empty.</returns>
    public Task ClearJournalAsync(CancellationToken cancel = default) => SendAsync(HttpMethod.Delete, "journal", null, cancel);

    /// <summary>Any control operation: <paramref name="method"/> on <c>/__kylinmock/{path}</c> with a JSON body.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The path under <c>/__kylinmock/</c>, with its query if any.</param>
    /// <param name="body">The JSON body, or null for none.</param>
    /// <param name="cancel">Cancels the request.</param>
    /// <returns>The answer's JSON, or null for an empty answer.</returns>
    public async Task<JsonNode?> SendAsync(HttpMethod method, string path, JsonNode? body, CancellationToken cancel = default)
    {
        using var request = new HttpRequestMessage(method, new Uri(baseUrl(), "__kylinmock/" + path));
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        }

        using var answer = await http.SendAsync(request, cancel).ConfigureAwait(false);
        var text = await answer.Content.ReadAsStringAsync(cancel).ConfigureAwait(false);
        if (!answer.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{method} /__kylinmock/{path} answered {(int)answer.StatusCode}: {text}", null, answer.StatusCode);
        }

        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    /// <inheritdoc />
    public void Dispose() => http.Dispose();

    private static string Query(IReadOnlyDictionary<string, string>? query) =>
        query is null || query.Count == 0
            ? string.Empty
            : "?" + string.Join('&', query.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
}
