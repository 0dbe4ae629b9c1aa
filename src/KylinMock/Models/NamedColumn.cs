namespace KylinMock.Models;

/// <summary>A column of a model (<c>NDataModel.NamedColumn</c>): every model column, dimensions among them.</summary>
/// <param name="Id">The column id (0, 1, ...).</param>
/// <param name="Name">The column's name in the model (by default <c>ALIAS_COLUMN</c>).</param>
/// <param name="Column">The column, <c>ALIAS.COLUMN</c>.</param>
/// <param name="IsDimension">True for a dimension (<c>status</c> DIMENSION), false for a plain column (EXIST).</param>
public sealed record NamedColumn(int Id, string Name, string Column, bool IsDimension);

/// <summary>A parameter of a measure's function (<c>ParameterDesc</c>).</summary>
/// <param name="Type"><c>column</c> or <c>constant</c>.</param>
/// <param name="Value">The column (<c>ALIAS.COLUMN</c>) or the constant.</param>
public sealed record ParameterDesc(string Type, string Value);

/// <summary>A measure of a model (<c>NDataModel.Measure</c>).</summary>
/// <param name="Id">The measure id (100000, 100001, ...).</param>
/// <param name="Name">The measure name.</param>
/// <param name="Expression">The function: COUNT, SUM, MAX, MIN, COUNT_DISTINCT...</param>
/// <param name="Parameters">The function's parameters.</param>
/// <param name="ReturnType">The function's return type, for example <c>bigint</c>.</param>
public sealed record Measure(int Id, string Name, string Expression, IReadOnlyList<ParameterDesc> Parameters, string ReturnType);

/// <summary>How a model is partitioned by time (<c>PartitionDesc</c>); a model without one is built in full.</summary>
/// <param name="PartitionDateColumn">The partition column, <c>ALIAS.COLUMN</c>.</param>
/// <param name="PartitionDateFormat">Its format, for example <c>yyyy-MM-dd</c>.</param>
public sealed record PartitionDesc(string PartitionDateColumn, string PartitionDateFormat);
