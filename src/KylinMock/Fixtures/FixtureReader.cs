using System.Globalization;
using KylinMock.Jobs;
using KylinMock.Json;
using Newtonsoft.Json;

namespace KylinMock.Fixtures;

/// <summary>
/// Reads a fixture file, streaming. Accepted: the mock's own format (<c>{"format", "origin",
/// "projects", "jobs", "mock_jobs"}</c>), a bare array of jobs (a captured <c>data.value</c>), or a
/// whole captured list answer (<c>{"code":"000","data":{"value":[...]}}</c>). Any problem is a
/// <see cref="FixtureException"/> naming the file, the job and the field.
/// </summary>
public static class FixtureReader
{
    /// <summary>Reads the fixture file at <paramref name="path"/>.</summary>
    public static Fixture Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            using var text = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
            return Read(text, path);
        }
        catch (IOException e)
        {
            throw new FixtureException($"{path}: cannot be read: {e.Message}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new FixtureException($"{path}: cannot be read: {e.Message}", e);
        }
    }

    /// <summary>Reads a fixture from <paramref name="text"/>; <paramref name="source"/> names it in messages.</summary>
    public static Fixture Read(TextReader text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var r = new JsonTextReader(text) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Double, MaxDepth = 64 };
        Func<string, Exception> fail = message => new FixtureException($"{source}: {message}");
        var records = new List<JobRecord>();
        var mocks = new Dictionary<string, MockJob>(StringComparer.Ordinal);
        var projects = new List<Project>();
        FixtureOrigin? origin = null;
        Next(r, fail);
        if (r.TokenType == JsonToken.StartArray)
        {
            ReadJobs(r, source, records);
        }
        else
        {
            JsonRead.Object(r, fail, name =>
            {
                switch (name)
                {
                    case "format":
                        var format = JsonRead.String(r, fail, name);
                        if (format != FixtureWriter.Format)
                        {
                            throw fail($"field \"format\": \"{format}\" is not {FixtureWriter.Format}");
                        }

                        break;
                    case "origin": origin = ReadOrigin(r, fail); break;
                    case "projects": JsonRead.Array(r, fail, name, _ => projects.Add(ReadProject(r, fail))); break;
                    case "jobs" or "value": ReadJobs(r, source, records); break;
                    case "data": ReadData(r, source, records, fail); break;
                    case "mock_jobs": JsonRead.Object(r, fail, id => mocks[id] = MockJobJson.Read(r, m => fail($"mock_jobs \"{id}\": {m}"))); break;
                    default: r.Skip(); break;
                }
            });
        }

        if (r.Read())
        {
            throw fail("unexpected content after the fixture's end");
        }

        return new Fixture(new Estate(projects, Assemble(records, mocks, source)), origin);
    }

    private static List<Job> Assemble(List<JobRecord> records, Dictionary<string, MockJob> mocks, string source)
    {
        var jobs = new List<Job>(records.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            Func<string, Exception> fail = message => new FixtureException($"{source}: job #{i}{(record.Id is null ? string.Empty : $" (id \"{record.Id}\")")}: {message}");
            var job = JobAssembler.Assemble(record, record.Id is null ? null : mocks.GetValueOrDefault(record.Id), fail);
            if (!seen.Add(job.Id))
            {
                throw fail("field \"id\": the id appears twice");
            }

            jobs.Add(job);
        }

        return jobs;
    }

    private static void ReadJobs(JsonReader r, string source, List<JobRecord> records)
    {
        JsonRead.Array(r, m => new FixtureException($"{source}: {m}"), "jobs", index =>
            records.Add(JobRecordReader.Read(r, message => new FixtureException($"{source}: job #{index}: {message}"))));
    }

    // A whole captured list answer: {"code":"000","data":{"value":[...], ...},"msg":""}.
    private static void ReadData(JsonReader r, string source, List<JobRecord> records, Func<string, Exception> fail)
    {
        JsonRead.Object(r, fail, name =>
        {
            if (name == "value")
            {
                ReadJobs(r, source, records);
            }
            else
            {
                r.Skip();
            }
        });
    }

    private static FixtureOrigin ReadOrigin(JsonReader r, Func<string, Exception> fail)
    {
        int? seed = null;
        int? count = null;
        DateTimeOffset? reference = null;
        JsonRead.Object(r, fail, name =>
        {
            switch (name)
            {
                case "seed": seed = JsonRead.Int(r, fail, "origin.seed"); break;
                case "job_count": count = JsonRead.Int(r, fail, "origin.job_count"); break;
                case "reference_time":
                    var text = JsonRead.RequiredString(r, fail, "origin.reference_time");
                    reference = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
                        ? t
                        : throw fail($"field \"origin.reference_time\": \"{text}\" is not an ISO-8601 instant");
                    break;
                default: r.Skip(); break;
            }
        });
        return new FixtureOrigin(
            seed ?? throw fail("field \"origin.seed\": missing"),
            count ?? throw fail("field \"origin.job_count\": missing"),
            reference ?? throw fail("field \"origin.reference_time\": missing"));
    }

    private static Project ReadProject(JsonReader r, Func<string, Exception> fail)
    {
        string? name = null;
        var models = new List<Model>();
        var tables = new List<string>();
        JsonRead.Object(r, fail, field =>
        {
            switch (field)
            {
                case "name": name = JsonRead.RequiredString(r, fail, "projects.name"); break;
                case "models": JsonRead.Array(r, fail, "projects.models", _ => models.Add(ReadModel(r, fail))); break;
                case "tables": tables = JsonRead.Strings(r, fail, "projects.tables"); break;
                default: r.Skip(); break;
            }
        });
        return new Project(name ?? throw fail("field \"projects.name\": missing"), models, tables);
    }

    private static Model ReadModel(JsonReader r, Func<string, Exception> fail)
    {
        string? uuid = null;
        string? alias = null;
        JsonRead.Object(r, fail, field =>
        {
            switch (field)
            {
                case "uuid": uuid = JsonRead.RequiredString(r, fail, "models.uuid"); break;
                case "alias": alias = JsonRead.RequiredString(r, fail, "models.alias"); break;
                default: r.Skip(); break;
            }
        });
        return new Model(uuid ?? throw fail("field \"models.uuid\": missing"), alias ?? throw fail("field \"models.alias\": missing"));
    }

    private static void Next(JsonReader r, Func<string, Exception> fail)
    {
        try
        {
            if (!r.Read())
            {
                throw fail("the file is empty");
            }
        }
        catch (JsonReaderException e)
        {
            throw fail("not valid JSON: " + e.Message);
        }
    }
}
