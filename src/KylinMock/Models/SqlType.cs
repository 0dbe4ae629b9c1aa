using System.Globalization;

namespace KylinMock.Models;

/// <summary>A Kylin datatype as Calcite shows it in tables_and_columns: the JDBC type, its name and sizes.</summary>
/// <param name="JdbcType">The <c>java.sql.Types</c> ordinal (<c>data_TYPE</c>).</param>
/// <param name="TypeName">Calcite's SqlTypeName (<c>type_NAME</c>), without precision.</param>
/// <param name="ColumnSize">The precision for TIMESTAMP/DECIMAL/VARCHAR/CHAR, else -1.</param>
/// <param name="DecimalDigits">The scale for DECIMAL, else 0.</param>
internal sealed record SqlType(int JdbcType, string TypeName, int ColumnSize, int DecimalDigits)
{
    /// <summary>Maps <c>varchar(256)</c>, <c>decimal(19,4)</c>, <c>bigint</c>... (Kylin's datatype text); unknown ones read as VARCHAR.</summary>
    public static SqlType Of(string datatype)
    {
        ArgumentNullException.ThrowIfNull(datatype);
        var open = datatype.IndexOf('(');
        var name = (open < 0 ? datatype : datatype[..open]).Trim().ToLowerInvariant();
        var args = open < 0 ? [] : datatype[(open + 1)..].TrimEnd(')').Split(',').Select(a => int.TryParse(a.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : 0).ToArray();
        int Arg(int i, int fallback) => args.Length > i ? args[i] : fallback;
        return name switch
        {
            "bigint" or "long" => new SqlType(-5, "BIGINT", -1, 0),
            "int" or "integer" => new SqlType(4, "INTEGER", -1, 0),
            "smallint" => new SqlType(5, "SMALLINT", -1, 0),
            "tinyint" => new SqlType(-6, "TINYINT", -1, 0),
            "double" => new SqlType(8, "DOUBLE", -1, 0),
            "float" => new SqlType(6, "FLOAT", -1, 0),
            "boolean" => new SqlType(16, "BOOLEAN", -1, 0),
            "date" => new SqlType(91, "DATE", -1, 0),
            "timestamp" or "datetime" => new SqlType(93, "TIMESTAMP", Arg(0, 3), 0),
            "decimal" or "numeric" => new SqlType(3, "DECIMAL", Arg(0, 19), Arg(1, 4)),
            "char" => new SqlType(1, "CHAR", Arg(0, 1), 0),
            "string" => new SqlType(12, "VARCHAR", 4096, 0),
            _ => new SqlType(12, "VARCHAR", Arg(0, 256), 0),
        };
    }
}
