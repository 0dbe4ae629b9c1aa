using KylinMock.Errors;
using KylinMock.Http;
using Newtonsoft.Json.Linq;

namespace KylinMock.Sql;

/// <summary>The body of a query (REQ <c>PrepareSqlRequest</c>), bound as Jackson binds it: unknown keys ignored, strings coerced.</summary>
internal sealed record SqlRequest
{
    private const string Method = "public org.apache.kylin.rest.response.EnvelopeResponse<org.apache.kylin.rest.response.SQLResponse> org.apache.kylin.rest.controller.NQueryController.query(org.apache.kylin.rest.request.PrepareSqlRequest,java.lang.String)";

    private static readonly BodyShape Shape = new("org.apache.kylin.rest.request.PrepareSqlRequest", Method,
        new("sql", BodyKind.String), new("project", BodyKind.String), new("limit", BodyKind.Int, "java.lang.Integer"), new("offset", BodyKind.Int, "java.lang.Integer"),
        new("queryId", BodyKind.String), new("stopId", BodyKind.String), new("forcedToPushDown", BodyKind.Bool), new("forced_to_index", BodyKind.Bool),
        new("user_defined_tag", BodyKind.String));

    /// <summary>The SQL.</summary>
    public string? Sql { get; init; }

    /// <summary>The project.</summary>
    public string? Project { get; init; }

    /// <summary>Appended as LIMIT when positive and the SQL has none.</summary>
    public int Limit { get; init; }

    /// <summary>Appended as OFFSET when positive and the SQL has none.</summary>
    public int Offset { get; init; }

    /// <summary>The client's query id, if any.</summary>
    public string? QueryId { get; init; }

    /// <summary>The handle <c>DELETE /kylin/api/query/{stopId}</c> stops the query by.</summary>
    public string? StopId { get; init; }

    /// <summary><c>forcedToPushDown</c>.</summary>
    public bool ForcedToPushDown { get; init; }

    /// <summary><c>forced_to_index</c>.</summary>
    public bool ForcedToIndex { get; init; }

    /// <summary>Binds a JSON body; <c>user_defined_tag</c> over 256 characters is refused as <c>@Valid</c> refuses it.</summary>
    public static SqlRequest FromJson(KylinRequest request)
    {
        var body = RequestBody.Read(request, Shape);
        if (body.String("user_defined_tag") is { Length: > 256 })
        {
            throw KylinException.WithRaw(ErrorCode.InvalidParameter, "Can’t add the tag, as the length exceeds the maximum 256 characters. Please modify it.").WithStatus(400);
        }

        return new SqlRequest
        {
            Sql = body.String("sql"),
            Project = body.String("project"),
            Limit = body.Int("limit", 0),
            Offset = body.Int("offset", 0),
            QueryId = body.String("queryId"),
            StopId = body.String("stopId"),
            ForcedToPushDown = body.Bool("forcedToPushDown", false),
            ForcedToIndex = body.Bool("forced_to_index", false),
        };
    }

    /// <summary>Binds a form (<c>POST /query/format/{format}</c>): <c>sql</c>, <c>project</c>, <c>limit</c>, <c>offset</c>.</summary>
    public static SqlRequest FromForm(KylinRequest request)
    {
        var form = System.Web.HttpUtility.ParseQueryString(request.Body is { Length: > 0 } bytes ? System.Text.Encoding.UTF8.GetString(bytes) : string.Empty);
        static int Number(string? text) => int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : 0;
        return new SqlRequest
        {
            Sql = form["sql"],
            Project = form["project"],
            Limit = Number(form["limit"]),
            Offset = Number(form["offset"]),
        };
    }

    /// <summary>Whether the body is a JSON object at all (for errors that come before binding).</summary>
    public static bool IsObject(JToken token) => token is JObject;
}
