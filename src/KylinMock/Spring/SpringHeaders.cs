namespace KylinMock.Http;

/// <summary>
/// What Spring adds to every answer: the forced UTF-8 charset (<c>server.servlet.encoding.force: true</c>,
/// <c>application.yaml</c>), Spring Security 5.7's default headers (<c>kylinSecurity.xml</c>, frame options
/// SAMEORIGIN), and the OPTIONS answer (Spring MVC 5.3: 200 with <c>Allow</c>, no body).
/// </summary>
internal static class SpringHeaders
{
    private static readonly (string Name, string Value)[] Security =
    [
        ("X-Content-Type-Options", "nosniff"), ("X-XSS-Protection", "1; mode=block"),
        ("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate"), ("Pragma", "no-cache"), ("Expires", "0"),
        ("X-Frame-Options", "SAMEORIGIN"),
    ];

    // The security headers alone, shared by every answer that has none of its own (most of them).
    private static readonly Dictionary<string, string> SecurityOnly = Merge(new Dictionary<string, string>());

    // The few content types the mock answers, each with its charset once (a list answer should not pay a concat).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Charsets = new(StringComparer.Ordinal);

    /// <summary>The content type with <c>;charset=UTF-8</c> unless it names a charset.</summary>
    public static string WithCharset(string contentType) =>
        contentType.Contains("charset=", StringComparison.OrdinalIgnoreCase) ? contentType : contentType + ";charset=UTF-8";

    /// <summary>The answer as Spring writes it: the charset on its content type and Security's default headers (the answer's own win).</summary>
    public static KylinAnswer Apply(KylinAnswer answer) => answer with
    {
        ContentType = answer.ContentType.Length > 0 ? Charsets.GetOrAdd(answer.ContentType, WithCharset) : answer.ContentType,
        Headers = answer.Headers.Count == 0 ? SecurityOnly : Merge(answer.Headers),
    };

    private static Dictionary<string, string> Merge(IReadOnlyDictionary<string, string> own)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in Security)
        {
            headers[name] = value;
        }

        foreach (var (name, value) in own)
        {
            headers[name] = value;
        }

        return headers;
    }

    /// <summary>OPTIONS on a mapped path: 200, <c>Allow</c> naming its methods, HEAD with GET, and OPTIONS.</summary>
    public static KylinAnswer Options(IEnumerable<string> methods)
    {
        var allow = new List<string>(methods);
        if (allow.Contains("GET"))
        {
            allow.Add("HEAD");
        }

        allow.Add("OPTIONS");
        return new KylinAnswer(200, string.Empty, []) { Headers = new Dictionary<string, string> { ["Allow"] = string.Join(", ", allow) } };
    }
}
