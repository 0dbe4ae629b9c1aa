using System.Text;
using WireMock;

namespace KylinMock.Http;

/// <summary>
/// A request as Kylin's servlet container sees it: headers by case-insensitive name, query
/// parameters decoded as Tomcat decodes them (UTF-8, '+' as space, a parameter with a broken
/// percent-escape dropped), the request URL as <c>getRequestURL</c> gives it.
/// </summary>
internal sealed class KylinRequest
{
    private readonly Dictionary<string, string[]> headers;
    private readonly bool chineseEnabled;

    internal KylinRequest(string method, string path, string rawQuery, Dictionary<string, string[]> headers, byte[]? body, string requestUrl, string serverUrl, bool chineseEnabled = false)
    {
        this.chineseEnabled = chineseEnabled;
        Method = method;
        Path = path;
        RawQuery = rawQuery;
        this.headers = headers;
        Body = body;
        RequestUrl = requestUrl;
        ServerUrl = serverUrl;
        Query = ParseQuery(rawQuery);
        Language = Languages.From(Header("Accept-Language"), chineseEnabled);
        IsControl = path == ControlPrefix || path.StartsWith(ControlPrefix + "/", StringComparison.Ordinal);
    }

    /// <summary>Where the mock's own control plane lives (never a Kylin path).</summary>
    public const string ControlPrefix = "/__kylinmock";

    public string Method { get; }

    public string Path { get; }

    /// <summary>The query string without its '?', as sent.</summary>
    public string RawQuery { get; }

    /// <summary>Query parameters in order of appearance, each with every value sent.</summary>
    public IReadOnlyList<KeyValuePair<string, List<string>>> Query { get; }

    public byte[]? Body { get; }

    /// <summary><c>scheme://host:port/path</c>, without the query (Kylin's <c>getRequestURL</c>).</summary>
    public string RequestUrl { get; }

    /// <summary><c>http://host:port/path</c> with the host as the server read it and the port it listens on (the URL of injected faults).</summary>
    public string ServerUrl { get; }

    /// <summary>Kylin's message bundle for this request (from <c>Accept-Language</c>).</summary>
    public Errors.Language Language { get; }

    /// <summary>Whether the path is under <see cref="ControlPrefix"/>.</summary>
    public bool IsControl { get; }

    /// <summary>Every header with every value, by case-insensitive name.</summary>
    public IReadOnlyDictionary<string, string[]> Headers => headers;

    /// <summary>The request URL with its query (Kylin's <c>getFullRequestUrl</c>, used by the auth errors).</summary>
    public string FullRequestUrl => string.IsNullOrWhiteSpace(RawQuery) ? RequestUrl : RequestUrl + "?" + RawQuery;

    /// <summary>Reads WireMock's request; the raw query comes from the HTTP context (WireMock's RawQuery is already decoded).</summary>
    public static KylinRequest From(IRequestMessage message, Microsoft.AspNetCore.Http.HttpContext? context, int port, bool chineseEnabled)
    {
        var headers = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        if (message.Headers is not null)
        {
            foreach (var (name, values) in message.Headers)
            {
                headers[name] = [.. values];
            }
        }

        var host = headers.TryGetValue("Host", out var h) && h.Length > 0 && !string.IsNullOrWhiteSpace(h[0]) ? h[0] : "127.0.0.1:" + port;
        var path = message.AbsolutePath ?? message.Path ?? "/";
        var raw = context is null ? message.RawQuery ?? string.Empty : SafetyNet.RawQuery(context);
        if (raw.StartsWith('?'))
        {
            raw = raw[1..];
        }

        var serverUrl = "http://" + (message.Host ?? "127.0.0.1") + ":" + port + path;
        return new KylinRequest(message.Method ?? "GET", path, raw, headers, message.BodyAsBytes, "http://" + host + path, serverUrl, chineseEnabled);
    }

    /// <summary>The request as the middleware sees it before WireMock reads it (for the answers of a request nobody else could read): no query, no body.</summary>
    public static KylinRequest FromHttp(Microsoft.AspNetCore.Http.HttpContext context)
    {
        var headers = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in context.Request.Headers)
        {
            headers[name] = values.Select(v => v ?? string.Empty).ToArray();
        }

        var path = context.Request.Path.Value ?? "/";
        var url = "http://" + context.Request.Host + context.Request.Path;
        return new KylinRequest(context.Request.Method, path, string.Empty, headers, null, url, url);
    }

    /// <summary>The same request addressed to another path (the dashboard's view of a Kylin path).</summary>
    public KylinRequest WithPath(string path) =>
        new(Method, path, RawQuery, headers, Body, RequestUrl[..^Path.Length] + path, ServerUrl[..^Path.Length] + path, chineseEnabled);

    /// <summary>The first value of a header, or null.</summary>
    public string? Header(string name) => headers.TryGetValue(name, out var values) && values.Length > 0 ? values[0] : null;

    /// <summary>Every value sent for a query parameter (exact name), or null when it was not sent.</summary>
    public List<string>? Parameter(string name)
    {
        foreach (var (key, values) in Query)
        {
            if (key == name)
            {
                return values;
            }
        }

        return null;
    }

    private static List<KeyValuePair<string, List<string>>> ParseQuery(string raw)
    {
        var result = new List<KeyValuePair<string, List<string>>>();
        foreach (var pair in raw.Split('&'))
        {
            if (pair.Length == 0)
            {
                continue;
            }

            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var rawName = eq < 0 ? pair : pair[..eq];
            var rawValue = eq < 0 ? string.Empty : pair[(eq + 1)..];
            if (!TryDecode(rawName, out var name) || !TryDecode(rawValue, out var value) || name.Length == 0)
            {
                continue;
            }

            var existing = result.FindIndex(p => p.Key == name);
            if (existing >= 0)
            {
                result[existing].Value.Add(value);
            }
            else
            {
                result.Add(new KeyValuePair<string, List<string>>(name, [value]));
            }
        }

        return result;
    }

    // Strict UTF-8 percent-decoding: a bad escape or invalid UTF-8 drops the parameter, as Tomcat does.
    private static bool TryDecode(string text, out string decoded)
    {
        decoded = text;
        if (text.IndexOf('%') < 0 && text.IndexOf('+') < 0)
        {
            return true;
        }

        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '+')
            {
                bytes.Add((byte)' ');
            }
            else if (c == '%')
            {
                if (i + 2 >= text.Length || !IsHex(text[i + 1]) || !IsHex(text[i + 2]))
                {
                    return false;
                }

                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
            }
        }

        try
        {
            decoded = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes.ToArray());
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static bool IsHex(char c) => c is >= '0' and <= '9' or >= 'a' and <= 'f' or >= 'A' and <= 'F';
}
