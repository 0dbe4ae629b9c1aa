using System.Globalization;
using System.Text;
using KylinMock.Errors;
using KylinMock.Sql;

namespace KylinMock.Http;

/// <summary>
/// <c>POST /kylin/api/query/format/{format}</c> (NQC downloadQueryResult, §6.4): a form (<c>sql</c>, <c>project</c>, <c>limit</c>)
/// run through the normal query path, written as CSV whatever <c>{format}</c> says: a BOM, the column labels, the rows
/// (SuperCSV: quoting only when needed, <c>\r\n</c>, null empty), as an attachment named by the clock.
/// </summary>
internal sealed class DownloadQueryResultProvider(ServerContext server) : IKylinOperation
{
    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        var record = QueryService.Query(server, SqlRequest.FromForm(request), context.User?.User.Username ?? "ADMIN", prepare: false);
        var text = new StringBuilder("\uFEFF");
        if (record.Answer.ExceptionMessage is null)
        {
            Csv.Line(text, record.Answer.Columns.Select(c => c.Label));
            foreach (var row in record.Answer.Rows)
            {
                Csv.Line(text, row);
            }
        }

        var format = context.Path["format"];
        var now = DateTimeOffset.FromUnixTimeMilliseconds(server.NowMs).ToOffset(server.TimeZone.GetUtcOffset(DateTimeOffset.FromUnixTimeMilliseconds(server.NowMs)));
        var name = now.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture) + ".result." + format;
        return new KylinAnswer(200, "text/" + format + ";charset=utf-8", Encoding.UTF8.GetBytes(text.ToString()))
        {
            Headers = new Dictionary<string, string> { ["Content-Disposition"] = "attachment; filename=\"" + name + "\"" },
        };
    }
}

/// <summary>
/// <c>PUT /kylin/api/projects/{project}/push_down_config</c> (NProjectController.updatePushDownConfig):
/// <c>push_down_enabled</c> sets the project's <c>kylin.query.pushdown-enabled</c>. Data <c>""</c>.
/// </summary>
internal sealed class PushDownConfigProvider(ServerContext server) : IKylinOperation
{
    private const string Method = "public org.apache.kylin.rest.response.EnvelopeResponse<java.lang.String> org.apache.kylin.rest.controller.NProjectController.updatePushDownConfig(java.lang.String,org.apache.kylin.rest.request.PushDownConfigRequest)";

    private static readonly BodyShape Shape = new("org.apache.kylin.rest.request.PushDownConfigRequest", Method, new BodyField("push_down_enabled", BodyKind.Boolean));

    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        var body = RequestBody.Read(request, Shape);
        // checkRequiredArg("push_down_enabled", ...): absent is KE-010043201.
        var enabled = body.HasValue("push_down_enabled")
            ? body.Bool("push_down_enabled", false)
            : throw new KylinException(ErrorCode.RequestParameterEmpty, "push_down_enabled");
        server.Backend.SetPushDownConfig(context.Path["project"], enabled);
        return new KylinAnswer(200, context.ContentType, Answers.EnvelopeJson.Success(w => w.WriteValue(string.Empty)));
    }
}
