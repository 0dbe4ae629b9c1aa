namespace KylinMock.Sql;

/// <summary>
/// KylinMock's SQL engine: DuckDB in process, one in-memory database per server. Set it as
/// <see cref="KylinMockOptions.SqlEngine"/>:
/// <code>
/// using var kylin = KylinMockServer.Start(new KylinMockOptions { SqlEngine = new DuckDbSqlEngine() });
/// </code>
/// Every table of the estate gets rows drawn from the server's seed on the first query of its project
/// (start-up and reset stay fast); the control plane can replace and export them.
/// </summary>
public sealed class DuckDbSqlEngine : ISqlEngine
{
    /// <summary>Rows of each table that is a model's fact table (1,000 by default; a million works).</summary>
    public long FactRows { get; init; } = 1_000;

    /// <summary>Rows of every other table (100 by default); foreign keys point inside them.</summary>
    public long LookupRows { get; init; } = 100;

    /// <inheritdoc />
    public ISqlDatabase Open(int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(FactRows);
        ArgumentOutOfRangeException.ThrowIfNegative(LookupRows);
        return new DuckDbDatabase(seed, FactRows, LookupRows);
    }
}
