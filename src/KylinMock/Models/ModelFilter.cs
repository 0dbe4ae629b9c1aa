namespace KylinMock.Models;

/// <summary>The parameters of GET /kylin/api/models (OpenModelController.getModels) after binding.</summary>
internal sealed record ModelFilter
{
    /// <summary><c>model_id</c>: exact uuid, or null.</summary>
    public string? ModelId { get; init; }

    /// <summary><c>model_name</c>, or null.</summary>
    public string? ModelName { get; init; }

    /// <summary><c>exact</c> (default true): names compare equal ignoring case; false: contain, ignoring case.</summary>
    public bool Exact { get; init; } = true;

    /// <summary><c>owner</c>, or null.</summary>
    public string? Owner { get; init; }

    /// <summary><c>model_alias_or_owner</c>, or null.</summary>
    public string? ModelAliasOrOwner { get; init; }

    /// <summary><c>status</c>: the shown statuses kept (empty keeps all).</summary>
    public IReadOnlySet<ModelStatus> Statuses { get; init; } = new HashSet<ModelStatus>();

    /// <summary><c>last_modify_from</c> (inclusive), or null.</summary>
    public long? LastModifyFrom { get; init; }

    /// <summary><c>last_modify_to</c> (exclusive), or null.</summary>
    public long? LastModifyTo { get; init; }

    /// <summary><c>sort_by</c>: usage, storage, expansionrate, or anything else for last_modify.</summary>
    public string SortBy { get; init; } = "last_modify";

    /// <summary><c>reverse</c> (default true): descending.</summary>
    public bool Reverse { get; init; } = true;

    /// <summary><c>page_offset</c>, a page index.</summary>
    public int PageOffset { get; init; }

    /// <summary><c>page_size</c>.</summary>
    public int PageSize { get; init; } = 10;
}
