using System.Text.Json;
using KylinMock.Benchmarks.Harness;
using KylinMock.Fixtures;
using KylinMock.Jobs;
using KylinMock.Query;

namespace KylinMock.Benchmarks.Scenarios;

/// <summary>
/// Hand-written code against the library version it stands in for, at 10,000 and 1,000,000 jobs (the readers at 10,000 and 100,000):
/// the array <c>TopK</c> against the BCL's <c>PriorityQueue</c> (the best 20 by last-modified time of
/// every job, under the store's lock), and the fixture reader (<c>JsonCursor</c> and friends) against
/// System.Text.Json's <c>JsonDocument</c> parsing the same bytes (a floor for the library reader: it
/// builds no job).
/// </summary>
internal static class HandWritten
{
    private const int K = 20;

    public static async Task<IEnumerable<ScenarioRow>> Run(BenchSettings settings)
    {
        var rows = new List<ScenarioRow>();
        foreach (var count in new[] { settings.Pick(10_000, 2_000), settings.Pick(1_000_000, 20_000) })
        {
            rows.AddRange(await TopKRows(settings, count));
        }

        // Not 1,000,000: that fixture is a 3.3 GB file, past JsonDocument's 2 GiB ceiling (and this machine's patience).
        foreach (var count in new[] { settings.Pick(10_000, 2_000), settings.Pick(100_000, 5_000) })
        {
            rows.AddRange(await ReaderRows(settings, count));
        }

        return rows;
    }

    private static async Task<IEnumerable<ScenarioRow>> TopKRows(BenchSettings settings, int count)
    {
        var store = new JobStore(new FixedClock(Reference.Now));
        store.Load(JobGenerator.Generate(42, count, Reference.Now));
        Bench.Settle();
        var now = Reference.Now.ToUnixTimeMilliseconds();
        var array = store.Read(view => ArrayTopK(view.Jobs, now));
        var queue = store.Read(view => QueueTopK(view.Jobs, now));
        if (!array.SequenceEqual(queue))
        {
            throw new InvalidOperationException("the two top-k disagree");
        }

        long sink = 0;
        var times = settings.Pick(count <= 10_000 ? 200 : 3, 2);
        Task<double> Array() => Task.FromResult(Bench.Ms(() => { for (var i = 0; i < times; i++) { sink += store.Read(view => ArrayTopK(view.Jobs, now)).Count; } }) / times);
        Task<double> Queue() => Task.FromResult(Bench.Ms(() => { for (var i = 0; i < times; i++) { sink += store.Read(view => QueueTopK(view.Jobs, now)).Count; } }) / times);
        Bench.Log($"top-k: {count:N0} jobs, array heap / PriorityQueue");
        var r = await Bench.Alternate(settings.Pick(3, 1), settings.Pick(11, 3), Array, Queue);
        GC.KeepAlive(sink);
        var name = count >= 1_000_000 ? "1m" : count >= 10_000 ? "10k" : count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return
        [
            new ScenarioRow($"topk_{name}", $"Top {K} by last_modified of {count:N0} jobs: array TopK vs BCL PriorityQueue", new Measurement("array TopK", "ms", Summary.Of(r[0])), new Measurement("PriorityQueue", "ms", Summary.Of(r[1])), Bench.Ratios(r[0], r[1]), null),
        ];
    }

    private static List<string> ArrayTopK(ReadOnlySpan<Job> jobs, long now)
    {
        var best = new ArrayTopK(K, SortBy.LastModified, ascending: false);
        for (var i = jobs.Length - 1; i >= 0; i--)
        {
            best.Offer(jobs[i], i, now);
        }

        return best.Sorted(jobs).ConvertAll(j => j.Id);
    }

    // The list's own TopK (the BCL PriorityQueue), with the same order.
    private static List<string> QueueTopK(ReadOnlySpan<Job> jobs, long now)
    {
        var best = new TopK(K, SortBy.LastModified, ascending: false);
        for (var i = jobs.Length - 1; i >= 0; i--)
        {
            best.Offer(jobs[i], i, now);
        }

        return best.Sorted(jobs).ConvertAll(j => j.Id);
    }

    // The same order (latest first, ties in storage order) with the root the worst kept job.
    private static List<string> BareQueueTopK(ReadOnlySpan<Job> jobs)
    {
        var worstFirst = Comparer<(long Key, int Position)>.Create(static (a, b) => a.Key != b.Key ? a.Key.CompareTo(b.Key) : b.Position.CompareTo(a.Position));
        var queue = new PriorityQueue<int, (long Key, int Position)>(K + 1, worstFirst);
        for (var i = jobs.Length - 1; i >= 0; i--)
        {
            var key = (jobs[i].LastModified, i);
            if (queue.Count < K)
            {
                queue.Enqueue(i, key);
            }
            else if (queue.TryPeek(out _, out var root) && worstFirst.Compare(key, root) > 0)
            {
                queue.DequeueEnqueue(i, key);
            }
        }

        var kept = new List<(int Position, (long Key, int Position) Key)>(queue.UnorderedItems);
        kept.Sort((a, b) => worstFirst.Compare(b.Key, a.Key));
        var ids = new List<string>(kept.Count);
        foreach (var (position, _) in kept)
        {
            ids.Add(jobs[position].Id);
        }

        return ids;
    }

    private static async Task<IEnumerable<ScenarioRow>> ReaderRows(BenchSettings settings, int count)
    {
        var path = Path.Combine(Path.GetTempPath(), $"kylinmock-bench-reader-{Environment.ProcessId}-{count}.json");
        try
        {
            Bench.Log($"fixture readers: writing {count:N0} jobs");
            FixtureWriter.Write(path, new Fixture(JobGenerator.Generate(42, count, Reference.Now), new FixtureOrigin(42, count, Reference.Now)), Reference.Now.ToUnixTimeMilliseconds());
            Bench.Settle();
            long sink = 0;
            Task<double> Cursor() { Bench.Settle(); return Task.FromResult(count / (Bench.Ms(() => sink += FixtureReader.Read(path).Estate.Jobs.Count) / 1000)); }
            Task<double> Document() { Bench.Settle(); return Task.FromResult(count / (Bench.Ms(() => sink += ParseDocument(path)) / 1000)); }
            Bench.Log($"fixture readers: {count:N0} jobs, hand-written reader / JsonDocument");
            var large = count >= 100_000;
            var r = await Bench.Alternate(large ? 0 : 1, settings.Pick(large ? 2 : 7, 2), Cursor, Document);
            GC.KeepAlive(sink);
            var name = large ? "100k" : count >= 10_000 ? "10k" : count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return
            [
                new ScenarioRow($"fixture_reader_{name}", $"Fixture read ({count:N0} jobs from a file): hand-written reader (jobs built) vs JsonDocument (parse only)", new Measurement("FixtureReader.Read", "jobs/s", Summary.Of(r[0])), new Measurement("JsonDocument.Parse", "jobs/s", Summary.Of(r[1])), Bench.Ratios(r[0], r[1]), null),
            ];
        }
        finally
        {
            File.Delete(path);
        }
    }

    // The library's reader at its cheapest: the whole file into a document, each job's id read.
    private static long ParseDocument(string path)
    {
        using var stream = File.OpenRead(path);
        using var document = JsonDocument.Parse(stream);
        long ids = 0;
        foreach (var job in document.RootElement.GetProperty("jobs").EnumerateArray())
        {
            ids += job.GetProperty("id").GetString()!.Length;
        }

        return ids;
    }
}
