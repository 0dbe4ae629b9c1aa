using KylinMock.Answers;
using KylinMock.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace KylinMock.Http;

/// <summary>
/// Middleware in front of WireMock's own: a request WireMock cannot read (an HTTP/1.0 request without
/// Host, or a query naming a parameter twice in different case) would get WireMock's <c>{"Status":...}</c>
/// 500. Here a missing Host is filled in, the query is kept away from WireMock, and any answer WireMock
/// wrote itself is replaced by Kylin's UNKNOWN ERRORCODE envelope.
/// </summary>
internal static class SafetyNet
{
    /// <summary>Set by every KylinMock provider on the requests it answers.</summary>
    public const string AnsweredKey = "kylinmock.answered";

    private const string RawQueryKey = "kylinmock.query";

    /// <summary>The query string as sent (without '?'): WireMock never sees it, KylinMock reads it from here.</summary>
    public static string RawQuery(HttpContext context) =>
        (context.Items.TryGetValue(RawQueryKey, out var raw) ? raw as string : context.Request.QueryString.Value)?.TrimStart('?') ?? string.Empty;

    /// <summary>The body limit of the control plane, which takes whole fixtures.</summary>
    public const long ControlBodyLimit = 1L << 30;

    public static void Install(object builder, Func<int> port, long kylinBodyLimit)
    {
        var app = (IApplicationBuilder)builder;
        app.Use(async (context, next) =>
        {
            var limit = context.Request.Path.StartsWithSegments("/__kylinmock", StringComparison.Ordinal) ? ControlBodyLimit : kylinBodyLimit;
            if (!await BodyWithinLimit(context, limit))
            {
                await TooLarge(context, limit);
                return;
            }

            if (string.IsNullOrEmpty(context.Request.Host.Value))
            {
                context.Request.Host = new HostString("127.0.0.1", port());
            }

            // WireMock's query dictionary throws on names differing only in case (time_filter and
            // TIME_FILTER); Kylin reads names case-sensitively. Routes match on paths, so WireMock gets none.
            context.Items[RawQueryKey] = context.Request.QueryString.Value ?? string.Empty;
            context.Request.QueryString = QueryString.Empty;

            var original = context.Response.Body;
            using var buffer = new MemoryStream();
            context.Response.Body = buffer;
            try
            {
                await next(context);
            }
            catch (Exception e) when (!context.RequestAborted.IsCancellationRequested)
            {
                Replace(context, buffer, e.Message);
            }
            finally
            {
                context.Response.Body = original;
            }

            if (!context.Items.ContainsKey(AnsweredKey) && context.Response.StatusCode >= 500)
            {
                Replace(context, buffer, "The request could not be read.");
            }

            buffer.Position = 0;
            context.Response.ContentLength = buffer.Length;
            await buffer.CopyToAsync(original, context.RequestAborted);
        });
    }

    // A body over the limit is refused before anything reads it; a chunked body is read here, up to the limit.
    private static async Task<bool> BodyWithinLimit(HttpContext context, long limit)
    {
        if (context.Request.ContentLength is { } length)
        {
            return length <= limit;
        }

        if (!string.Equals(context.Request.Headers.TransferEncoding, "chunked", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = null;
        }

        var copy = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            copy.Write(chunk, 0, read);
            if (copy.Length > limit)
            {
                return false;
            }
        }

        copy.Position = 0;
        context.Request.Body = copy;
        context.Response.RegisterForDispose(copy);
        return true;
    }

    private static async Task TooLarge(HttpContext context, long limit)
    {
        var url = "http://" + context.Request.Host + context.Request.Path;
        var message = $"The request body is larger than KylinMock's limit of {limit} bytes.";
        var envelope = ErrorEnvelope.From(KylinException.WithRaw(ErrorCode.UnknownErrorCode, message), Language.En, url) with { HttpStatus = 413 };
        context.Response.StatusCode = 413;
        context.Response.ContentType = MediaTypes.Json;
        await context.Response.Body.WriteAsync(EnvelopeJson.Error(envelope, indented: false), context.RequestAborted);
    }

    private static void Replace(HttpContext context, MemoryStream buffer, string message)
    {
        var url = "http://" + context.Request.Host + context.Request.Path;
        var envelope = ErrorEnvelope.From(KylinException.WithRaw(ErrorCode.UnknownErrorCode, message), Language.En, url);
        buffer.SetLength(0);
        buffer.Write(EnvelopeJson.Error(envelope, indented: false));
        context.Response.StatusCode = 500;
        context.Response.Headers.Clear();
        context.Response.ContentType = MediaTypes.Json;
    }
}
