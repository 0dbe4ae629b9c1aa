using System.Globalization;
using KylinMock.Errors;

namespace KylinMock.Models;

/// <summary>One table's snapshot option (<c>SnapshotRequest.TableOption</c>).</summary>
/// <param name="PartitionColumn"><c>partition_col</c>, or null.</param>
/// <param name="IncrementalBuild"><c>incremental_build</c> (false by default).</param>
/// <param name="PartitionsToBuild"><c>partitions_to_build</c>, or null when absent.</param>
internal sealed record SnapshotTableOption(string? PartitionColumn, bool IncrementalBuild, IReadOnlyList<string>? PartitionsToBuild);

/// <summary>
/// What SnapshotService does with a request's <c>options</c> (keyed by table identity, as sent): checkOptions refuses a
/// partition column the table lacks, invalidSnapshotsToBuild an empty <c>partitions_to_build</c>, and decideBuildOption plus
/// ExecutableResponse.getDataRangeBySnapshotJob give the job's <c>snapshot_data_range</c>.
/// </summary>
internal static class SnapshotOptions
{
    /// <summary>
    /// checkOptions: a <c>partition_col</c> that is no column of its table (TableDesc.findColumnByName: the part after the
    /// last dot, ignoring case) is an IllegalArgumentException, which BaseController.handleInvalidRequestParam answers 400
    /// KE-010000003. Then invalidSnapshotsToBuild: <c>partitions_to_build</c> given empty is KE-010000003 (500).
    /// </summary>
    public static void Check(IReadOnlyList<TableDesc> tables, IReadOnlyDictionary<string, SnapshotTableOption> options)
    {
        foreach (var table in tables)
        {
            if (options.TryGetValue(table.Identity, out var option) && !string.IsNullOrEmpty(option.PartitionColumn))
            {
                var name = option.PartitionColumn[(option.PartitionColumn.LastIndexOf('.') + 1)..];
                if (!table.Columns.Any(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)))
                {
                    throw KylinException.WithRaw(ErrorCode.InvalidParameter,
                        string.Format(CultureInfo.InvariantCulture, "table {0} col {1} not exist", table.Identity, option.PartitionColumn)).WithStatus(400);
                }
            }
        }

        var empty = options.Where(o => o.Value.PartitionsToBuild is { Count: 0 }).Select(o => o.Key).ToArray();
        if (empty.Length > 0)
        {
            throw KylinException.WithRaw(ErrorCode.InvalidParameter,
                "Please select at least one partition for the following snapshots when conducting custom partition value refresh: [" + string.Join(", ", empty) + "]");
        }
    }

    /// <summary>
    /// decideBuildOption then getDataRangeBySnapshotJob: no partition column is "FULL"; partitions to build are their sorted
    /// JSON list; otherwise "INC" when incremental, which decideBuildOption keeps only while the chosen column is the
    /// table's snapshot partition column (none in the mock: it serves no partition-column configuration), else "FULL".
    /// </summary>
    public static string DataRange(SnapshotTableOption? option)
    {
        var column = string.IsNullOrEmpty(option?.PartitionColumn) ? null : option.PartitionColumn;
        if (column is null)
        {
            return "FULL";
        }

        if (option!.PartitionsToBuild is { } partitions)
        {
            return Newtonsoft.Json.JsonConvert.SerializeObject(partitions.OrderBy(p => p, StringComparer.Ordinal).ToArray());
        }

        // decideBuildOption: the table's snapshot partition column is null, so a chosen column turns incremental off.
        return "FULL";
    }
}
