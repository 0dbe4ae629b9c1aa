using KylinMock.Errors;

namespace KylinMock.Http;

/// <summary>
/// Kylin 5's <c>@RequestBody</c> (v4, v4-public and v2 controllers, all NBasicController): <see cref="RequestBodyReader"/>'s
/// refusals as NBasicController.handleError answers them (a 500; ErrorResponse walks to the root cause): Jackson's
/// JsonParseException is KE-000030001, every other refusal (media type, missing body, wrong shape) KE-000000001.
/// A new body endpoint declares a <see cref="BodyShape"/> and calls <see cref="Read"/>; nothing else.
/// </summary>
internal static class RequestBody
{
    /// <summary>The body bound to <paramref name="shape"/>, or Kylin's error.</summary>
    public static BoundBody Read(KylinRequest request, BodyShape shape)
    {
        try
        {
            return RequestBodyReader.Read(request.Body, request.Header("Content-Type"), shape);
        }
        catch (BodyRefusal refusal)
        {
            throw KylinException.WithRaw(refusal.Kind == BodyRefusalKind.Syntax ? ErrorCode.FailedParseJson : ErrorCode.UnknownErrorCode, refusal.Text);
        }
    }
}
