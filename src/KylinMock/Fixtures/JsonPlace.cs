using System.Globalization;
using System.Text;

namespace KylinMock.Fixtures;

/// <summary>
/// Where in a document a reading problem is, spelled as the messages spell it
/// (<c>"file: job #3 (id \"x\"): step #1: "</c>); the text is only built when something fails.
/// </summary>
internal readonly struct JsonPlace
{
    private readonly Func<string, Exception> create;
    private readonly string source;
    private readonly int job;
    private readonly string? jobId;
    private readonly int step;
    private readonly string? mock;

    public JsonPlace(Func<string, Exception> create, string source)
    {
        this.create = create;
        this.source = source;
        job = -1;
        step = -1;
    }

    private JsonPlace(JsonPlace from, int job, string? jobId, int step, string? mock)
    {
        create = from.create;
        source = from.source;
        this.job = job;
        this.jobId = jobId;
        this.step = step;
        this.mock = mock;
    }

    /// <summary>Inside job <paramref name="index"/> (and, once known, its id).</summary>
    public JsonPlace Job(int index, string? id = null) => new(this, index, id, -1, null);

    /// <summary>The same place, in a job whose id is now known.</summary>
    public JsonPlace WithJobId(string id) => new(this, job, id, step, mock);

    /// <summary>Inside step <paramref name="index"/> of this job.</summary>
    public JsonPlace Step(int index) => new(this, job, jobId, index, null);

    /// <summary>Inside the <c>mock_jobs</c> entry of <paramref name="id"/>.</summary>
    public JsonPlace Mock(string id) => new(this, -1, null, -1, id);

    /// <summary>The exception naming this place and <paramref name="message"/>.</summary>
    public Exception Fail(string message)
    {
        var text = new StringBuilder(source).Append(": ");
        if (mock is not null)
        {
            text.Append("mock_jobs \"").Append(mock).Append("\": ");
        }

        if (job >= 0)
        {
            text.Append("job #").Append(job.ToString(CultureInfo.InvariantCulture));
            if (jobId is not null)
            {
                text.Append(" (id \"").Append(jobId).Append("\")");
            }

            text.Append(": ");
        }

        if (step >= 0)
        {
            text.Append("step #").Append(step.ToString(CultureInfo.InvariantCulture)).Append(": ");
        }

        return create(text.Append(message).ToString());
    }
}
