namespace KylinMock.Models;

/// <summary>A column of a loaded table (Kylin's <c>ColumnDesc</c>).</summary>
/// <param name="Name">The column name, upper case.</param>
/// <param name="Datatype">Kylin's datatype text: <c>bigint</c>, <c>varchar(256)</c>, <c>decimal(19,4)</c>, <c>date</c>...</param>
public sealed record ColumnDesc(string Name, string Datatype);

/// <summary>A table loaded into a project (Kylin's <c>TableDesc</c>): <c>DATABASE.NAME</c> with its columns.</summary>
/// <param name="Project">The project it is loaded into.</param>
/// <param name="Database">The database, upper case.</param>
/// <param name="Name">The table name, upper case.</param>
/// <param name="Columns">The columns, in table order.</param>
public sealed record TableDesc(string Project, string Database, string Name, IReadOnlyList<ColumnDesc> Columns)
{
    /// <summary><c>DATABASE.NAME</c>, as Kylin identifies a table.</summary>
    public string Identity => Database + "." + Name;
}
