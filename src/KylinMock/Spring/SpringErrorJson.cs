using System.Globalization;
using KylinMock.Answers;
using Newtonsoft.Json;

namespace KylinMock.Http;

/// <summary>
/// Spring Boot's own error body (<c>DefaultErrorAttributes</c>), for what never reaches a Kylin
/// controller: 404 for an unknown path, 405 for a wrong method, 406 for an Accept it cannot serve,
/// and the 500 of a servlet filter's exception (the V2ApiFilter's refusal).
/// </summary>
internal static class SpringErrorJson
{
    public static KylinAnswer Answer(int status, string error, string path, long nowMs) =>
        new(status, MediaTypes.Json, EnvelopeJson.Write(Formatting.None, w =>
        {
            w.WriteStartObject();
            // Boot 2.7 leaves out message; Kylin's plain ObjectMapper writes the Date as epoch milliseconds.
            w.Property("timestamp", nowMs);
            w.Property("status", status);
            w.Property("error", error);
            w.Property("path", path);
            w.WriteEndObject();
        }));

    /// <summary>
    /// Boot's <c>/error</c> after a filter threw (<c>BasicErrorController</c> with Kylin's plain ObjectMapper):
    /// 500, the timestamp as epoch milliseconds, no message.
    /// </summary>
    public static KylinAnswer FilterFailure(string path, long nowMs) =>
        new(500, MediaTypes.Json, EnvelopeJson.Write(Formatting.None, w =>
        {
            w.WriteStartObject();
            w.Property("timestamp", nowMs);
            w.Property("status", 500);
            w.Property("error", "Internal Server Error");
            w.Property("path", path);
            w.WriteEndObject();
        }));
}
