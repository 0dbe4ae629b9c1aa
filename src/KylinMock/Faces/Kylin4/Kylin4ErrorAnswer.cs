using System.Net;
using KylinMock.Answers;
using KylinMock.Control;
using KylinMock.Http;
using Newtonsoft.Json;

namespace KylinMock.Kylin4;

/// <summary>
/// The one place where a failure on the Kylin 4 face becomes an answer: BasicController's <c>ErrorResponse</c>
/// (<c>code</c> "999", <c>data</c>, <c>msg</c>, <c>stacktrace</c>, <c>exception</c>, <c>url</c>; ErrorResponse.java:28-53)
/// for what a controller threw, and Tomcat's HTML error pages for what never reaches one (401, 404, 405, 406; contract §1.2, §1.5).
/// </summary>
internal static class Kylin4ErrorAnswer
{
    /// <summary>A 302 to the login page: Spring Security's form-login entry point for a protected path without credentials.</summary>
    public static KylinAnswer LoginRedirect(KylinRequest request) =>
        new(302, string.Empty, []) { Headers = new Dictionary<string, string> { ["Location"] = request.RequestUrl[..^request.Path.Length] + "/kylin/login" } };

    /// <summary>The answer to <paramref name="exception"/> raised by <paramref name="request"/>.</summary>
    public static KylinAnswer From(Exception exception, KylinRequest request) => exception switch
    {
        Kylin4Error e => Body(e.Status, e.JavaClass, e.Text, e.Cause, request.RequestUrl),
        Kylin4Page page => Page(page.Status, page.Reason) with { Headers = page.Allow is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["Allow"] = page.Allow } },
        InjectedFault { Fault: var fault } => Body(fault.HttpStatus, Kylin4Error.InternalError, fault.Message ?? "Fault injected by KylinMock.", null, request.RequestUrl),

        // What the adapter's Kylin 5 internals refuse with their own code, and anything unexpected: the catch-all's 500.
        Errors.KylinException e => Body(500, Kylin4Error.InternalError, e.Raw ?? e.Message, null, request.RequestUrl),
        _ => Body(500, Kylin4Error.InternalError, exception.Message, null, request.RequestUrl),
    };

    /// <summary>Tomcat 8.5's error report page for <paramref name="status"/>.</summary>
    public static KylinAnswer Page(int status, string reason)
    {
        var text = WebUtility.HtmlEncode(reason);
        var html = $"<!doctype html><html lang=\"en\"><head><title>HTTP Status {status} – {text}</title></head><body><h1>HTTP Status {status} – {text}</h1><hr class=\"line\" /><p><b>Type</b> Status Report</p><p><b>Message</b> {text}</p><hr class=\"line\" /><h3>Apache Tomcat/8.5.78</h3></body></html>";
        return new KylinAnswer(status, "text/html;charset=utf-8", System.Text.Encoding.UTF8.GetBytes(html));
    }

    private static KylinAnswer Body(int status, string javaClass, string? text, string? cause, string url) =>
        new(status, MediaTypes.Json, EnvelopeJson.Write(Formatting.None, w =>
        {
            w.WriteStartObject();
            w.Property("code", "999");
            w.Null("data");
            w.Property("msg", text);
            w.Property("stacktrace", StackTrace(javaClass, text, cause));
            w.Property("exception", text);
            w.Property("url", url);
            w.WriteEndObject();
        }));

    // Java's printStackTrace text, with one frame: the mock has no Java frames to show.
    private static string StackTrace(string javaClass, string? text, string? cause)
    {
        var head = text is null ? javaClass : javaClass + ": " + text;
        var trace = head + "\n\tat org.apache.kylin.rest.controller.BasicController.handleError(BasicController.java:61)\n";
        return cause is null ? trace : trace + "Caused by: " + cause + "\n\t... 1 more\n";
    }
}

/// <summary>What Tomcat or Spring answers with an HTML page before a controller runs: 401, 404, 405 (with <c>Allow</c>), 406.</summary>
/// <param name="status">The HTTP status.</param>
/// <param name="reason">The reason phrase.</param>
internal sealed class Kylin4Page(int status, string reason) : Exception(reason)
{
    /// <summary>The HTTP status.</summary>
    public int Status { get; } = status;

    /// <summary>The reason phrase.</summary>
    public string Reason { get; } = reason;

    /// <summary>The methods of a 405's path.</summary>
    public string? Allow { get; init; }
}
