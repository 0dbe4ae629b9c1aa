using KylinMock.Jobs;
using KylinMock.Models;

namespace KylinMock.Fixtures;

/// <summary>
/// A generated estate's internal tables (Kylin 5.0.x): each project's first two loaded tables, drawn without the
/// random stream so the rest of the estate does not move: the first partitioned by its <c>PART_DT</c> date with a
/// week of daily partitions before the reference day, the second unpartitioned with its rows loaded.
/// </summary>
internal static class InternalTableDrafts
{
    private const long Day = 86_400_000;

    /// <summary>How many of the project's tables are internal.</summary>
    public static int PerProject(Project project) => Math.Min(2, project.Tables.Count);

    /// <summary>Every project's internal tables, as of <paramref name="referenceMs"/>.</summary>
    public static IReadOnlyList<InternalTable> Of(IReadOnlyList<Project> projects, IReadOnlyList<TableDesc> tables, long referenceMs)
    {
        var made = new List<InternalTable>();
        var today = referenceMs - (referenceMs % Day);
        foreach (var project in projects)
        {
            for (var i = 0; i < PerProject(project); i++)
            {
                var source = tables.First(t => t.Project == project.Name && t.Identity == project.Tables[i]);
                var table = new InternalTable(project.Name, source.Database, source.Name)
                {
                    Uuid = StableHash.Uuid("internal-table:" + project.Name + "/" + source.Identity),
                    PartitionColumns = i == 0 ? ["PART_DT"] : [],
                    DatePartitionFormat = i == 0 ? "yyyy-MM-dd" : null,
                    LastModified = today - Day,
                };
                made.Add(i == 0 ? InternalTableBook.WithDays(table, today - (7 * Day), today, today - Day) : InternalTableBook.WithRows(table, today - Day));
            }
        }

        return made;
    }
}
