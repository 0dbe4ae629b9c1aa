using System.Globalization;

namespace KylinMock.Sql.Answers;

/// <summary>
/// A Kylin type as <c>columnMetas</c> shows it (MD <c>SelectedColumnMeta</c>, query-common <c>OLAPTable.createSqlType</c>):
/// Calcite's type name, the <c>java.sql.Types</c> ordinal, precision and scale, with Kylin's defaults
/// (<c>varchar</c>/<c>string</c> 4096, <c>char</c> 255, <c>decimal</c> (19,4)).
/// </summary>
/// <param name="Name">Calcite's SqlTypeName.</param>
/// <param name="Jdbc">The java.sql.Types ordinal.</param>
/// <param name="Precision">The precision.</param>
/// <param name="Scale">The scale.</param>
internal sealed record KylinType(string Name, int Jdbc, int Precision, int Scale)
{
    public static readonly KylinType BigInt = new("BIGINT", -5, 19, 0);
    public static readonly KylinType Integer = new("INTEGER", 4, 10, 0);
    public static readonly KylinType Double = new("DOUBLE", 8, 15, 0);
    public static readonly KylinType Boolean = new("BOOLEAN", 16, 1, 0);
    public static readonly KylinType Date = new("DATE", 91, 0, 0);
    public static readonly KylinType Timestamp = new("TIMESTAMP", 93, 0, 0);
    public static readonly KylinType Varchar = new("VARCHAR", 12, 4096, 0);

    /// <summary>Whether values are whole numbers.</summary>
    public bool IsInteger => Name is "TINYINT" or "SMALLINT" or "INTEGER" or "BIGINT";

    /// <summary>The type of a Kylin datatype text (<c>bigint</c>, <c>varchar(256)</c>, <c>decimal(19,4)</c>...).</summary>
    public static KylinType Of(string datatype)
    {
        var open = datatype.IndexOf('(');
        var name = (open < 0 ? datatype : datatype[..open]).Trim().ToLowerInvariant();
        var args = open < 0 ? [] : datatype[(open + 1)..].TrimEnd(')').Split(',').Select(a => int.TryParse(a.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : 0).ToArray();
        int Arg(int i, int fallback) => args.Length > i ? args[i] : fallback;
        return name switch
        {
            "tinyint" => new("TINYINT", -6, 3, 0),
            "smallint" => new("SMALLINT", 5, 5, 0),
            "int" or "integer" or "int4" => Integer,
            "bigint" or "long" or "long8" => BigInt,
            "float" => new("FLOAT", 6, 15, 0),
            "double" => Double,
            "real" => new("REAL", 7, 7, 0),
            "decimal" or "numeric" => new("DECIMAL", 3, Arg(0, 19), Arg(1, 4)),
            "char" => new("CHAR", 1, Arg(0, 255), 0),
            "boolean" => Boolean,
            "date" => Date,
            "timestamp" or "datetime" => Timestamp,
            _ => new("VARCHAR", 12, Arg(0, 4096), 0),
        };
    }

    /// <summary>The DuckDB type a column of this type is stored as.</summary>
    public string DuckDb => Name switch
    {
        "DECIMAL" => $"DECIMAL({Math.Clamp(Precision, 1, 38)},{Math.Clamp(Scale, 0, Math.Clamp(Precision, 1, 38))})",
        "FLOAT" => "DOUBLE",
        "REAL" => "FLOAT",
        "CHAR" => "VARCHAR",
        _ => Name,
    };

    /// <summary>Kylin's type of <c>SUM</c> over this type (QCOM <c>KylinRelDataTypeSystem</c>).</summary>
    public KylinType Sum() => Name switch
    {
        "TINYINT" or "SMALLINT" or "INTEGER" or "BIGINT" => BigInt,
        "DECIMAL" => this with { Precision = Math.Max(19, Precision) },
        _ => this,
    };

    /// <summary>Kylin's type of <c>AVG</c> over this type.</summary>
    public KylinType Avg() => Name == "DECIMAL" ? this with { Precision = Precision + 4, Scale = Scale + 4 } : Double;

    /// <summary>The type DuckDB reports for a result column Kylin's rules did not type (<c>GetDataTypeName</c>).</summary>
    public static KylinType FromDuckDb(string duckName, Type clr, object? sample)
    {
        var upper = duckName.ToUpperInvariant();
        return upper switch
        {
            "BIGINT" or "HUGEINT" or "UBIGINT" or "UINTEGER" => BigInt,
            "INTEGER" or "USMALLINT" => Integer,
            "SMALLINT" or "UTINYINT" => new("SMALLINT", 5, 5, 0),
            "TINYINT" => new("TINYINT", -6, 3, 0),
            "DOUBLE" or "FLOAT" => Double,
            "BOOLEAN" => Boolean,
            "DATE" => Date,
            "TIMESTAMP" or "TIMESTAMP WITH TIME ZONE" or "TIMESTAMPTZ" or "TIMESTAMP_MS" or "TIMESTAMP_NS" or "TIMESTAMP_S" => Timestamp,
            "DECIMAL" => new("DECIMAL", 3, 38, sample is decimal d ? d.Scale : clr == typeof(decimal) ? 4 : 0),
            _ => Varchar,
        };
    }
}
