namespace KylinMock.Sql;

/// <summary>Who answered a query (<c>SQLResponse.engineType</c>).</summary>
public enum SqlEngineType
{
    /// <summary>A model's index (<c>NATIVE</c>).</summary>
    NATIVE,

    /// <summary>Push-down to the source tables (<c>HIVE</c>).</summary>
    HIVE,

    /// <summary>No table at all, computed by Calcite (<c>CONSTANTS</c>).</summary>
    CONSTANTS,
}

/// <summary>Which kind of failure a failed query was, as query history's <c>error_type</c> names it.</summary>
public enum SqlErrorType
{
    /// <summary>No model can answer and push-down is off or not allowed (<c>No realization found</c>).</summary>
    NoRealizationFound,

    /// <summary>A parse or validation error (<c>Syntax error</c>).</summary>
    SyntaxError,

    /// <summary>A statement other than SELECT (<c>Not Supported By OLAP SQL</c>).</summary>
    NotSupported,

    /// <summary>Anything else (<c>Other error</c>).</summary>
    Other,
}

/// <summary>A column of the answer (<c>SelectedColumnMeta</c>): its label and Kylin's type, never the engine's own.</summary>
/// <param name="Label">The label (<c>EXPR$i</c> for an unaliased expression).</param>
/// <param name="TypeName">Calcite's type name without precision (<c>BIGINT</c>, <c>DECIMAL</c>); a push-down decimal keeps its <c>(p,s)</c>.</param>
/// <param name="JdbcType">The <c>java.sql.Types</c> ordinal.</param>
/// <param name="Precision">The precision (0 when none).</param>
/// <param name="Scale">The scale.</param>
/// <param name="Nullable">Whether the column may be null (<c>isNullable</c> 1).</param>
/// <param name="DisplaySize">The display size.</param>
public sealed record SqlColumn(string Label, string TypeName, int JdbcType, int Precision, int Scale, bool Nullable, int DisplaySize);

/// <summary>A model that answered (<c>NativeQueryRealization</c>).</summary>
/// <param name="ModelId">The model uuid.</param>
/// <param name="ModelAlias">The model alias.</param>
/// <param name="LayoutId">The layout (1 for the base agg index, 20000000001 for the base table index, -1 when no segment was left).</param>
/// <param name="IndexType"><c>Agg Index</c>, <c>Table Index</c>, or null when no segment was left.</param>
public sealed record SqlRealization(string ModelId, string ModelAlias, long LayoutId, string? IndexType);

/// <summary>What the engine answered: rows (cells as Kylin encodes them), or the failure's message.</summary>
public sealed record SqlAnswer
{
    /// <summary>The columns; empty for a failure.</summary>
    public IReadOnlyList<SqlColumn> Columns { get; init; } = [];

    /// <summary>The rows, each cell Kylin's text or null.</summary>
    public IReadOnlyList<IReadOnlyList<string?>> Rows { get; init; } = [];

    /// <summary>Who answered; null for a failure.</summary>
    public SqlEngineType? EngineType { get; init; }

    /// <summary>The realizations (empty for push-down and constants).</summary>
    public IReadOnlyList<SqlRealization> Realizations { get; init; } = [];

    /// <summary>The failure's message (<c>exceptionMessage</c>), or null.</summary>
    public string? ExceptionMessage { get; init; }

    /// <summary>The failure's kind, or null.</summary>
    public SqlErrorType? ErrorType { get; init; }

    /// <summary>Rows the answer scanned (<c>scanRows</c>, one entry per scan).</summary>
    public IReadOnlyList<long> ScanRows { get; init; } = [];

    /// <summary>Whether the query was stopped by <c>DELETE /kylin/api/query/{stopId}</c>.</summary>
    public bool StoppedByUser { get; init; }

    /// <summary>A failed answer.</summary>
    /// <param name="message">The message.</param>
    /// <param name="type">Its kind.</param>
    public static SqlAnswer Failed(string message, SqlErrorType type) => new() { ExceptionMessage = message, ErrorType = type };
}
