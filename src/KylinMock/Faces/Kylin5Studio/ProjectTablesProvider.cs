using KylinMock.Answers;
using KylinMock.Backend;
using KylinMock.Models;

namespace KylinMock.Http;

/// <summary>
/// <c>GET /kylin/api/tables/project_tables</c> (NTableController.getProjectTables, TableService.getProjectTables over the
/// loaded databases): <c>{"databases":[{"dbname","size","tables"}]}</c>, one entry a database in Java's HashSet order whose
/// page is not empty. <c>table</c> may be <c>DB.TABLE</c>; a database whose name contains it shows all its tables; otherwise
/// tables whose name contains it ignoring case (<c>is_fuzzy</c>) or, not fuzzy, the one table so named; only the source
/// types asked for (default 9, Hive: every table of the estate). <c>size</c> counts every match, <c>tables</c> is the page.
/// </summary>
internal sealed class ProjectTablesProvider(ServerContext server) : IKylinOperation
{
    /// <inheritdoc />
    public string? Name => "GetProjectTables";

    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        SpringBinding.Bool(request, "ext", false);
        var project = ModelBinding.RequiredString(request, "project");
        var asked = SpringBinding.String(request, "table") ?? string.Empty;
        var fuzzy = SpringBinding.Bool(request, "is_fuzzy", false);
        var offset = SpringBinding.Int(request, "page_offset", 0);
        var limit = SpringBinding.Int(request, "page_size", 10);
        SpringBinding.Bool(request, "with_excluded", true);
        var sourceTypes = GetTableDescProvider.SourceTypes(request);
        var tables = server.Backend.ListProjectTables(project);

        // BasicService.checkDatabaseAndTable: "DB.TABLE" names a database, trimmed.
        string? onlyDatabase = null;
        var name = asked;
        if (asked.Contains('.', StringComparison.Ordinal))
        {
            onlyDatabase = asked.Split('.', 2)[0].Trim();
            name = asked.Split('.', 2)[1].Trim();
        }

        var databases = new List<(string Database, int Size, IReadOnlyList<ProjectTable> Page)>();
        foreach (var database in JavaHashOrder.Of(tables.Select(t => t.Table.Table.Database)))
        {
            if (onlyDatabase is not null && !onlyDatabase.Equals(database, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var inDatabase = onlyDatabase is null && database.Contains(name, StringComparison.OrdinalIgnoreCase) ? string.Empty : name;
            var matches = GetTableDescProvider.Filter(tables, database, inDatabase, fuzzy, sourceTypes);
            var page = PagingUtil.CutPage(matches, offset, limit);
            if (page.Count > 0)
            {
                databases.Add((database, matches.Count, page));
            }
        }

        return new KylinAnswer(200, context.ContentType, EnvelopeJson.Success(w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("databases");
            w.WriteStartArray();
            foreach (var (database, size, page) in databases)
            {
                w.WriteStartObject();
                w.Property("dbname", database);
                w.Property("size", size);
                w.WritePropertyName("tables");
                w.WriteStartArray();
                foreach (var table in page)
                {
                    ProjectTableJson.Write(w, project, table);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }));
    }
}
