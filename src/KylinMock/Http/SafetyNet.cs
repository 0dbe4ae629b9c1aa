using KylinMock.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace KylinMock.Http;

/// <summary>
/// Middleware in front of WireMock's own: a request WireMock cannot read (an HTTP/1.0 request without
/// Host, say) would get WireMock's <c>{"Status":...}</c> 500. Here a missing Host is filled in, and
/// any answer WireMock wrote itself is replaced by Kylin's UNKNOWN ERRORCODE envelope.
/// </summary>
internal static class SafetyNet
{
    /// <summary>Set by every KylinMock provider on the requests it answers.</summary>
    public const string AnsweredKey = "kylinmock.answered";

    public static void Install(object builder, Func<int> port)
    {
        var app = (IApplicationBuilder)builder;
        app.Use(async (context, next) =>
        {
            if (string.IsNullOrEmpty(context.Request.Host.Value))
            {
                context.Request.Host = new HostString("127.0.0.1", port());
            }

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
