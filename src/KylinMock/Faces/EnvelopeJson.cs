using System.Globalization;
using System.Text;
using KylinMock.Errors;
using Newtonsoft.Json;

namespace KylinMock.Answers;

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

    // One text buffer per thread, reused by every answer that thread writes.
    [ThreadStatic]
    private static StringBuilder? buffer;

    /// <summary>Runs <paramref name="write"/> on a JSON writer and returns the UTF-8 bytes.</summary>
    public static byte[] Write(Formatting formatting, Action<JsonWriter> write)
    {
        var text = buffer ?? new StringBuilder(16 * 1024);
        buffer = null;
        text.Clear();
        using (var writer = new StringWriter(text, CultureInfo.InvariantCulture) { NewLine = "\n" })
        using (var w = new JsonTextWriter(writer) { Formatting = formatting, Indentation = 2 })
        {
            write(w);
        }

        var bytes = Encode(text);

        // A rare huge answer does not stay pinned to the thread.
        buffer = text.Capacity <= 1 << 20 ? text : null;
        return bytes;
    }

    // UTF-8 bytes of the text, chunk by chunk into one exact-size array (no intermediate string).
    private static byte[] Encode(StringBuilder text)
    {
        // An encoder carries a surrogate pair split between two chunks over to the next.
        var encoder = Utf8.GetEncoder();
        var count = 0;
        foreach (var chunk in text.GetChunks())
        {
            count += encoder.GetByteCount(chunk.Span, flush: false);
        }

        count += encoder.GetByteCount(ReadOnlySpan<char>.Empty, flush: true);
        encoder.Reset();
        var bytes = new byte[count];
        var at = 0;
        foreach (var chunk in text.GetChunks())
        {
            at += encoder.GetBytes(chunk.Span, bytes.AsSpan(at), flush: false);
        }

        encoder.GetBytes(ReadOnlySpan<char>.Empty, bytes.AsSpan(at), flush: true);
        return bytes;
    }
}
