using KylinMock.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace KylinMock.Http;

/// <summary>
/// Middleware in front of WireMock's own, and the writer of every answer: a request WireMock cannot
/// read (an HTTP/1.0 request without Host, or a query naming a parameter twice in different case) would
/// get WireMock's <c>{"Status":...}</c> 500. Here a body over the limit is refused, a missing Host is
/// filled in, the query is kept away from WireMock, and the answer the route table handed over is
/// written once; whatever WireMock writes itself goes nowhere, and a request without a handed-over
/// answer gets Kylin's UNKNOWN ERRORCODE envelope (through <see cref="ErrorAnswer"/>).
/// </summary>
internal static class SafetyNet
{
    private const string AnswerKey = "kylinmock.answer";

    private const string RawQueryKey = "kylinmock.query";

    /// <summary>Hands the answer of a request to the middleware, which writes it.</summary>
    public static void Hand(HttpContext context, KylinAnswer answer) => context.Items[AnswerKey] = answer;

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
            bool within;
            try
            {
                within = await BodyWithinLimit(context, limit);
            }
            catch (Exception e) when (!context.RequestAborted.IsCancellationRequested)
            {
                // A malformed chunked body (a chunk size of ZZZ) or one too slow: the envelope, never Kestrel's or WireMock's page.
                await Write(context, Failure(context, e, readingBody: true));
                return;
            }

            if (!within)
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
            context.Response.Body = Stream.Null;
            KylinAnswer answer;
            try
            {
                await next(context);
                answer = context.Items.TryGetValue(AnswerKey, out var handed) && handed is KylinAnswer kylin
                    ? kylin
                    : Failure(context, new InvalidOperationException("The request could not be read."));
            }
            catch (Exception e) when (!context.RequestAborted.IsCancellationRequested)
            {
                answer = Failure(context, e);
            }
            finally
            {
                context.Response.Body = original;
            }

            if (!context.RequestAborted.IsCancellationRequested)
            {
                await Write(context, answer);
            }
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

    private static Task TooLarge(HttpContext context, long limit)
    {
        var error = KylinException.WithRaw(ErrorCode.UnknownErrorCode, $"The request body is larger than KylinMock's limit of {limit} bytes.").WithStatus(413);
        return Write(context, ErrorAnswer.From(error, KylinRequest.FromHttp(context)));
    }

    // Only the message is kept (never a stack trace or a source path); a body Kestrel could not read keeps Kestrel's status (400, 408, 413).
    private static KylinAnswer Failure(HttpContext context, Exception failure, bool readingBody = false)
    {
        var (status, message) = failure switch
        {
            BadHttpRequestException bad => (bad.StatusCode, "The request body could not be read: " + bad.Message),
            _ when readingBody => (400, "The request body could not be read: " + failure.Message),
            _ => (500, failure.Message),
        };
        return ErrorAnswer.From(KylinException.WithRaw(ErrorCode.UnknownErrorCode, message).WithStatus(status), KylinRequest.FromHttp(context));
    }

    // Whatever WireMock set is replaced: the answer's status, headers and body, the body copied once.
    private static async Task Write(HttpContext context, KylinAnswer answer)
    {
        var response = context.Response;
        response.Headers.Clear();
        response.StatusCode = answer.Status;
        if (answer.ContentType.Length > 0)
        {
            response.ContentType = answer.ContentType;
        }

        foreach (var (name, value) in answer.Headers)
        {
            response.Headers[name] = value;
        }

        if (answer.Streamed is { } streamed)
        {
            // Written as it is made (chunked): the writer is synchronous, so this response allows it.
            if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpBodyControlFeature>() is { } control)
            {
                control.AllowSynchronousIO = true;
            }

            streamed(response.Body);
            return;
        }

        response.ContentLength = answer.Body.Length;
        await response.Body.WriteAsync(answer.Body, context.RequestAborted);
    }
}
