namespace KylinMock.Sql;

/// <summary>One executed query as query history keeps it (MD <c>QueryHistory</c>).</summary>
internal sealed record QueryRecord
{
    /// <summary>The row id.</summary>
    public required long Id { get; init; }

    /// <summary>The query id.</summary>
    public required string QueryId { get; init; }

    /// <summary>The full text: comments and the appended LIMIT included.</summary>
    public required string SqlText { get; init; }

    /// <summary>The statement that ran (<c>sql_pattern</c>).</summary>
    public required string SqlPattern { get; init; }

    /// <summary>When it started, epoch ms.</summary>
    public required long QueryTime { get; init; }

    /// <summary>How long it took, ms.</summary>
    public long Duration { get; init; }

    /// <summary>The server, <c>host:port</c>.</summary>
    public required string Server { get; init; }

    /// <summary>The user.</summary>
    public required string Submitter { get; init; }

    /// <summary>The project, in its stored case.</summary>
    public required string Project { get; init; }

    /// <summary>The engine's answer.</summary>
    public required SqlAnswer Answer { get; init; }

    /// <summary><c>SUCCEEDED</c> or <c>FAILED</c>.</summary>
    public string Status => Answer.ExceptionMessage is null ? "SUCCEEDED" : "FAILED";

    /// <summary>Answered by a model's index (not push-down, not constants, not failed).</summary>
    public bool IndexHit => Answer.ExceptionMessage is null && Answer.EngineType == SqlEngineType.NATIVE;

    /// <summary>History's <c>error_type</c>, or null.</summary>
    public string? ErrorType => Answer.ErrorType switch
    {
        SqlErrorType.NoRealizationFound => "No realization found",
        SqlErrorType.SyntaxError => "Syntax error",
        SqlErrorType.NotSupported => "Not Supported By OLAP SQL",
        SqlErrorType.Other => "Other error",
        _ => null,
    };
}

/// <summary>A saved query (<c>query-service/…/rest/model/Query.java</c>).</summary>
/// <param name="Name">Its name.</param>
/// <param name="Project">The project.</param>
/// <param name="Sql">The SQL.</param>
/// <param name="Description">The description.</param>
/// <param name="Creator">Who saved it.</param>
internal sealed record SavedQuery(string Name, string Project, string Sql, string Description, string Creator)
{
    /// <summary>Kylin's id: <c>String.valueOf(hashCode())</c> over description, name, project, sql (31-multiplier).</summary>
    public string Id
    {
        get
        {
            var hash = 1;
            foreach (var part in new[] { Description, Name, Project, Sql })
            {
                hash = unchecked((31 * hash) + JavaHash(part));
            }

            return hash.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    private static int JavaHash(string? text) => text is null ? 0 : Models.JavaHashOrder.HashCode(text);
}
