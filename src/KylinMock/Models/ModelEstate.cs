namespace KylinMock.Models;

/// <summary>The models side of an estate: tables loaded into projects, models and their segments.</summary>
/// <param name="Tables">Every project's loaded tables.</param>
/// <param name="Models">The models, in the order Kylin stores them.</param>
/// <param name="Segments">Every model's segments, in range order per model.</param>
internal sealed record ModelEstate(IReadOnlyList<TableDesc> Tables, IReadOnlyList<DataModel> Models, IReadOnlyList<Segment> Segments)
{
    /// <summary>An estate with no tables, models or segments.</summary>
    public static ModelEstate Empty { get; } = new([], [], []);

    /// <summary>
    /// Rows a fixture states for its tables (project, then <c>DB.TABLE</c>, each row its cells as Kylin's query results
    /// show them); the SQL engine generates rows only for the tables not named here.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<string?>>>> Rows { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<string?>>>>();
}
