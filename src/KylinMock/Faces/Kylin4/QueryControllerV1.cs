using KylinMock.Http;

namespace KylinMock.Kylin4;

/// <summary>
/// Kylin 4's <c>POST /query</c> (QueryController.query → QueryService.doQueryWithCache). The seam for the SQL engine: until
/// a Kylin 4 face over it lands, every query is one no cube can serve, which Kylin 4 answers by rethrowing the
/// SQLResponse's exception message as an InternalErrorException: 500, <c>No realization found for OLAPContext</c> (inferred).
/// </summary>
internal sealed class QueryControllerV1
{
    private static readonly BodyShape Shape = new("org.apache.kylin.rest.request.SQLRequest", "query", new BodyField("sql", BodyKind.String));

    /// <summary>The one place a query is answered; the SQL engine replaces this body with a raw <c>SQLResponse</c>.</summary>
    public KylinAnswer Query(KylinRequest request, RequestContext context)
    {
        var sql = Kylin4Binding.Body(request, Shape).String("sql");
        throw Kylin4Error.Plain(Kylin4Error.InternalError, $"Error while executing SQL \"{sql}\": No realization found for OLAPContext, ");
    }
}
