using System.Globalization;
using System.Text;
using KylinMock.Answers;
using KylinMock.Jobs;
using Newtonsoft.Json;

namespace KylinMock.Fixtures;

/// <summary>
/// Writes a fixture file: the jobs in exactly the list API's shape (with their steps in the detail
/// shape), and what only the mock needs (projects, generator origin, plans) in separate fields.
/// Byte-identical on every machine: invariant culture, "\n" line ends, fields in a fixed order.
/// </summary>
internal static class FixtureWriter
{
    /// <summary>The format marker written as <c>"format"</c>.</summary>
    public const string Format = "kylinmock-fixture/1";

    /// <summary>Writes <paramref name="fixture"/> to <paramref name="path"/>, its derived fields computed at <paramref name="now"/> (epoch ms).</summary>
    /// <param name="path">The file to write.</param>
    /// <param name="fixture">The estate and its origin.</param>
    /// <param name="now">The instant derived fields are computed at.</param>
    /// <param name="progress">Called with the number of jobs written, every 100,000 jobs.</param>
    public static void Write(string path, Fixture fixture, long now, Action<int>? progress = null)
    {
        using var stream = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16);
        Write(stream, fixture, now, withState: false, progress);
    }

    /// <summary>Writes <paramref name="fixture"/> to <paramref name="text"/>.</summary>
    public static void Write(TextWriter text, Fixture fixture, long now) => Write(text, fixture, now, withState: false, progress: null);

    /// <summary>Writes <paramref name="fixture"/>; <paramref name="withState"/> adds each job's internal state and history to <c>mock_jobs</c>.</summary>
    internal static void Write(TextWriter text, Fixture fixture, long now, bool withState, Action<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fixture);
        text.NewLine = "\n";
        using var w = new JsonTextWriter(text) { Formatting = Formatting.Indented, Indentation = 1, IndentChar = ' ', Culture = CultureInfo.InvariantCulture, CloseOutput = false };
        w.WriteStartObject();
        w.Property("format", Format);
        if (fixture.Origin is { } origin)
        {
            w.WritePropertyName("origin");
            w.WriteStartObject();
            w.Property("seed", origin.Seed);
            w.Property("job_count", origin.JobCount);
            w.Property("reference_time", origin.ReferenceTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            w.WriteEndObject();
        }

        WriteProjects(w, fixture.Estate.Projects);
        if (fixture.Estate.Models is { } models)
        {
            ModelEstateJson.Write(w, models, fixture.Estate.Jobs);
            InternalTableFixtureJson.Write(w, models.InternalTables);
        }

        w.WritePropertyName("jobs");
        w.WriteStartArray();
        var written = 0;
        foreach (var job in fixture.Estate.Jobs)
        {
            JobJson.WriteJob(w, job, now, withSteps: true);
            if (++written % 100_000 == 0)
            {
                progress?.Invoke(written);
            }
        }

        w.WriteEndArray();
        w.WritePropertyName("mock_jobs");
        w.WriteStartObject();
        foreach (var job in fixture.Estate.Jobs)
        {
            w.WritePropertyName(job.Id);
            MockJobJson.Write(w, job, withState);
        }

        w.WriteEndObject();
        w.WriteEndObject();
        w.Flush();
        text.Write('\n');
        text.Flush();
    }

    private static void WriteProjects(JsonWriter w, IReadOnlyList<Project> projects)
    {
        w.WritePropertyName("projects");
        w.WriteStartArray();
        foreach (var project in projects)
        {
            w.WriteStartObject();
            w.Property("name", project.Name);
            w.WritePropertyName("models");
            w.WriteStartArray();
            foreach (var model in project.Models)
            {
                w.WriteStartObject();
                w.Property("uuid", model.Uuid);
                w.Property("alias", model.Alias);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.Property("tables", project.Tables);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
