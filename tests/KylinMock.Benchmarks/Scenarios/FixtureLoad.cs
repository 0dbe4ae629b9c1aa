using System.Text.Json;
using KylinMock.Benchmarks.Harness;
using KylinMock.Fixtures;

namespace KylinMock.Benchmarks.Scenarios;

/// <summary>
/// <c>FixtureReader.Read</c> of a 100,000-job fixture file written by <c>FixtureWriter</c> from a generated
/// estate; for scale, a bare tokenizing pass (System.Text.Json's Utf8JsonReader) over the same file.
/// </summary>
internal static class FixtureLoad
{
    public static Task<IEnumerable<ScenarioRow>> Run(BenchSettings settings)
    {
        var count = settings.Pick(100_000, 5_000);
        var path = Path.Combine(Path.GetTempPath(), $"kylinmock-bench-{Environment.ProcessId}-{count}.json");
        try
        {
            Bench.Log($"fixture load: writing {count:N0} jobs");
            var estate = JobGenerator.Generate(42, count, Reference.Now);
            FixtureWriter.Write(path, new Fixture(estate, new FixtureOrigin(42, count, Reference.Now)), Reference.Now.ToUnixTimeMilliseconds());
            estate = null;
            var bytes = new FileInfo(path).Length;
            long sink = 0;
            Task<double> Read() => Task.FromResult(count / (Bench.Ms(() => sink += FixtureReader.Read(path).Estate.Jobs.Count) / 1000));
            Task<double> Tokens() => Task.FromResult(count / (Bench.Ms(() => sink += Tokenize(path)) / 1000));
            Task<double> Settled(Func<Task<double>> side) { Bench.Settle(); return side(); }

            Bench.Log($"fixture load: {count:N0} jobs, {bytes / 1048576.0:0.0} MiB");
            var r = Bench.Alternate(1, settings.Pick(5, 2), () => Settled(Read), () => Settled(Tokens)).GetAwaiter().GetResult();
            GC.KeepAlive(sink);
            var read = new Measurement("FixtureReader.Read", "jobs/s", Summary.Of(r[0]));
            var tokens = new Measurement("bare Utf8JsonReader pass", "jobs/s", Summary.Of(r[1]));
            var extra = new Dictionary<string, object> { ["jobs"] = count, ["file_bytes"] = bytes, ["read_mib_per_s"] = Summary.Of(r[0]).Median * bytes / count / 1048576.0 };
            return Task.FromResult<IEnumerable<ScenarioRow>>(
            [
                new ScenarioRow("fixture_load", "Fixture load (100k-job file)", read, null, null, Target.MedianAtLeast(100_000, "jobs/s")) { Extra = extra, Note = settings.Smoke ? "smoke: 5,000 jobs" : null },
                new ScenarioRow("fixture_load_vs_tokenizer", "Fixture load vs a bare tokenizing pass over the file", read, tokens, Bench.Ratios(r[0], r[1]), null),
            ]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static long Tokenize(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = new byte[1 << 16];
        var state = default(JsonReaderState);
        var length = 0;
        long tokens = 0;
        while (true)
        {
            var read = stream.Read(buffer, length, buffer.Length - length);
            length += read;
            var reader = new Utf8JsonReader(buffer.AsSpan(0, length), read == 0, state);
            while (reader.Read())
            {
                tokens++;
            }

            if (read == 0)
            {
                return tokens;
            }

            state = reader.CurrentState;
            var consumed = (int)reader.BytesConsumed;
            buffer.AsSpan(consumed, length - consumed).CopyTo(buffer);
            length -= consumed;
            if (length == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }
        }
    }
}
