using System.Globalization;
using System.Text;
using KylinMock.Control;
using KylinMock.Jobs;

namespace KylinMock.Verification;

/// <summary>
/// Queries and assertions over a server's <see cref="RequestJournal"/>, in the spirit of WireMock's
/// <c>LogEntries</c> and MockServer's <c>verify</c>: how often a Kylin operation was called and with what,
/// in what order, and how far apart on the server's clock. A failed assertion throws
/// <see cref="KylinVerificationException"/> saying what was expected and listing what was received.
/// </summary>
public static class JournalVerification
{
    /// <summary>The most received calls a failure message lists (the newest).</summary>
    public const int MaxListedCalls = 50;

    /// <summary>Every kept request as a Kylin call, oldest first.</summary>
    public static IReadOnlyList<KylinCall> Calls(this RequestJournal journal)
    {
        ArgumentNullException.ThrowIfNull(journal);
        return journal.Entries().Select(KylinCall.From).ToArray();
    }

    /// <summary>The kept calls that <paramref name="match"/> counts, oldest first.</summary>
    public static IReadOnlyList<KylinCall> Calls(this RequestJournal journal, KylinCallMatch match)
    {
        ArgumentNullException.ThrowIfNull(match);
        return journal.Calls().Where(match.Matches).ToArray();
    }

    /// <summary>The kept calls of <paramref name="operation"/>, oldest first.</summary>
    public static IReadOnlyList<KylinCall> Calls(this RequestJournal journal, KylinOperation operation) =>
        journal.Calls(KylinCallMatch.Operation(operation));

    /// <summary>What every kept <c>PUT /kylin/api/jobs/status</c> sent, oldest first.</summary>
    public static IReadOnlyList<JobUpdateRequest> StatusUpdates(this RequestJournal journal) =>
        journal.Calls(KylinOperation.UpdateJobStatus).Select(c => c.StatusUpdate!).ToArray();

    /// <summary>The parameters of every kept <c>GET /kylin/api/jobs</c> (v4 and v2), oldest first.</summary>
    public static IReadOnlyList<JobListQuery> ListQueries(this RequestJournal journal) =>
        journal.Calls(KylinOperation.GetJobList).Concat(journal.Calls(KylinOperation.GetJobListV2)).OrderBy(c => c.Sequence).Select(c => c.ListQuery!).ToArray();

    /// <summary>The time between each two consecutive calls <paramref name="polls"/> counts (every job list by default), on the server's clock.</summary>
    public static IReadOnlyList<TimeSpan> Intervals(this RequestJournal journal, KylinCallMatch? polls = null) =>
        Between(journal.Calls(polls ?? KylinCallMatch.Operation(KylinOperation.GetJobList)));

    /// <summary>
    /// Asserts that <paramref name="match"/> counts exactly <paramref name="times"/> calls, or at least one
    /// when <paramref name="times"/> is null; returns them.
    /// </summary>
    /// <exception cref="KylinVerificationException">The count differs.</exception>
    public static IReadOnlyList<KylinCall> Verify(this RequestJournal journal, KylinCallMatch match, int? times = null)
    {
        ArgumentNullException.ThrowIfNull(match);
        var all = journal.Calls();
        var matched = all.Where(match.Matches).ToArray();
        if (times is null ? matched.Length > 0 : matched.Length == times)
        {
            return matched;
        }

        var expected = times is null ? "at least once" : Count(times.Value, "time");
        throw Failure($"Expected {match} {expected}, but it was called {Count(matched.Length, "time")}.", all);
    }

    /// <summary>Asserts that a call of each match was received in this order (other calls may come between).</summary>
    /// <exception cref="KylinVerificationException">A match has no call after the previous one's.</exception>
    public static void VerifyInOrder(this RequestJournal journal, params KylinCallMatch[] matches)
    {
        ArgumentNullException.ThrowIfNull(matches);
        var all = journal.Calls();
        var after = 0L;
        for (var i = 0; i < matches.Length; i++)
        {
            var next = all.FirstOrDefault(c => c.Sequence > after && matches[i].Matches(c));
            if (next is null)
            {
                var order = string.Join(", then ", matches.Select(m => m.ToString()));
                var where = i == 0 ? "none was received" : $"none came after #{after}";
                throw Failure($"Expected in order: {order}; but for {matches[i]} {where}.", all);
            }

            after = next.Sequence;
        }
    }

    /// <summary>
    /// Asserts that consecutive calls <paramref name="polls"/> counts (every job list by default) are at
    /// least <paramref name="interval"/> apart on the server's clock: "my client polls no more often than every 5 s".
    /// </summary>
    /// <exception cref="KylinVerificationException">Two calls came closer together.</exception>
    public static void VerifyPollsNoMoreOftenThan(this RequestJournal journal, TimeSpan interval, KylinCallMatch? polls = null)
    {
        polls ??= KylinCallMatch.Operation(KylinOperation.GetJobList);
        var all = journal.Calls();
        var matched = all.Where(polls.Matches).ToArray();
        var gaps = Between(matched);
        var tooSoon = Enumerable.Range(0, gaps.Count).Where(i => gaps[i] < interval).ToArray();
        if (tooSoon.Length == 0)
        {
            return;
        }

        var first = tooSoon[0];
        throw Failure(
            $"Expected {polls} no more often than every {Seconds(interval)}, but {Count(tooSoon.Length, "interval")} {(tooSoon.Length == 1 ? "was" : "were")} shorter " +
            $"(first: #{matched[first].Sequence} then #{matched[first + 1].Sequence} after {Seconds(gaps[first])}). " +
            $"Intervals received: {string.Join(", ", gaps.Select(Seconds))}.",
            all);
    }

    private static List<TimeSpan> Between(IReadOnlyList<KylinCall> calls) =>
        Enumerable.Range(1, Math.Max(0, calls.Count - 1)).Select(i => calls[i].Time - calls[i - 1].Time).ToList();

    private static KylinVerificationException Failure(string expectation, IReadOnlyList<KylinCall> received)
    {
        var text = new StringBuilder(expectation).AppendLine();
        if (received.Count == 0)
        {
            text.Append("Received no Kylin calls.");
            return new KylinVerificationException(text.ToString());
        }

        text.Append(CultureInfo.InvariantCulture, $"Received {Count(received.Count, "Kylin call")}:");
        if (received.Count > MaxListedCalls)
        {
            text.AppendLine().Append(CultureInfo.InvariantCulture, $"  ({received.Count - MaxListedCalls} earlier not shown)");
        }

        foreach (var call in received.Skip(Math.Max(0, received.Count - MaxListedCalls)))
        {
            text.AppendLine().Append("  ").Append(call);
        }

        return new KylinVerificationException(text.ToString());
    }

    private static string Count(int n, string noun) => string.Create(CultureInfo.InvariantCulture, $"{n} {noun}{(n == 1 ? string.Empty : "s")}");

    private static string Seconds(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.###} s");
}
