using KylinMock.Models;
using Newtonsoft.Json;

namespace KylinMock.Answers;

/// <summary>A table as GET /kylin/api/query/tables_and_columns answers it (TableMetaWithType; keys from JDBC-style getters).</summary>
internal static class TableJson
{
    /// <summary>Writes the tables as one array, each with its shown columns and roles.</summary>
    public static void WriteAll(JsonWriter w, IEnumerable<TableMeta> tables)
    {
        w.WriteStartArray();
        foreach (var t in tables)
        {
            Write(w, t.Table, t.Columns, t.Roles, c => t.Keys.TryGetValue(c, out var k) ? k : []);
        }

        w.WriteEndArray();
    }

    /// <summary>Writes one table; <paramref name="columns"/> are those shown, <paramref name="roles"/> its FACT/LOOKUP roles, <paramref name="keys"/> the PK/FK roles by column name.</summary>
    public static void Write(JsonWriter w, TableDesc table, IEnumerable<(ColumnDesc Column, int Position)> columns, IEnumerable<string> roles, Func<string, IEnumerable<string>> keys)
    {
        w.WriteStartObject();
        w.Property("table_CAT", "defaultCatalog");
        w.Property("table_SCHEM", table.Database);
        w.Property("table_NAME", table.Name);
        w.Property("table_TYPE", "TABLE");
        foreach (var name in new[] { "remarks", "type_CAT", "type_SCHEM", "type_NAME", "self_REFERENCING_COL_NAME", "ref_GENERATION" })
        {
            w.Null(name);
        }

        w.WritePropertyName("columns");
        w.WriteStartArray();
        foreach (var (column, position) in columns)
        {
            var type = SqlType.Of(column.Datatype);
            w.WriteStartObject();
            w.Property("table_CAT", "defaultCatalog");
            w.Property("table_SCHEM", table.Database);
            w.Property("table_NAME", table.Name);
            w.Property("column_NAME", column.Name);
            w.Property("data_TYPE", type.JdbcType);
            w.Property("type_NAME", type.TypeName);
            w.Property("column_SIZE", type.ColumnSize);
            w.Property("buffer_LENGTH", -1);
            w.Property("decimal_DIGITS", type.DecimalDigits);
            w.Property("num_PREC_RADIX", 10);
            w.Property("nullable", 1);
            w.Null("remarks");
            w.Null("column_DEF");
            w.Property("sql_DATA_TYPE", -1);
            w.Property("sql_DATETIME_SUB", -1);
            w.Property("char_OCTET_LENGTH", type.ColumnSize);
            w.Property("ordinal_POSITION", position);
            w.Property("is_NULLABLE", "YES");
            w.Null("scope_CATLOG");
            w.Null("scope_SCHEMA");
            w.Null("scope_TABLE");
            w.Property("source_DATA_TYPE", -1);
            w.Property("is_AUTOINCREMENT", string.Empty);
            w.Property("type", keys(column.Name));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.Property("type", roles);
        w.WriteEndObject();
    }
}
