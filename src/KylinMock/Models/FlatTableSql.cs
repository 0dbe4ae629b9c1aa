using System.Text;

namespace KylinMock.Models;

/// <summary>
/// A model's flat-table SQL as <c>PushDownUtil.generateFlatTableSql(model, singleLine: false)</c> writes it
/// (src/query-common/.../query/util/PushDownUtil.java): every effective column in id order, the fact table,
/// one join per lookup, <c>WHERE 1 = 1</c>. EscapeTransformer is taken to leave such plain SQL unchanged.
/// </summary>
internal static class FlatTableSql
{
    /// <summary>The SQL of <paramref name="model"/>.</summary>
    public static string Of(DataModel model)
    {
        var sql = new StringBuilder("SELECT \n");
        var columns = model.Columns.OrderBy(c => c.Id).ToArray();
        if (columns.Length == 0)
        {
            sql.Append("1 \n");
        }

        sql.AppendJoin(", ", columns.Select(c =>
        {
            var (alias, name) = Split(c.Column);
            return $"{Quoted(c.Column)} as \"{alias}_{name}\"\n";
        }));
        sql.Append("FROM ").Append(Quoted(model.FactTable)).Append(" as \"").Append(model.FactAlias).Append("\"\n");
        foreach (var lookup in model.Lookups.DistinctBy(l => l.Alias).Where(l => l.JoinType.Length > 0))
        {
            sql.Append(lookup.JoinType.ToUpperInvariant()).Append(" JOIN ").Append(Quoted(lookup.Table))
                .Append(" as \"").Append(lookup.Alias).Append("\"\nON ")
                .AppendJoin(" AND ", lookup.ForeignKey.Zip(lookup.PrimaryKey, (fk, pk) => Quoted(fk) + " = " + Quoted(pk)))
                .Append('\n');
        }

        return sql.Append("WHERE \n1 = 1\n").ToString();
    }

    private static (string Left, string Right) Split(string dotted)
    {
        var dot = dotted.IndexOf('.');
        return (dotted[..dot], dotted[(dot + 1)..]);
    }

    // StringHelper.doubleQuote on each part of "A.B".
    private static string Quoted(string dotted)
    {
        var (left, right) = Split(dotted);
        return $"\"{left}\".\"{right}\"";
    }
}
