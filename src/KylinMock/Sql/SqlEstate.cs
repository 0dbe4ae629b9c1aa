using KylinMock.Models;

namespace KylinMock.Sql;

/// <summary>
/// What a query of one project may see, copied from the server's state under its lock at one instant:
/// the project's tables, its models and their segments, and its query settings. Immutable.
/// </summary>
/// <param name="Project">The project, in its stored case.</param>
/// <param name="Tables">The tables loaded into the project.</param>
/// <param name="Models">The project's models.</param>
/// <param name="Segments">Each model's segments (by model uuid), in range order.</param>
public sealed record SqlEstate(string Project, IReadOnlyList<TableDesc> Tables, IReadOnlyList<DataModel> Models, IReadOnlyDictionary<string, IReadOnlyList<Segment>> Segments)
{
    /// <summary>
    /// Rows the estate states for some of its tables (a fixture's), by <c>DB.TABLE</c> ignoring case; the engine generates
    /// rows for the others.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<string?>>> Rows { get; init; } = new Dictionary<string, IReadOnlyList<IReadOnlyList<string?>>>();

    /// <summary>The project's <c>kylin.query.pushdown-enabled</c> (true by default in Kylin 5).</summary>
    public bool PushDownEnabled { get; init; } = true;

    /// <summary>The project's default database, where schema-less table names resolve.</summary>
    public string DefaultDatabase { get; init; } = "DEFAULT";

    /// <summary>The server's clock, epoch ms (CURRENT_DATE and CURRENT_TIMESTAMP read it).</summary>
    public long Now { get; init; }

    /// <summary>The server time zone's offset from UTC, in ms.</summary>
    public long TimeZoneOffsetMs { get; init; }
}
