using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;

namespace KylinMock.Tests.Support;

/// <summary>A plain HTTP client for contract tests: Kylin's four headers by default, raw answers back.</summary>
internal sealed class KylinHttp : IDisposable
{
    public const string PublicAccept = "application/vnd.apache.kylin-v4-public+json";
    public const string AdminBasic = "Basic QURNSU46S1lMSU4=";

    private readonly HttpClient client;

    public KylinHttp(string baseUrl)
    {
        // No cookie jar: a Basic call starts a session, and a test sends the session cookie only when it means to.
        client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = new Uri(baseUrl) };
    }

    public static string Basic(string user, string password) =>
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password));

    /// <summary>Sends a request with the seed document's headers unless overridden (null removes a header).</summary>
    public Answer Send(HttpMethod method, string pathAndQuery, string? body = null, string? authorization = AdminBasic,
        string? accept = PublicAccept, string? language = "en", string contentType = "application/json", string? controlToken = null,
        string? cookie = null, string? userAgent = null)
    {
        using var request = new HttpRequestMessage(method, pathAndQuery);
        if (userAgent is not null)
        {
            request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        }

        if (cookie is not null)
        {
            request.Headers.TryAddWithoutValidation("Cookie", cookie);
        }

        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        if (controlToken is not null)
        {
            request.Headers.TryAddWithoutValidation("X-KylinMock-Token", controlToken);
        }

        if (language is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", language);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        using var response = client.Send(request);
        var text = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        return new Answer((int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), text, response);
    }

    public Answer Get(string pathAndQuery, string? authorization = AdminBasic, string? accept = PublicAccept, string? language = "en") =>
        Send(HttpMethod.Get, pathAndQuery, null, authorization, accept, language);

    public Answer Put(string path, string body, string? authorization = AdminBasic, string? language = "en") =>
        Send(HttpMethod.Put, path, body, authorization, PublicAccept, language);

    public void Dispose() => client.Dispose();

    /// <summary>An HTTP answer.</summary>
    internal sealed record Answer(int Status, string? ContentType, string Text, HttpResponseMessage Response)
    {
        public JObject Json => JObject.Load(new Newtonsoft.Json.JsonTextReader(new StringReader(Text)) { DateParseHandling = Newtonsoft.Json.DateParseHandling.None });

        public JToken Data => Json["data"]!;

        /// <summary>The ids of the jobs in a list answer's <c>data.value</c>, in order.</summary>
        public List<string> Ids => Data["value"]!.Select(j => (string)j["id"]!).ToList();
    }
}
