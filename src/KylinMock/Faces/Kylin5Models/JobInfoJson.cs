using KylinMock.Models;
using Newtonsoft.Json;

namespace KylinMock.Answers;

/// <summary>Kylin's <c>JobInfoResponse</c>: <c>{"jobs":[{"job_name","job_id"}]}</c>, a null entry written as null.</summary>
internal static class JobInfoJson
{
    public static byte[] Envelope(IReadOnlyList<JobInfo?> jobs) => EnvelopeJson.Success(w =>
    {
        w.WriteStartObject();
        w.WritePropertyName("jobs");
        WriteList(w, jobs);
        w.WriteEndObject();
    });

    /// <summary>The <c>jobs</c> list alone.</summary>
    public static void WriteList(JsonWriter w, IReadOnlyList<JobInfo?> jobs)
    {
        w.WriteStartArray();
        foreach (var job in jobs)
        {
            if (job is null)
            {
                w.WriteNull();
                continue;
            }

            w.WriteStartObject();
            w.Property("job_name", job.JobName);
            w.Property("job_id", job.JobId);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
