using KylinMock.Answers;
using KylinMock.Errors;
using KylinMock.Sql;

namespace KylinMock.Http;

/// <summary>
/// <c>POST /kylin/api/query</c> (NQueryController.query on v4, NQueryControllerV2.query on v2, query4JDBC on plain JSON)
/// and <c>POST /kylin/api/query/prestate</c> (prepareQuery): the body, then the v4 handler's required <c>User-Agent</c>, then
/// Kylin's query path. A query that runs and fails is HTTP 200 with <c>isException</c>.
/// </summary>
internal sealed class QueryProvider(ServerContext server, SqlFace face, bool prepare) : IKylinOperation
{
    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        var body = SqlRequest.FromJson(request);

        // @RequestHeader("User-Agent") on NQueryController.query only; Spring's MissingRequestHeaderException reaches NBC's generic handler.
        if (face == SqlFace.V4 && !prepare && request.Header("User-Agent") is null)
        {
            throw KylinException.WithRaw(ErrorCode.UnknownErrorCode, "Required request header 'User-Agent' for method parameter type String is not present");
        }

        var record = QueryService.Query(server, body, context.User?.User.Username ?? "ADMIN", prepare);
        return new KylinAnswer(200, context.ContentType, SqlResponseJson.Write(record, face, prepare));
    }
}

/// <summary><c>DELETE /kylin/api/query/{id}</c> (NQC stopQuery): stops the running query with that <c>stopId</c>; always <c>""</c>.</summary>
internal sealed class StopQueryProvider(ServerContext server) : IKylinOperation
{
    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        server.Backend.Queries.Stop(context.Path["id"]);
        return new KylinAnswer(200, context.ContentType, EnvelopeJson.Success(w => w.WriteValue(string.Empty)));
    }
}
