using KylinMock.Models;
using Newtonsoft.Json;

namespace KylinMock.Answers;

/// <summary>SegmentControllerV2's answers: JobInfoResponseV2 <c>{"uuid","job_type"}</c> and its soft envelopes (code "999" with HTTP 200).</summary>
internal static class JobInfoV2Json
{
    /// <summary>One JobInfoResponseV2, or null when there is no job.</summary>
    public static void Write(JsonWriter w, JobInfo? job)
    {
        if (job is null)
        {
            w.WriteNull();
            return;
        }

        w.WriteStartObject();
        w.WritePropertyName("uuid");
        w.WriteValue(job.JobId);
        w.WritePropertyName("job_type");
        w.WriteValue(job.JobName);
        w.WriteEndObject();
    }

    /// <summary>An envelope with its own code, string data (null writes null) and msg: Kylin's <c>new EnvelopeResponse(code, data, msg)</c>.</summary>
    public static byte[] Envelope(string code, string? data, string msg) => EnvelopeJson.Write(Formatting.None, w =>
    {
        w.WriteStartObject();
        w.WritePropertyName("code");
        w.WriteValue(code);
        w.WritePropertyName("data");
        w.WriteValue(data);
        w.WritePropertyName("msg");
        w.WriteValue(msg);
        w.WriteEndObject();
    });
}
