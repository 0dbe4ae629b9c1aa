using KylinMock.Answers;
using KylinMock.Errors;
using KylinMock.Sql;

namespace KylinMock.Http;

/// <summary>
/// <c>/kylin/api/query/saved_queries</c> (NQC saveQuery, getSavedQueries, removeSavedQuery; §6.5): per project and creator;
/// a name must be present, alphanumeric or underscores, and not taken; the list pages by page index; ids are Kylin's hash.
/// </summary>
internal sealed class SavedQueriesProvider(ServerContext server, string action) : IKylinOperation
{
    private const string Method = "public org.apache.kylin.rest.response.EnvelopeResponse<java.lang.String> org.apache.kylin.rest.controller.NQueryController.saveQuery(org.apache.kylin.rest.request.SaveSqlRequest)";

    private static readonly BodyShape Shape = new("org.apache.kylin.rest.request.SaveSqlRequest", Method,
        new("name", BodyKind.String), new("project", BodyKind.String), new("sql", BodyKind.String), new("description", BodyKind.String));

    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        var user = context.User?.User.Username ?? "ADMIN";
        switch (action)
        {
            case "save":
                var body = RequestBody.Read(request, Shape);
                var name = body.String("name");
                if (string.IsNullOrEmpty(name))
                {
                    throw new KylinException(ErrorCode.RequestParameterEmpty, "name");
                }

                var project = server.Backend.QueryProject(body.String("project") ?? string.Empty);
                if (!name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
                {
                    throw KylinException.WithRaw(ErrorCode.InvalidName, "Query name should only contain alphanumerics and underscores.");
                }

                if (!server.Backend.Queries.Save(new SavedQuery(name, project, body.String("sql") ?? string.Empty, body.String("description") ?? string.Empty, user)))
                {
                    throw KylinException.WithRaw(ErrorCode.SavedQueryExists, $"Query named \"{name}\" already exists. Please check and try again.");
                }

                return Empty(context);
            case "remove":
                var owner = server.Backend.QueryProject(ModelBinding.RequiredString(request, "project"));
                server.Backend.Queries.Remove(owner, user, context.Path["id"]);
                return Empty(context);
            default:
                var listed = server.Backend.QueryProject(SpringBinding.String(request, "project") ?? string.Empty);
                var offset = SpringBinding.Int(request, "offset", 0);
                var limit = SpringBinding.Int(request, "limit", 10);
                var all = server.Backend.Queries.Saved(listed, user);
                var page = all.Skip(Math.Max(0, offset) * Math.Max(0, limit)).Take(Math.Max(0, limit));
                return new KylinAnswer(200, context.ContentType, EnvelopeJson.Success(w =>
                {
                    w.WriteStartObject();
                    w.WritePropertyName("value");
                    w.WriteStartArray();
                    foreach (var q in page)
                    {
                        w.WriteStartObject();
                        w.Property("name", q.Name);
                        w.Property("project", q.Project);
                        w.Property("sql", q.Sql);
                        w.Property("description", q.Description);
                        w.Property("id", q.Id);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.Property("offset", offset);
                    w.Property("limit", limit);
                    w.Property("total_size", all.Count);
                    w.WriteEndObject();
                }));
        }
    }

    private static KylinAnswer Empty(RequestContext context) => new(200, context.ContentType, EnvelopeJson.Success(w => w.WriteValue(string.Empty)));
}
