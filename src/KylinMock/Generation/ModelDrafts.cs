using Bogus;
using KylinMock.Models;

namespace KylinMock.Fixtures;

/// <summary>Draws a project's loaded tables and its models (fact table, lookups and joins, columns, measures, partitioning).</summary>
internal static class ModelDrafts
{
    private const long Day = 86_400_000;

    // Every generated table has these columns: a key, attributes, up to three foreign keys, the partition date and facts.
    private static readonly ColumnDesc[] Columns =
    [
        new("ID", "bigint"), new("NAME", "varchar(256)"), new("CATEGORY", "varchar(64)"),
        new("FK_1", "bigint"), new("FK_2", "bigint"), new("FK_3", "bigint"), new("PART_DT", "date"),
        new("AMOUNT", "decimal(19,4)"), new("QUANTITY", "integer"), new("PRICE", "double"), new("UPDATED_AT", "timestamp"),
    ];

    private static readonly string[] LookupDimensions = ["ID", "NAME", "CATEGORY"];

    /// <summary>The project's tables (<c>DB.TABLE</c> names) with the generated columns.</summary>
    public static TableDesc[] Tables(string project, IReadOnlyList<string> names)
    {
        var tables = new TableDesc[names.Count];
        for (var i = 0; i < tables.Length; i++)
        {
            var dot = names[i].IndexOf('.');
            tables[i] = new TableDesc(project, names[i][..dot], names[i][(dot + 1)..], Columns);
        }

        return tables;
    }

    /// <summary>Draws one model on the project's tables: 3 in 4 partitioned by day, 1 in 20 broken.</summary>
    public static DataModel Draw(Randomizer random, string project, string uuid, string alias, IReadOnlyList<string> tables, long referenceMs)
    {
        var factIndex = random.Number(0, tables.Count - 1);
        var fact = tables[factIndex];
        var factAlias = fact[(fact.IndexOf('.') + 1)..];
        var lookups = new List<JoinTableDesc>();
        var lookupCount = Math.Min(random.Number(0, 3), tables.Count - 1);
        for (var i = 0; i < lookupCount; i++)
        {
            var table = tables[(factIndex + 1 + i) % tables.Count];
            var alias2 = table[(table.IndexOf('.') + 1)..];
            lookups.Add(new JoinTableDesc(table, alias2, random.Number(0, 2) == 0 ? "INNER" : "LEFT", [alias2 + ".ID"], [factAlias + ".FK_" + (i + 1)]));
        }

        var named = new List<NamedColumn>();
        foreach (var column in Columns)
        {
            var dimension = column.Name is "ID" or "CATEGORY" or "PART_DT" || (column.Name.StartsWith("FK_", StringComparison.Ordinal) && column.Name[3] - '0' <= lookupCount);
            named.Add(new NamedColumn(named.Count, factAlias + "_" + column.Name, factAlias + "." + column.Name, dimension));
        }

        foreach (var lookup in lookups)
        {
            foreach (var column in LookupDimensions)
            {
                named.Add(new NamedColumn(named.Count, lookup.Alias + "_" + column, lookup.Alias + "." + column, true));
            }
        }

        var created = referenceMs - ((long)random.Number(30, 400) * Day) - random.Number(0, 86_399_999);
        return new DataModel
        {
            Uuid = uuid,
            Alias = alias,
            Project = project,
            Owner = random.Number(0, 4) == 0 ? "MODELER" : "ADMIN",
            FactTable = fact,
            Lookups = lookups,
            Columns = named,
            Measures =
            [
                new Measure(100000, "COUNT_ALL", "COUNT", [new ParameterDesc("constant", "1")], "bigint"),
                new Measure(100001, "SUM_AMOUNT", "SUM", [new ParameterDesc("column", factAlias + ".AMOUNT")], "decimal(29,4)"),
                new Measure(100002, "MAX_PRICE", "MAX", [new ParameterDesc("column", factAlias + ".PRICE")], "double"),
                new Measure(100003, "DISTINCT_NAME", "COUNT_DISTINCT", [new ParameterDesc("column", factAlias + ".NAME")], "bitmap"),
            ],
            PartitionDesc = random.Number(0, 3) == 0 ? null : new PartitionDesc(factAlias + ".PART_DT", "yyyy-MM-dd"),
            Broken = random.Number(0, 19) == 0,
            TotalIndexes = random.Number(1, 40),
            CreateTime = created,
            LastModified = created + random.Number(0, 29) * Day,
            Usage = random.Number(0, 5000),
        };
    }
}
