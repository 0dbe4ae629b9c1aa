using KylinMock.Errors;
using KylinMock.Http;
using Newtonsoft.Json.Linq;

namespace KylinMock.Sql;

/// <summary>The body of a query (REQ <c>PrepareSqlRequest</c>), bound as Jackson binds it: unknown keys ignored, strings coerced.</summary>
internal sealed record SqlRequest
{
    private const string Method = "public org.apache.kylin.rest.response.EnvelopeResponse<org.apache.kylin.rest.response.SQLResponse> org.apache.kylin.rest.controller.NQueryController.query(org.apache.kylin.rest.request.PrepareSqlRequest,java.lang.String)";

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
        var body = RequestBody.Object(request, Method);
        if (RequestBody.String(body, "user_defined_tag") is { Length: > 256 })
        {
            throw KylinException.WithRaw(ErrorCode.InvalidParameter, "Can’t add the tag, as the length exceeds the maximum 256 characters. Please modify it.").WithStatus(400);
        }

        return new SqlRequest
        {
            Sql = RequestBody.String(body, "sql"),
            Project = RequestBody.String(body, "project"),
            Limit = RequestBody.Int(body, "limit", 0),
            Offset = RequestBody.Int(body, "offset", 0),
            QueryId = RequestBody.String(body, "queryId"),
            StopId = RequestBody.String(body, "stopId"),
            ForcedToPushDown = RequestBody.Bool(body, "forcedToPushDown", false),
            ForcedToIndex = RequestBody.Bool(body, "forced_to_index", false),
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
