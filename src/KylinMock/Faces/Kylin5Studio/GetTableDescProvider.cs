using KylinMock.Answers;
using KylinMock.Backend;
using KylinMock.Models;

namespace KylinMock.Http;

/// <summary>
/// <c>GET /kylin/api/tables</c> (NTableController.getTableDesc, TableService.getTableDesc; the data source page's table
/// detail): the project's tables of <c>database</c> (any without it) matching <c>table</c>, paged, answered as
/// setCustomDataResponse's HashMap <c>{"size": every match, "tables": the page}</c>.
/// </summary>
internal sealed class GetTableDescProvider(ServerContext server) : IKylinOperation
{
    private const int Hive = 9;

    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        SpringBinding.Bool(request, "ext", false);
        var project = ModelBinding.RequiredString(request, "project");
        var table = SpringBinding.String(request, "table");
        var database = SpringBinding.String(request, "database");
        var fuzzy = SpringBinding.Bool(request, "is_fuzzy", false);
        var offset = SpringBinding.Int(request, "page_offset", 0);
        var limit = SpringBinding.Int(request, "page_size", 10);
        var sourceType = SpringBinding.Int(request, "source_type", Hive);
        var matches = Filter(server.Backend.ListProjectTables(project), database, table ?? string.Empty, fuzzy, [sourceType]);
        var page = PagingUtil.CutPage(matches, offset, limit);
        return new KylinAnswer(200, context.ContentType, EnvelopeJson.Success(w =>
        {
            w.WriteStartObject();
            foreach (var key in JavaHashOrder.Of(["tables", "size"]))
            {
                w.WritePropertyName(key);
                if (key == "size")
                {
                    w.WriteValue(matches.Count);
                    continue;
                }

                w.WriteStartArray();
                foreach (var row in page)
                {
                    ProjectTableJson.Write(w, project, row);
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        }));
    }

    /// <summary>The <c>source_type</c> list parameter, 9 (Hive) when absent or empty.</summary>
    public static IReadOnlyList<int> SourceTypes(KylinRequest request) =>
        SpringBinding.IntList(request, "source_type") is { Count: > 0 } types ? types : [Hive];

    /// <summary>
    /// TableService.getTableDesc's choice: with a table name and not fuzzy, the one table <c>database + "." + table</c>
    /// (no database names "null.TABLE", so nothing), whatever the source type; otherwise the database's tables (every
    /// database's without one) whose names contain it ignoring case, when Hive (the estate's only source type) is asked for.
    /// </summary>
    public static IReadOnlyList<ProjectTable> Filter(IReadOnlyList<ProjectTable> tables, string? database, string table, bool fuzzy, IReadOnlyList<int> sourceTypes)
    {
        if (table.Length > 0 && !fuzzy)
        {
            var identity = (database ?? "null") + "." + table;
            return tables.Where(t => t.Table.Table.Identity.Equals(identity, StringComparison.OrdinalIgnoreCase)).ToArray();
        }

        return sourceTypes.Contains(Hive)
            ? tables.Where(t => (string.IsNullOrEmpty(database) || t.Table.Table.Database.Equals(database, StringComparison.OrdinalIgnoreCase))
                && t.Table.Table.Name.Contains(table, StringComparison.OrdinalIgnoreCase)).ToArray()
            : [];
    }
}
