namespace KylinMock.Models;

/// <summary>A model as GET /models lists it: the model, its segments and what is derived from them.</summary>
/// <param name="Model">The model.</param>
/// <param name="Segments">Its segments, in range order.</param>
/// <param name="Status">Its shown status.</param>
internal sealed record ModelRow(DataModel Model, IReadOnlyList<Segment> Segments, ModelStatus Status)
{
    /// <summary><c>storage</c>: bytes over all segments.</summary>
    public long Storage => Segments.Sum(s => s.BytesSize);

    /// <summary><c>source</c>: source bytes over all segments.</summary>
    public long Source => Segments.Sum(s => s.SourceBytesSize);
}

/// <summary>The filters, order and paging of GET /kylin/api/models (ModelService.getModels, ModelQueryService).</summary>
internal static class ModelQuery
{
    /// <summary>The page of <paramref name="rows"/> (a project's models in storage order) that <paramref name="filter"/> selects, and how many matched.</summary>
    public static (IReadOnlyList<ModelRow> Page, int TotalSize) Apply(IReadOnlyList<ModelRow> rows, ModelFilter filter)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(filter);
        var kept = rows.Where(r => Matches(r, filter)).ToList();
        Func<ModelRow, decimal> key = filter.SortBy.ToLowerInvariant() switch
        {
            "usage" => r => r.Model.Usage,
            "storage" => r => r.Storage,
            "expansionrate" => r => r.Source == 0 ? (r.Storage == 0 ? 0 : -1) : r.Storage * 100m / r.Source,
            _ => r => r.Model.LastModified,
        };

        // A stable sort: ties keep storage order, as Java's list sort does.
        var sorted = filter.Reverse ? kept.OrderByDescending(key).ToList() : kept.OrderBy(key).ToList();
        return (PagingUtil.CutPage(sorted, filter.PageOffset, filter.PageSize), sorted.Count);
    }

    private static bool Matches(ModelRow row, ModelFilter filter)
    {
        var model = row.Model;
        return (filter.ModelId is null || model.Uuid == filter.ModelId)
            && NameMatches(model.Alias, filter.ModelName, filter.Exact)
            && NameMatches(model.Owner, filter.Owner, filter.Exact)
            && (string.IsNullOrEmpty(filter.ModelAliasOrOwner)
                || NameMatches(model.Alias, filter.ModelAliasOrOwner, filter.Exact)
                || NameMatches(model.Owner, filter.ModelAliasOrOwner, filter.Exact))
            && (filter.Statuses.Count == 0 || filter.Statuses.Contains(row.Status))
            && (filter.LastModifyFrom is not { } from || model.LastModified >= from)
            && (filter.LastModifyTo is not { } to || model.LastModified < to);
    }

    private static bool NameMatches(string value, string? wanted, bool exact) =>
        string.IsNullOrEmpty(wanted)
        || (exact ? string.Equals(value, wanted, StringComparison.OrdinalIgnoreCase) : value.Contains(wanted, StringComparison.OrdinalIgnoreCase));
}
