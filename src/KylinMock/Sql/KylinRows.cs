namespace KylinMock.Sql;

/// <summary>
/// The rows the SQL engine answers from, for an embedding test: state a table's rows, or read them to
/// compute the answer a query should give. Cells are text as Kylin's query results show them (null is NULL).
/// Needs <see cref="KylinMockOptions.SqlEngine"/>; <see cref="KylinMockServer.Reset"/> goes back to the generated rows.
/// </summary>
public sealed class KylinRows
{
    private readonly Backend.KylinBackend backend;

    internal KylinRows(Backend.KylinBackend backend) => this.backend = backend;

    /// <summary>Replaces the rows of <paramref name="table"/> (<c>DB.TABLE</c>) of <paramref name="project"/>.</summary>
    /// <exception cref="InvalidOperationException">The server has no SQL engine.</exception>
    /// <exception cref="ArgumentException">No such table, or a row does not fit its columns.</exception>
    public void Replace(string project, string table, IEnumerable<IReadOnlyList<string?>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        Database().ReplaceRows(Estate(project), table, rows.ToArray());
    }

    /// <summary>The rows of <paramref name="table"/> (<c>DB.TABLE</c>) of <paramref name="project"/>, generated on first use.</summary>
    /// <exception cref="InvalidOperationException">The server has no SQL engine.</exception>
    /// <exception cref="ArgumentException">No such table.</exception>
    public IReadOnlyList<IReadOnlyList<string?>> Read(string project, string table) => Database().Rows(Estate(project), table);

    private ISqlDatabase Database() => backend.Sql ?? throw new InvalidOperationException(QueryService.NoEngine);

    private SqlEstate Estate(string project)
    {
        ArgumentNullException.ThrowIfNull(project);
        try
        {
            return backend.QueryEstate(project);
        }
        catch (Errors.KylinException e)
        {
            throw new ArgumentException($"No project \"{project}\".", nameof(project), e);
        }
    }
}
