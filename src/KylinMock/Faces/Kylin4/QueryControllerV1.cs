using KylinMock.Http;
using KylinMock.Sql;

namespace KylinMock.Kylin4;

/// <summary>
/// Kylin 4's <c>POST /query</c> (QueryController.query → QueryService.doQueryWithCache, branch <c>kylin4</c>): the project and
/// SQL checked in Kylin 4's order (BadRequestException, 400), then the query over the same engine and estate as Kylin 5's
/// face, with push-down off as Kylin 4 ships (no <c>kylin.query.pushdown.runner-class-name</c>). A query that fails is not
/// an answer with <c>isException</c> as in Kylin 5: doQueryWithCache rethrows its message as an InternalErrorException, a 500.
/// </summary>
internal sealed class QueryControllerV1(ServerContext server)
{
    // SQLRequest as Jackson binds it: String fields take a scalar's text, Integer fields an integer or a string holding one.
    private static readonly BodyShape Shape = new("org.apache.kylin.rest.request.SQLRequest", "query",
        new("sql", BodyKind.String), new("project", BodyKind.String), new("limit", BodyKind.Int, "java.lang.Integer"), new("offset", BodyKind.Int, "java.lang.Integer"));

    /// <summary>The raw <c>SQLResponse</c>, or Kylin 4's error.</summary>
    public KylinAnswer Query(KylinRequest request, RequestContext context)
    {
        var body = Kylin4Binding.Body(request, Shape);
        var sql = body.String("sql");
        var project = body.String("project");
        var limit = body.Int("limit", 0);
        var offset = body.Int("offset", 0);

        // QueryService.doQueryWithCache:431-443 (Message.java: EMPTY_PROJECT_NAME, PROJECT_NOT_FOUND, NULL_EMPTY_SQL).
        if (string.IsNullOrWhiteSpace(project))
        {
            throw Kylin4Error.Bad("Project name should not be empty.");
        }

        var estate = server.Backend.FindQueryEstate(project) ?? throw Kylin4Error.Bad($"Cannot find project '{project}'.");
        if (string.IsNullOrWhiteSpace(sql))
        {
            throw Kylin4Error.Bad("SQL should not be empty.");
        }

        // queryAndUpdateCache:531-539: a statement that is not a SELECT, without push-down, is BadRequestException("Not Supported
        // SQL."), caught there and rethrown by doQueryWithCache as an InternalErrorException.
        if (!RawSql.IsSelect(RawSql.Statement(sql)))
        {
            throw Kylin4Error.WrappedAs("Not Supported SQL.", Kylin4Error.BadRequest, "Not Supported SQL.");
        }

        var user = context.User?.User.Username ?? "ADMIN";
        var query = new SqlRequest { Sql = sql, Project = estate.Project, Limit = limit, Offset = offset, ForcedToIndex = true };
        var record = QueryService.Execute(server, query, estate with { PushDownEnabled = false }, server.Backend.Queries.NewQueryId(), user, prepare: false);
        if (record.Answer.ExceptionMessage is { } failure)
        {
            throw Kylin4Error.WrappedAs(failure, RootCause(record.Answer.ErrorType), failure);
        }

        return Kylin4Operation.Json(SqlResponseV1Json.Write(record, estate));
    }

    // SQLResponse.getThrowable(): the root cause of what the query threw (inferred from the classes Kylin 4 raises them as).
    private static string RootCause(SqlErrorType? type) => type switch
    {
        SqlErrorType.NoRealizationFound => "org.apache.kylin.metadata.realization.NoRealizationFoundException",
        SqlErrorType.SyntaxError => "org.apache.calcite.sql.parser.SqlParseException",
        _ => "java.lang.RuntimeException",
    };
}
