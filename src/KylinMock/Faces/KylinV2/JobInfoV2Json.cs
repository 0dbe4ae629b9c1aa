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
        w.Property("uuid", job.JobId);
        w.Property("job_type", job.JobName);
        w.WriteEndObject();
    }

    /// <summary>An envelope with its own code, string data (null writes null) and msg: Kylin's <c>new EnvelopeResponse(code, data, msg)</c>.</summary>
    public static byte[] Envelope(string code, string? data, string msg) => EnvelopeJson.Write(Formatting.None, w =>
    {
        w.WriteStartObject();
        w.Property("code", code);
        w.Property("data", data);
        w.Property("msg", msg);
        w.WriteEndObject();
    });
}
