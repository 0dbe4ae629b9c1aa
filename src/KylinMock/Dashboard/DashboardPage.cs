using System.Reflection;
using KylinMock.Control;
using KylinMock.Http;

namespace KylinMock.Dashboard;

/// <summary>
/// The dashboard's static files, embedded in the library: <c>/__kylinmock/</c> and <c>/__kylinmock/ui</c>
/// answer the page, <c>/__kylinmock/ui/app.css</c> and <c>/__kylinmock/ui/app.js</c> its assets. The
/// page holds no data (it reads the control API and asks for the token), so it is served without one.
/// </summary>
internal static class DashboardPage
{
    private static readonly Dictionary<string, (string Resource, string ContentType)> Files = new(StringComparer.Ordinal)
    {
        ["index.html"] = ("index.html", "text/html; charset=utf-8"),
        ["app.css"] = ("app.css", "text/css; charset=utf-8"),
        ["app.js"] = ("app.js", "text/javascript; charset=utf-8"),
    };

    // Only the page's own files run: no inline script, no other origin, so injected markup could do nothing.
    private static readonly Dictionary<string, string> Headers = new()
    {
        ["Content-Security-Policy"] = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        ["X-Content-Type-Options"] = "nosniff",
        ["Cache-Control"] = "no-store",
    };

    /// <summary>The page itself.</summary>
    public static KylinAnswer Index() => File("index.html");

    /// <summary>One of the page's files by name: 200 with its bytes, 404 <c>{"error"}</c> for an unknown one.</summary>
    public static KylinAnswer File(string name)
    {
        if (!Files.TryGetValue(name, out var file))
        {
            throw new ControlException(404, $"no dashboard file /__kylinmock/ui/{name}");
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
