using System.Text;
using KylinMock.Errors;
using Newtonsoft.Json;

namespace KylinMock.Http;

/// <summary>Writes Kylin's envelopes: <c>{"code":"000","data":...,"msg":""}</c> and the error envelope.</summary>
internal static class EnvelopeJson
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>A success envelope whose data <paramref name="writeData"/> writes.</summary>
    public static byte[] Success(Action<JsonWriter> writeData)
    {
        return Write(Formatting.None, w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("code");
            w.WriteValue("000");
            w.WritePropertyName("data");
            writeData(w);
            w.WritePropertyName("msg");
            w.WriteValue(string.Empty);
            w.WriteEndObject();
        });
    }

    /// <summary>The error envelope; <paramref name="indented"/> as the security filter writes it (Jackson's pretty printer).</summary>
    public static byte[] Error(ErrorEnvelope e, bool indented)
    {
        (string Name, string? Value)[] fields =
        [
            ("code", ErrorEnvelope.Code), ("data", null), ("msg", e.Msg), ("stacktrace", e.Stacktrace),
            ("exception", e.Exception), ("url", e.Url), ("suggestion", e.Suggestion), ("error_code", e.ErrorCode),
        ];

        // Jackson's DefaultPrettyPrinter: two-space indent and "key" : value.
        var separator = indented ? " : " : ":";
        var text = new StringBuilder(indented ? "{\n  " : "{");
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                text.Append(indented ? ",\n  " : ",");
            }

            text.Append(JsonConvert.ToString(fields[i].Name)).Append(separator).Append(fields[i].Value is null ? "null" : JsonConvert.ToString(fields[i].Value));
        }

        text.Append(indented ? "\n}" : "}");
        return Utf8.GetBytes(text.ToString());
    }

    /// <summary>Runs <paramref name="write"/> on a JSON writer and returns the UTF-8 bytes.</summary>
    public static byte[] Write(Formatting formatting, Action<JsonWriter> write)
    {
        using var stream = new MemoryStream(1024);
        using (var text = new StreamWriter(stream, Utf8, 4096, leaveOpen: true) { NewLine = "\n" })
        using (var w = new JsonTextWriter(text) { Formatting = formatting, Indentation = 2 })
        {
            write(w);
        }

        return stream.ToArray();
    }
}
