using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace KylinMock.Http;

/// <summary>
/// What Kylin's Tomcat refuses before any filter or controller sees it: a path with an encoded slash or backslash
/// (<c>%2F</c>, <c>%5C</c>; Tomcat's encodedSolidusHandling and ALLOW_BACKSLASH default to reject). CoyoteAdapter answers
/// 400 with the ErrorReportValve's page (its exact markup inferred).
/// </summary>
internal static class TomcatRejection
{
    private static readonly byte[] Page = Encoding.UTF8.GetBytes(
        "<!doctype html><html lang=\"en\"><head><title>HTTP Status 400 – Bad Request</title></head><body><h1>HTTP Status 400 – Bad Request</h1></body></html>");

    /// <summary>Tomcat's 400 when the request target's path holds an encoded slash or backslash, else null.</summary>
    public static KylinAnswer? Check(HttpContext context)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? string.Empty;
        var query = target.IndexOf('?', StringComparison.Ordinal);
        var path = query < 0 ? target : target[..query];
        return path.Contains("%2F", StringComparison.OrdinalIgnoreCase) || path.Contains("%5C", StringComparison.OrdinalIgnoreCase)
            ? new KylinAnswer(400, "text/html;charset=utf-8", Page)
            : null;
    }
}
