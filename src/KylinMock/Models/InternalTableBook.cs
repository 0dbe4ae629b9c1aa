using System.Globalization;
using KylinMock.Jobs;

namespace KylinMock.Models;

/// <summary>
/// The estate's internal tables (<c>InternalTableManager</c>), kept with the catalog under the backend's lock: looked up
/// by project and <c>DB.TABLE</c> as given (case-sensitive), and changed by a finished loading job
/// (<c>InternalTableUpdateMetadataStep</c>): its partitions, row count and size follow the range it loaded.
/// </summary>
internal sealed class InternalTableBook
{
    private const long Day = 86_400_000;

    // The rows a loaded day holds are fixed by the table and the day, so the same loads give the same counts.
    private const int MinRows = 1_000;
    private const int RowSpread = 9_000;
    private const int BytesPerRow = 48;

    private readonly Dictionary<(string Project, string Identity), InternalTable> tables = new(new Key());
    private readonly List<(string Project, string Identity)> order = [];

    /// <summary>Forgets every table.</summary>
    public void Clear()
    {
        tables.Clear();
        order.Clear();
    }

    /// <summary>Takes <paramref name="loaded"/> (an estate's), in order.</summary>
    public void Load(IEnumerable<InternalTable> loaded)
    {
        Clear();
        foreach (var table in loaded)
        {
            Put(table);
        }
    }

    /// <summary>The project's table with this identity, or null.</summary>
    public InternalTable? Find(string project, string identity) => tables.GetValueOrDefault((project, identity));

    /// <summary>The project's tables in the order they were made.</summary>
    public IReadOnlyList<InternalTable> Of(string project) =>
        order.Where(k => string.Equals(k.Project, project, StringComparison.OrdinalIgnoreCase)).Select(k => tables[k]).ToArray();

    /// <summary>Every table, for fixtures.</summary>
    public IReadOnlyList<InternalTable> All => order.Select(k => tables[k]).ToArray();

    /// <summary>Adds or replaces a table.</summary>
    public void Put(InternalTable table)
    {
        var key = (table.Project, table.Identity);
        if (!tables.ContainsKey(key))
        {
            order.Add(key);
        }

        tables[key] = table;
    }

    /// <summary>Removes a table.</summary>
    public void Remove(InternalTable table)
    {
        var key = (table.Project, table.Identity);
        if (tables.Remove(key))
        {
            order.RemoveAll(k => new Key().Equals(k, key));
        }
    }

    /// <summary>
    /// A loading job finished: an incremental load (a data range other than 0..Long.MAX) writes one partition a day of
    /// its range, a full load of a partitioned table its last seven days before the job was made, a full load of an
    /// unpartitioned table its rows; a refresh rewrites the partitions it covers. Jobs of a table that is gone change nothing.
    /// </summary>
    public void Loaded(Job job)
    {
        if (job.State != ExecutableState.SUCCEED || job.JobName is not (JobType.INTERNAL_TABLE_BUILD or JobType.INTERNAL_TABLE_REFRESH)
            || Find(job.Project, job.TargetModel) is not { } table)
        {
            return;
        }

        var full = job.DataRangeEnd == long.MaxValue;
        if (!table.Partitioned)
        {
            Put(WithRows(table, job.LastModified));
            return;
        }

        var start = full ? DayOf(job.CreateTime) - (7 * Day) : DayOf(job.DataRangeStart);
        var end = full ? DayOf(job.CreateTime) : job.DataRangeEnd;
        Put(WithDays(table, start, end, job.LastModified));
    }

    /// <summary>The table with one partition a day from <paramref name="start"/> up to <paramref name="end"/> (re)written at <paramref name="at"/>.</summary>
    public static InternalTable WithDays(InternalTable table, long start, long end, long at)
    {
        var partitions = table.Partitions.ToDictionary(p => p.Value, StringComparer.Ordinal);
        for (var day = DayOf(start); day < end; day += Day)
        {
            var value = Format(day, table.DatePartitionFormat);
            var rows = Rows(table, value);
            partitions[value] = new InternalTablePartition(value, rows * BytesPerRow, 1 + (rows / 4_000), rows);
        }

        var sorted = partitions.Values.OrderBy(p => p.Value, StringComparer.Ordinal).ToArray();
        return table with { Partitions = sorted, RowCount = sorted.Sum(p => p.Rows), StorageSize = sorted.Sum(p => p.SizeInBytes), LastModified = at };
    }

    /// <summary>The table with its unpartitioned rows loaded at <paramref name="at"/>.</summary>
    public static InternalTable WithRows(InternalTable table, long at)
    {
        var rows = Rows(table, "all");
        return table with { RowCount = rows, StorageSize = rows * BytesPerRow, LastModified = at };
    }

    /// <summary>The table with <paramref name="values"/> gone (<c>InternalTableLoadingService.dropPartitions</c>).</summary>
    public static InternalTable WithoutPartitions(InternalTable table, IReadOnlyCollection<string> values, long now)
    {
        var kept = table.Partitions.Where(p => !values.Contains(p.Value)).ToArray();
        return table with { Partitions = kept, RowCount = kept.Sum(p => p.Rows), StorageSize = kept.Sum(p => p.SizeInBytes), LastModified = now };
    }

    /// <summary>A partition value for <paramref name="day"/> in the table's Java date format (yyyy, MM, dd, HH, mm, ss).</summary>
    public static string Format(long day, string? javaFormat) =>
        DateTimeOffset.FromUnixTimeMilliseconds(day).UtcDateTime.ToString(JavaToDotNet(javaFormat ?? "yyyy-MM-dd"), CultureInfo.InvariantCulture);

    private static long DayOf(long ms) => ms - (((ms % Day) + Day) % Day);

    private static long Rows(InternalTable table, string part) => MinRows + (StableHash.Of(table.Identity + "/" + part) % RowSpread);

    // SimpleDateFormat's letters the mock's formats use mean the same in .NET but for quoting; other text is kept literally.
    private static string JavaToDotNet(string format)
    {
        var result = new System.Text.StringBuilder();
        foreach (var c in format)
        {
            result.Append(c is 'y' or 'M' or 'd' or 'H' or 'm' or 's' ? c : "\\" + c);
        }

        return result.ToString();
    }

    // Projects ignore case (Kylin's project names), identities do not.
    private sealed class Key : IEqualityComparer<(string Project, string Identity)>
    {
        public bool Equals((string Project, string Identity) x, (string Project, string Identity) y) =>
            string.Equals(x.Project, y.Project, StringComparison.OrdinalIgnoreCase) && string.Equals(x.Identity, y.Identity, StringComparison.Ordinal);

        public int GetHashCode((string Project, string Identity) obj) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Project), StringComparer.Ordinal.GetHashCode(obj.Identity));
    }
}
