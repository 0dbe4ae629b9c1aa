using KylinMock.Models;

namespace KylinMock.Sql.Routing;

/// <summary>A table the query scans, resolved to the project's table.</summary>
/// <param name="Ref">How the query wrote it.</param>
/// <param name="Table">The table loaded into the project.</param>
internal sealed record ResolvedTable(TableRef Ref, TableDesc Table);

/// <summary>The model and layout chosen for a query, and the segments whose rows it may read.</summary>
/// <param name="Model">The model.</param>
/// <param name="LayoutId">1 (base agg index), 20000000001 (base table index) or -1 (no segment left).</param>
/// <param name="IndexType"><c>Agg Index</c>, <c>Table Index</c>, or null.</param>
/// <param name="Queryable">The READY and WARNING segments: native answers read only rows inside their ranges.</param>
internal sealed record ModelRoute(DataModel Model, long LayoutId, string? IndexType, IReadOnlyList<Segment> Queryable)
{
    /// <summary>The base agg index's layout id.</summary>
    public const long AggLayout = 1;

    /// <summary>The base table index's layout id.</summary>
    public const long TableLayout = 20_000_000_001;

    /// <summary>Whether the partition filter left no segment (the EMPTY answer).</summary>
    public bool Empty => LayoutId == -1;
}
