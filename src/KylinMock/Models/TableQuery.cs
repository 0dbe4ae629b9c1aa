namespace KylinMock.Models;

/// <summary>A table as tables_and_columns shows it: which columns, its FACT/LOOKUP roles, each column's PK/FK roles.</summary>
/// <param name="Table">The table.</param>
/// <param name="Columns">The columns shown, with their 1-based positions in the table.</param>
/// <param name="Roles">FACT and/or LOOKUP, from the models that use it.</param>
/// <param name="Keys">PK/FK roles per column name, from the models' joins.</param>
internal sealed record TableMeta(TableDesc Table, IReadOnlyList<(ColumnDesc Column, int Position)> Columns, IReadOnlyList<string> Roles, IReadOnlyDictionary<string, IReadOnlyList<string>> Keys);

/// <summary>GET /kylin/api/query/tables_and_columns (QueryService.getMetadataV2): the project's tables, or one model's.</summary>
internal static class TableQuery
{
    /// <summary>
    /// Every table of the project with all its columns; with <paramref name="cube"/> (a model alias, exact
    /// and case-sensitive) only that model's tables and the columns the model uses (none for an unknown alias).
    /// </summary>
    public static IReadOnlyList<TableMeta> Apply(IReadOnlyList<TableDesc> tables, IReadOnlyList<DataModel> models, string? cube)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(models);
        var only = string.IsNullOrEmpty(cube) ? null : models.FirstOrDefault(m => m.Alias == cube);
        if (!string.IsNullOrEmpty(cube) && only is null)
        {
            return [];
        }

        var result = new List<TableMeta>();
        foreach (var table in tables)
        {
            var users = only is null ? models : [only];
            if (only is not null && !ModelTables.Tables(only).Any(t => Same(t, table.Identity)))
            {
                continue;
            }

            var roles = new List<string>();
            if (users.Any(m => Same(m.FactTable, table.Identity)))
            {
                roles.Add("FACT");
            }

            if (users.Any(m => m.Lookups.Any(l => Same(l.Table, table.Identity))))
            {
                roles.Add("LOOKUP");
            }

            var keys = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            var used = new HashSet<string>(StringComparer.Ordinal);
            foreach (var model in users)
            {
                foreach (var column in model.Columns.Where(c => Same(ModelTables.TableOf(model, c.Column), table.Identity)))
                {
                    used.Add(column.Column[(column.Column.IndexOf('.') + 1)..]);
                }

                foreach (var lookup in model.Lookups)
                {
                    foreach (var pk in lookup.PrimaryKey.Where(k => Same(ModelTables.TableOf(model, k), table.Identity)))
                    {
                        AddKey(keys, pk, "PK");
                    }

                    foreach (var fk in lookup.ForeignKey.Where(k => Same(ModelTables.TableOf(model, k), table.Identity)))
                    {
                        AddKey(keys, fk, "FK");
                    }
                }
            }

            var columns = table.Columns.Select((c, i) => (c, i + 1)).Where(p => only is null || used.Contains(p.c.Name)).ToArray();
            result.Add(new TableMeta(table, columns, roles, keys));
        }

        return result;
    }

    private static void AddKey(Dictionary<string, IReadOnlyList<string>> keys, string column, string role)
    {
        var name = column[(column.IndexOf('.') + 1)..];
        var roles = keys.TryGetValue(name, out var r) ? r.ToList() : [];
        if (!roles.Contains(role))
        {
            roles.Add(role);
        }

        keys[name] = roles;
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
