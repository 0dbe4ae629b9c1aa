namespace KylinMock.Models;

/// <summary>How a model's <c>ALIAS.COLUMN</c> names resolve to the project's tables and their columns.</summary>
internal static class ModelTables
{
    /// <summary>The table (<c>DB.TABLE</c>) behind an alias of the model: the fact table or a lookup.</summary>
    public static string TableOf(DataModel model, string column)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(column);
        var alias = column[..Math.Max(0, column.IndexOf('.'))];
        return model.Lookups.FirstOrDefault(l => l.Alias == alias)?.Table ?? model.FactTable;
    }

    /// <summary>The datatype of a model column from the project's <paramref name="tables"/>; <c>varchar(256)</c> when the table does not list it.</summary>
    public static string Datatype(DataModel model, IReadOnlyList<TableDesc> tables, string column)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var table = TableOf(model, column);
        var name = column[(column.IndexOf('.') + 1)..];
        return tables.FirstOrDefault(t => string.Equals(t.Identity, table, StringComparison.OrdinalIgnoreCase))?.Columns
            .FirstOrDefault(c => c.Name == name)?.Datatype ?? "varchar(256)";
    }

    /// <summary>The tables a model reads: its fact table, then its lookups.</summary>
    public static IEnumerable<string> Tables(DataModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        yield return model.FactTable;
        foreach (var lookup in model.Lookups)
        {
            yield return lookup.Table;
        }
    }
}
