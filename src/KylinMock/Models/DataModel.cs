namespace KylinMock.Models;

/// <summary>
/// A Kylin model (<c>NDataModel</c> with what its dataflow and index plan add): its tables and joins,
/// columns and measures, how it is partitioned, and the stored status Kylin's display derives from.
/// </summary>
public sealed record DataModel
{
    /// <summary>The model id (<c>uuid</c>), also its jobs' <c>target_model</c>.</summary>
    public required string Uuid { get; init; }

    /// <summary>The model name (<c>alias</c>).</summary>
    public required string Alias { get; init; }

    /// <summary>The project, in its stored case.</summary>
    public required string Project { get; init; }

    /// <summary>Who owns the model.</summary>
    public string Owner { get; init; } = "ADMIN";

    /// <summary>The description (Kylin writes "" when none).</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>The fact table, <c>DB.TABLE</c>; its alias in the model is the table name.</summary>
    public required string FactTable { get; init; }

    /// <summary>The lookup tables and their joins.</summary>
    public IReadOnlyList<JoinTableDesc> Lookups { get; init; } = [];

    /// <summary>Every model column; those with <see cref="NamedColumn.IsDimension"/> are its dimensions.</summary>
    public IReadOnlyList<NamedColumn> Columns { get; init; } = [];

    /// <summary>The measures.</summary>
    public IReadOnlyList<Measure> Measures { get; init; } = [];

    /// <summary>The time partition, or null for a model built in full (one FULL_BUILD segment).</summary>
    public PartitionDesc? PartitionDesc { get; init; }

    /// <summary>True for a multi-level partitioned model.</summary>
    public bool MultiPartition { get; init; }

    /// <summary>True when the model's metadata is broken (shown BROKEN).</summary>
    public bool Broken { get; init; }

    /// <summary>The dataflow's stored status: <see cref="ModelStatus.ONLINE"/> or <see cref="ModelStatus.OFFLINE"/>.</summary>
    public ModelStatus StoredStatus { get; init; } = ModelStatus.OFFLINE;

    /// <summary>How many indexes (layouts) the index plan has.</summary>
    public int TotalIndexes { get; init; }

    /// <summary>Creation time, epoch ms.</summary>
    public long CreateTime { get; init; }

    /// <summary>Last change, epoch ms.</summary>
    public long LastModified { get; init; }

    /// <summary>The metadata version string.</summary>
    public string Version { get; init; } = "4.0.0.0";

    /// <summary>How often the model answered queries (<c>usage</c>).</summary>
    public long Usage { get; init; }

    /// <summary>The fact table's alias: its table name.</summary>
    public string FactAlias => FactTable[(FactTable.IndexOf('.') + 1)..];
}
