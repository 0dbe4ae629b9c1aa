using System.Reflection;
using System.Text.RegularExpressions;
using KylinMock.Http;
using WireMock;
using WireMock.ResponseProviders;
using WireMock.Settings;

namespace KylinMock.Dashboard;

/// <summary>
/// The dashboard's static files, embedded in the library: <c>/__kylinmock/</c> and <c>/__kylinmock/ui</c>
/// answer the page, <c>/__kylinmock/ui/app.css</c> and <c>/__kylinmock/ui/app.js</c> its assets. The
/// page holds no data (it reads the control API and asks for the token), so it is served without one.
/// </summary>
internal static partial class DashboardPage
{
    private static readonly Dictionary<string, (string Resource, string ContentType)> Files = new(StringComparer.Ordinal)
    {
        [""] = ("index.html", "text/html; charset=utf-8"),
        ["/ui"] = ("index.html", "text/html; charset=utf-8"),
        ["/ui/app.css"] = ("app.css", "text/css; charset=utf-8"),
        ["/ui/app.js"] = ("app.js", "text/javascript; charset=utf-8"),
    };

    // Only the page's own files run: no inline script, no other origin, so injected markup could do nothing.
    private static readonly Dictionary<string, string> Headers = new()
    {
        ["Content-Security-Policy"] = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        ["X-Content-Type-Options"] = "nosniff",
        ["Cache-Control"] = "no-store",
    };

    /// <summary>The paths the page answers: <c>/__kylinmock</c>, <c>/__kylinmock/</c>, <c>/__kylinmock/ui</c> and below.</summary>
    [GeneratedRegex("^/__kylinmock/?$|^/__kylinmock/ui(/.*)?$", RegexOptions.Multiline)]
    public static partial Regex Path();

    /// <summary>The file for a path under <c>/__kylinmock</c>: 200 with its bytes, 404 <c>{"error"}</c> for an unknown asset, 405 for a method other than GET or HEAD.</summary>
    public static KylinAnswer Answer(string method, string path)
    {
        var key = path[ControlEndpoint.Prefix.Length..].TrimEnd('/');
        if (!Files.TryGetValue(key, out var file))
        {
            return ControlEndpoint.Json(404, new Newtonsoft.Json.Linq.JObject { ["error"] = $"no dashboard file {path}" });
        }

        if (method is not ("GET" or "HEAD"))
        {
            return ControlEndpoint.Json(405, new Newtonsoft.Json.Linq.JObject { ["error"] = $"the dashboard answers GET, not {method}" }) with
            {
                Headers = new Dictionary<string, string> { ["Allow"] = "GET, HEAD" },
            };
        }

        return new KylinAnswer(200, file.ContentType, Read(file.Resource)) { Headers = Headers };
    }

    private static byte[] Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("KylinMock.Dashboard." + name)
            ?? throw new InvalidOperationException($"the dashboard file {name} is not embedded");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }
}

/// <summary>WireMock's adapter for <see cref="DashboardPage"/>.</summary>
internal sealed class DashboardEndpoint : IResponseProvider
{
    /// <inheritdoc />
    public Task<(IResponseMessage Message, IMapping? Mapping)> ProvideResponseAsync(
        IMapping mapping, Microsoft.AspNetCore.Http.HttpContext context, IRequestMessage requestMessage, WireMockServerSettings settings)
    {
        context.Items[SafetyNet.AnsweredKey] = true;
        var answer = DashboardPage.Answer((requestMessage.Method ?? "GET").ToUpperInvariant(), requestMessage.AbsolutePath ?? requestMessage.Path ?? "/");
        return Task.FromResult<(IResponseMessage, IMapping?)>((KylinEndpoint.ToMessage(answer), null));
    }
}
