namespace KylinMock.Models;

/// <summary>A lookup table of a model and its join to the fact table or another lookup (Kylin's <c>JoinTableDesc</c>).</summary>
/// <param name="Table">The lookup table, <c>DB.TABLE</c>.</param>
/// <param name="Alias">Its alias in the model.</param>
/// <param name="JoinType"><c>LEFT</c> or <c>INNER</c>.</param>
/// <param name="PrimaryKey">The lookup's key columns, <c>ALIAS.COLUMN</c>.</param>
/// <param name="ForeignKey">The joined side's columns, <c>ALIAS.COLUMN</c>, one per key column.</param>
public sealed record JoinTableDesc(string Table, string Alias, string JoinType, IReadOnlyList<string> PrimaryKey, IReadOnlyList<string> ForeignKey);
