using System.Text;
using KylinMock.Answers;
using KylinMock.Control;
using KylinMock.Errors;
using WireMock;

namespace KylinMock.Http;

/// <summary>The answers of armed faults (see <see cref="FaultRule"/>).</summary>
internal static class Faulted
{
    /// <summary>Kylin's error envelope with the fault's code, message and HTTP status.</summary>
    public static KylinAnswer Error(FaultRule fault, ServerContext server, IRequestMessage request)
    {
        var msg = fault.ErrorCode + ": " + (fault.Message ?? "Fault injected by KylinMock.");
        var url = "http://" + (request.Host ?? "127.0.0.1") + ":" + server.Port + (request.AbsolutePath ?? "/");
        var envelope = new ErrorEnvelope(msg, msg, msg, url, string.Empty, fault.ErrorCode, fault.HttpStatus);
        return new KylinAnswer(fault.HttpStatus, MediaTypes.V4, EnvelopeJson.Error(envelope, indented: false));
    }

    /// <summary>A 200 whose JSON stops half-way.</summary>
    public static KylinAnswer Malformed() =>
        new(200, MediaTypes.V4, Encoding.UTF8.GetBytes("{\"code\":\"000\",\"data\":{\"value\":[{\"id\":\""));

    /// <summary>Aborts the connection; the client sees it closed without an answer.</summary>
    public static KylinAnswer Drop(Microsoft.AspNetCore.Http.HttpContext context)
    {
        context.Abort();
        return new KylinAnswer(0, MediaTypes.Json, []);
    }
}
