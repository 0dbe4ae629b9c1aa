using System.Globalization;
using KylinMock.Answers;
using Newtonsoft.Json;

namespace KylinMock.Http;

/// <summary>
/// Spring Boot's own error body (<c>DefaultErrorAttributes</c>), for what never reaches a Kylin
/// controller: 404 for an unknown path, 405 for a wrong method, 406 for an Accept it cannot serve.
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
}
