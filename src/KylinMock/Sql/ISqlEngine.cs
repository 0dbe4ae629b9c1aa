namespace KylinMock.Sql;

/// <summary>
/// What answers <c>POST /kylin/api/query</c>: a SQL engine over the estate's rows. The core package has none
/// (a query then fails as on a Kylin whose query engine is down, naming the package to add); the
/// <c>KylinMock.Sql</c> package's <c>DuckDbSqlEngine</c> is one. Set it as <see cref="KylinMockOptions.SqlEngine"/>.
/// </summary>
public interface ISqlEngine
{
    /// <summary>Opens the database of one server (each server has its own; the server disposes it when it stops).</summary>
    /// <param name="seed">The server's seed: the rows the database generates are drawn from it.</param>
    ISqlDatabase Open(int seed);
}

/// <summary>
/// One server's SQL database: the estate's rows (generated on first use, or replaced by a test) and Kylin's
/// query path over them. Called outside the server's lock, with an <see cref="SqlEstate"/> taken under it.
/// </summary>
public interface ISqlDatabase : IDisposable
{
    /// <summary>
    /// Runs one SELECT as Kylin's query engine would (Kylin's dialect, routing over the snapshot's models and
    /// queryable segments, push-down). A query that fails is an answer with <see cref="SqlAnswer.ExceptionMessage"/>, never an exception.
    /// </summary>
    /// <param name="query">The statement and the estate it runs against.</param>
    /// <param name="cancellation">Stops the query (<c>DELETE /kylin/api/query/{stopId}</c>).</param>
    SqlAnswer Query(SqlQuery query, CancellationToken cancellation);

    /// <summary>Forgets every row; the next query generates them again from the seed.</summary>
    void Reset();

    /// <summary>Replaces the rows of one of the estate's tables with <paramref name="rows"/> (cells as text, in column order; null is NULL).</summary>
    /// <param name="estate">The project's estate.</param>
    /// <param name="table">The table, <c>DB.TABLE</c>.</param>
    /// <param name="rows">The rows.</param>
    /// <exception cref="ArgumentException">A row has the wrong number of cells, or a cell does not read as its column's type.</exception>
    void ReplaceRows(SqlEstate estate, string table, IReadOnlyList<IReadOnlyList<string?>> rows);

    /// <summary>The rows of one of the estate's tables, cells as Kylin encodes them in query results, in column order.</summary>
    /// <param name="estate">The project's estate.</param>
    /// <param name="table">The table, <c>DB.TABLE</c>.</param>
    IReadOnlyList<IReadOnlyList<string?>> Rows(SqlEstate estate, string table);
}
