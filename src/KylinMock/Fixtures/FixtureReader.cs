using System.Globalization;
using KylinMock.Jobs;

namespace KylinMock.Fixtures;

/// <summary>
/// Reads a fixture file, streaming. Accepted: the mock's own format (<c>{"format", "origin",
/// "projects", "jobs", "mock_jobs"}</c>), a bare array of jobs (a captured <c>data.value</c>), or a
/// whole captured list answer (<c>{"code":"000","data":{"value":[...]}}</c>). Any problem is a
/// <see cref="FixtureException"/> naming the file, the job and the field.
/// </summary>
internal static class FixtureReader
{
    private static readonly Func<string, Exception> Refuse = message => new FixtureException(message);

    /// <summary>Reads the fixture file at <paramref name="path"/>.</summary>
    public static Fixture Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        Stream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FixtureException($"{path}: cannot be read: {e.Message}", e);
        }

        using (stream)
        {
            // A file in UTF-16 or UTF-32 (with its byte-order mark) is read as text, like any TextReader.
            Span<byte> head = stackalloc byte[4];
            var got = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            stream.Position = 0;
            if (got >= 2 && (head[..2].SequenceEqual((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head[..2].SequenceEqual((ReadOnlySpan<byte>)[0xFE, 0xFF])))
            {
                using var text = new StreamReader(stream, detectEncodingFromByteOrderMarks: true);
                return Read(text, path);
            }

            try
            {
                return Read(stream, path);
            }
            catch (IOException e)
            {
                throw new FixtureException($"{path}: cannot be read: {e.Message}", e);
            }
        }
    }

    /// <summary>Reads a fixture from <paramref name="text"/>; <paramref name="source"/> names it in messages.</summary>
    public static Fixture Read(TextReader text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var stream = new Utf8TextStream(text);
        return Read(stream, source);
    }

    private static Fixture Read(Stream stream, string source)
    {
        var place = new JsonPlace(Refuse, source);

        // A generated fixture takes some 3.4 KB per job: size the job list once rather than grow it.
        var expected = stream.CanSeek ? (int)Math.Min(stream.Length / 3000, 1_000_000) : 0;
        var r = new JsonCursor(stream, new StringPool());
        var scratch = ReadScratch.Create();
        var drafts = new Drafts(expected);
        var mocks = new Dictionary<string, MockJob>(StringComparer.Ordinal);
        var projects = new List<Project>();
        FixtureOrigin? origin = null;
        var modelParts = new string?[3];
        string? rowsJson = null;
        try
        {
            r.Next(place);
            if (r.Token == System.Text.Json.JsonTokenType.StartArray)
            {
                ReadJobs(ref r, place, drafts, ref scratch);
            }
            else
            {
                r.Object(place);
                while (r.Property(place))
                {
                    var name = r.Name;
                    switch (name)
                    {
                        case "format":
                            var format = r.String(place, "format");
                            if (format != FixtureWriter.Format)
                            {
                                throw place.Fail($"field \"format\": \"{format}\" is not {FixtureWriter.Format}");
                            }

                            break;
                        case "origin": origin = ReadOrigin(ref r, place); break;
                        case "projects": ReadProjects(ref r, place, projects); break;
                        case "jobs" or "value": ReadJobs(ref r, place, drafts, ref scratch); break;
                        case "data": ReadData(ref r, place, drafts, ref scratch); break;
                        case "mock_jobs": ReadMocks(ref r, place, drafts, mocks); break;
                        case "tables": modelParts[0] = r.Raw(place); break;
                        case "models": modelParts[1] = r.Raw(place); break;
                        case "segments": modelParts[2] = r.Raw(place); break;
                        case "rows": rowsJson = r.Raw(place); break;
                        default: r.Skip(place); break;
                    }
                }
            }

            r.End(place);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw r.Invalid(place, e);
        }

        var models = modelParts.Any(p => p is not null) ? ModelEstateJson.Read(modelParts[0], modelParts[1], modelParts[2], source) : null;
        var jobs = Assemble(drafts, mocks, place);
        if (rowsJson is not null)
        {
            // Rows need tables: a fixture without its own tables gets the ones its jobs imply, as loading it would.
            models = (models ?? Models.ModelDerivation.From(projects, jobs)) with { Rows = ModelEstateJson.ReadRows(rowsJson, source) };
        }

        return new Fixture(new Estate(projects, jobs) { Models = models }, origin);
    }

    private static List<Job> Assemble(Drafts drafts, Dictionary<string, MockJob> mocks, in JsonPlace place)
    {
        var all = drafts.All;
        var jobs = new List<Job>(all.Length);
        for (var i = 0; i < all.Length; i++)
        {
            ref var draft = ref all[i];
            var at = place.Job(i, draft.Id);
            var mock = draft.Duplicate ? drafts.Find(draft.Id)?.Mock : draft.Mock;
            mock ??= draft.Id is null || mocks.Count == 0 ? null : mocks.GetValueOrDefault(draft.Id);
            var job = JobAssembler.Finish(draft, mock, at);
            if (draft.Duplicate)
            {
                throw at.Fail("field \"id\": the id appears twice");
            }

            jobs.Add(job);
            draft = default;
        }

        return jobs;
    }

    private static void ReadJobs(ref JsonCursor r, in JsonPlace place, Drafts drafts, ref ReadScratch scratch)
    {
        if (!r.Array(place, "jobs"))
        {
            // null where the list of jobs belongs would load an empty estate without a word.
            throw place.Fail("field \"jobs\": null where a list of jobs belongs");
        }

        while (r.Item(place))
        {
            var draft = JobAssembler.Begin(JobRecordReader.Read(ref r, place.Job(drafts.Count), ref scratch));
            if (draft.Record is not null)
            {
                // Kept for later: the next job gets a record of its own.
                scratch.Record = new JobRecord();
            }

            drafts.Add(draft);
        }
    }

    // A whole captured list answer: {"code":"000","data":{"value":[...], ...},"msg":""}.
    private static void ReadData(ref JsonCursor r, in JsonPlace place, Drafts drafts, ref ReadScratch scratch)
    {
        r.Object(place);
        while (r.Property(place))
        {
            var name = r.Name;
            if (name is "value")
            {
                ReadJobs(ref r, place, drafts, ref scratch);
            }
            else
            {
                r.Skip(place);
            }
        }
    }

    // An entry goes straight to the job read before it with that id; others wait in a dictionary.
    private static void ReadMocks(ref JsonCursor r, in JsonPlace place, Drafts drafts, Dictionary<string, MockJob> mocks)
    {
        // Plans are immutable: equal ones (a generated estate draws a few thousand) are kept once.
        var plans = new Dictionary<JobPlan, JobPlan>();
        r.Object(place);
        while (r.Property(place))
        {
            if (drafts.IndexOf(r.Name) is var index and >= 0)
            {
                ref var draft = ref drafts.All[index];
                draft.Mock = MockJobJson.Read(ref r, place.Mock(draft.Id!), plans);
                mocks.Remove(draft.Id!);
            }
            else
            {
                var key = r.Name.ToString();
                mocks[key] = MockJobJson.Read(ref r, place.Mock(key), plans);
            }
        }
    }

    private static FixtureOrigin ReadOrigin(ref JsonCursor r, in JsonPlace place)
    {
        int? seed = null;
        int? count = null;
        DateTimeOffset? reference = null;
        r.Object(place);
        while (r.Property(place))
        {
            var name = r.Name;
            switch (name)
            {
                case "seed": seed = r.Int(place, "origin.seed"); break;
                case "job_count": count = r.Int(place, "origin.job_count"); break;
                case "reference_time":
                    var text = r.RequiredString(place, "origin.reference_time");
                    reference = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
                        ? t
                        : throw place.Fail($"field \"origin.reference_time\": \"{text}\" is not an ISO-8601 instant");
                    break;
                default: r.Skip(place); break;
            }
        }

        return new FixtureOrigin(
            seed ?? throw place.Fail("field \"origin.seed\": missing"),
            count ?? throw place.Fail("field \"origin.job_count\": missing"),
            reference ?? throw place.Fail("field \"origin.reference_time\": missing"));
    }

    private static void ReadProjects(ref JsonCursor r, in JsonPlace place, List<Project> projects)
    {
        if (!r.Array(place, "projects"))
        {
            throw place.Fail("field \"projects\": null where a list of projects belongs");
        }
        while (r.Item(place))
        {
            string? name = null;
            var models = new List<Model>();
            IReadOnlyList<string> tables = new List<string>();
            r.Object(place);
            while (r.Property(place))
            {
                var field = r.Name;
                switch (field)
                {
                    case "name": name = r.RequiredString(place, "projects.name"); break;
                    case "models": ReadModels(ref r, place, models); break;
                    case "tables": tables = new List<string>(JobRecordReader.Strings(ref r, place, "projects.tables")); break;
                    default: r.Skip(place); break;
                }
            }

            projects.Add(new Project(name ?? throw place.Fail("field \"projects.name\": missing"), models, tables));
        }
    }

    private static void ReadModels(ref JsonCursor r, in JsonPlace place, List<Model> models)
    {
        if (!r.Array(place, "projects.models"))
        {
            return;
        }
        while (r.Item(place))
        {
            string? uuid = null;
            string? alias = null;
            r.Object(place);
            while (r.Property(place))
            {
                var field = r.Name;
                switch (field)
                {
                    case "uuid": uuid = r.RequiredString(place, "models.uuid"); break;
                    case "alias": alias = r.RequiredString(place, "models.alias"); break;
                    default: r.Skip(place); break;
                }
            }

            models.Add(new Model(uuid ?? throw place.Fail("field \"models.uuid\": missing"), alias ?? throw place.Fail("field \"models.alias\": missing")));
        }
    }

    /// <summary>The jobs read, in file order, and the first of each id (so mock_jobs entries find their job).</summary>
    private sealed class Drafts
    {
        private readonly Dictionary<string, int> byId;
        private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup;
        private JobDraft[] drafts;

        public Drafts(int expected)
        {
            byId = new Dictionary<string, int>(expected, StringComparer.Ordinal);
            lookup = byId.GetAlternateLookup<ReadOnlySpan<char>>();
            drafts = new JobDraft[Math.Max(expected, 16)];
        }

        public int Count { get; private set; }

        /// <summary>The drafts, in file order (a view: changes go into them).</summary>
        public Span<JobDraft> All => drafts.AsSpan(0, Count);

        public void Add(JobDraft draft)
        {
            if (draft.Id is { } id && !byId.TryAdd(id, Count))
            {
                draft.Duplicate = true;
            }

            if (Count == drafts.Length)
            {
                Array.Resize(ref drafts, drafts.Length * 2);
            }

            drafts[Count++] = draft;
        }

        public int IndexOf(ReadOnlySpan<char> id) => lookup.TryGetValue(id, out var index) ? index : -1;

        public JobDraft? Find(string? id) => id is not null && byId.TryGetValue(id, out var index) ? drafts[index] : null;
    }
}
