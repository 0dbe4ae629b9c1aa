using KylinMock.Answers;

namespace KylinMock.Http;

/// <summary>
/// <c>GET /kylin/api/internal_tables?project&amp;need_details&amp;is_fuzzy&amp;database&amp;table&amp;page_offset&amp;page_size</c>
/// (<c>InternalTableController.getTableList</c>): the project's internal tables as <c>InternalTableDescResponse</c>s in a
/// <c>DataResult</c> page; columns only with <c>need_details</c>.
/// </summary>
internal sealed class GetInternalTablesProvider(ServerContext server) : IKylinOperation
{
    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        var project = SpringBinding.RequiredString(request, "project");
        var needDetails = SpringBinding.Bool(request, "need_details", fallback: false);
        var fuzzy = SpringBinding.Bool(request, "is_fuzzy", fallback: false);
        var database = SpringBinding.String(request, "database");
        var table = SpringBinding.String(request, "table");
        var offset = SpringBinding.Int(request, "page_offset", 0);
        var limit = SpringBinding.Int(request, "page_size", 10);
        var tables = server.Backend.ListInternalTables(project, fuzzy, database, table);
        var answer = InternalTableJson.Page(tables, offset, limit, (w, t) => InternalTableJson.Write(w, t.Table, t.Source, needDetails));
        return new KylinAnswer(200, context.ContentType, answer);
    }
}

/// <summary>
/// <c>GET /kylin/api/internal_tables/{database}/{table}?project&amp;page_offset&amp;page_size</c> (<c>getTableDetail</c>):
/// the table's partitions (<c>InternalTablePartitionDetail</c>) in a <c>DataResult</c> page; none for an unpartitioned table.
/// </summary>
internal sealed class GetInternalTableDetailProvider(ServerContext server) : IKylinOperation
{
    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        var project = SpringBinding.RequiredString(request, "project");
        var offset = SpringBinding.Int(request, "page_offset", 0);
        var limit = SpringBinding.Int(request, "page_size", 10);
        var table = server.Backend.GetInternalTable(project, context.Path["database"], context.Path["table"]);
        var answer = InternalTableJson.Page(table.Partitions, offset, limit, (w, p) => InternalTableJson.Write(w, table, p));
        return new KylinAnswer(200, context.ContentType, answer);
    }
}
