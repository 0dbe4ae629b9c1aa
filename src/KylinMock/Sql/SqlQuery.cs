namespace KylinMock.Sql;

/// <summary>One SQL statement to run, as Kylin's query service hands it to the engine.</summary>
/// <param name="Sql">The statement: comments dropped, a trailing <c>;</c> removed, the request's LIMIT and OFFSET appended.</param>
/// <param name="Estate">The project's estate at the moment the query was received.</param>
public sealed record SqlQuery(string Sql, SqlEstate Estate)
{
    /// <summary>The request's <c>forced_to_index</c>: never push down.</summary>
    public bool ForcedToIndex { get; init; }

    /// <summary>The request's <c>forcedToPushDown</c>: skip the models, push down.</summary>
    public bool ForcedToPushDown { get; init; }

    /// <summary>Prestate: validate and describe the columns only (no rows).</summary>
    public bool PrepareOnly { get; init; }
}
