using KylinMock.Answers;
using KylinMock.Backend;
using Newtonsoft.Json.Linq;

namespace KylinMock.Http;

/// <summary>
/// <c>POST</c> (create) and <c>PUT</c> (update) <c>/kylin/api/internal_tables/{database}/{table}?project</c>
/// (<c>InternalTableController.createInternalTable</c>, <c>updateTable</c>): <c>checkProjectName</c>, then the layout
/// (<c>InternalTableRequest</c>: <c>partition_cols</c>, <c>date_partition_format</c>, <c>tbl_properties</c>,
/// <c>storage_type</c>). Create answers data "", update null.
/// </summary>
internal sealed class SaveInternalTableProvider(ServerContext server, bool update) : IKylinOperation
{
    private const string Create = "public org.apache.kylin.rest.response.EnvelopeResponse<java.lang.String> org.apache.kylin.rest.controller.InternalTableController.createInternalTable(java.lang.String,java.lang.String,java.lang.String,org.apache.kylin.rest.request.InternalTableRequest) throws java.lang.Exception";
    private const string Update = "public org.apache.kylin.rest.response.EnvelopeResponse<java.lang.String> org.apache.kylin.rest.controller.InternalTableController.updateTable(java.lang.String,java.lang.String,java.lang.String,org.apache.kylin.rest.request.InternalTableRequest) throws java.lang.Exception";

    private static readonly BodyField[] Fields =
    [
        new("partition_cols", BodyKind.Strings), new("date_partition_format", BodyKind.String),
        new("tbl_properties", BodyKind.Raw, "java.util.Map<java.lang.String,java.lang.String>"), new("storage_type", BodyKind.String),
    ];

    private static readonly BodyShape CreateShape = new("org.apache.kylin.rest.request.InternalTableRequest", Create, Fields);
    private static readonly BodyShape UpdateShape = new("org.apache.kylin.rest.request.InternalTableRequest", Update, Fields);

    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        var project = SpringBinding.RequiredString(request, "project");
        var body = RequestBody.Read(request, update ? UpdateShape : CreateShape);
        var layout = new InternalTableLayout(
            body.Strings("partition_cols"),
            body.String("date_partition_format"),
            body.String("tbl_properties") is { } map && JToken.Parse(map) is JObject properties
                ? properties.Properties().ToDictionary(p => p.Name, p => p.Value is JValue { Value: { } v } ? Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty : string.Empty)
                : new Dictionary<string, string>(),
            body.String("storage_type"));
        if (update)
        {
            server.Backend.UpdateInternalTable(project, context.Path["database"], context.Path["table"], layout);
            return new KylinAnswer(200, context.ContentType, EnvelopeJson.Success(w => w.WriteNull()));
        }

        server.Backend.CreateInternalTable(project, context.Path["database"], context.Path["table"], layout);
        return new KylinAnswer(200, context.ContentType, EnvelopeJson.Success(w => w.WriteValue(string.Empty)));
    }
}

/// <summary>
/// <c>DELETE /kylin/api/internal_tables/{database}/{table}?project</c> (<c>dropInternalTable</c>, data ""),
/// <c>DELETE /kylin/api/internal_tables/truncate_internal_table?project&amp;database&amp;table</c> (<c>truncateInternalTable</c>,
/// data null) and <c>DELETE /kylin/api/internal_tables/partitions?project&amp;database&amp;table&amp;partitions</c>
/// (<c>dropPartitions</c>, data null).
/// </summary>
internal sealed class RemoveInternalTableProvider(ServerContext server, RemoveInternalTableProvider.What what) : IKylinOperation
{
    /// <summary>Which removal.</summary>
    public enum What
    {
        /// <summary>The table.</summary>
        Table,

        /// <summary>Its data.</summary>
        Data,

        /// <summary>Some partitions.</summary>
        Partitions,
    }

    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        var project = SpringBinding.RequiredString(request, "project");
        if (what == What.Table)
        {
            server.Backend.DropInternalTable(project, context.Path["database"], context.Path["table"]);
            return new KylinAnswer(200, context.ContentType, EnvelopeJson.Success(w => w.WriteValue(string.Empty)));
        }

        var database = SpringBinding.RequiredString(request, "database");
        var table = SpringBinding.RequiredString(request, "table");
        var partitions = what == What.Partitions ? SpringBinding.Items(request, "partitions") ?? SpringBinding.RequiredString(request, "partitions").Split(',') : null;
        if (string.IsNullOrWhiteSpace(database) || string.IsNullOrWhiteSpace(table))
        {
            throw Errors.KylinException.WithRaw(Errors.ErrorCode.InvalidTableName, "Table or database name can’t be empty. Please check and try again.");
        }

        if (partitions is null)
        {
            server.Backend.TruncateInternalTable(project, database, table);
        }
        else
        {
            server.Backend.DropInternalTablePartitions(project, database, table, partitions);
        }

        return new KylinAnswer(200, context.ContentType, EnvelopeJson.Success(w => w.WriteNull()));
    }
}

/// <summary>
/// <c>POST /kylin/api/internal_tables/{project}/{database}/{table}</c> (<c>loadIntoInternalTable</c>): the body
/// <c>{incremental, refresh, start_date, end_date, partitions, yarn_queue}</c>; answers
/// <c>{"internal_table_loading_jobs":[{"job_name","job_id"}]}</c>.
/// </summary>
internal sealed class LoadInternalTableProvider(ServerContext server) : IKylinOperation
{
    private const string Method = "public org.apache.kylin.rest.response.EnvelopeResponse<org.apache.kylin.rest.response.InternalTableLoadingJobResponse> org.apache.kylin.rest.controller.InternalTableController.loadIntoInternalTable(java.lang.String,java.lang.String,java.lang.String,org.apache.kylin.rest.request.InternalTableBuildRequest) throws java.lang.Exception";

    private static readonly BodyShape Shape = new("org.apache.kylin.rest.request.InternalTableBuildRequest", Method,
        new("incremental", BodyKind.Bool), new("refresh", BodyKind.Bool), new("start_date", BodyKind.String), new("end_date", BodyKind.String),
        new("partitions", BodyKind.Strings));

    /// <inheritdoc />
    public KylinAnswer Handle(KylinRequest request, RequestContext context)
    {
        var body = RequestBody.Read(request, Shape);
        var load = new InternalTableLoadRequest(
            body.Bool("incremental", false),
            body.Bool("refresh", false),
            body.String("start_date"),
            body.String("end_date"),
            body.Strings("partitions"));
        var result = server.Backend.LoadInternalTable(context.Path["project"], context.Path["database"], context.Path["table"], load);
        var answer = EnvelopeJson.Success(w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("internal_table_loading_jobs");
            w.WriteStartArray();
            foreach (var id in result.JobIds)
            {
                w.WriteStartObject();
                w.Property("job_name", result.JobName);
                w.Property("job_id", id);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
        return new KylinAnswer(200, context.ContentType, answer);
    }
}
