using System.Globalization;
using KylinMock.Answers;
using KylinMock.Http;
using KylinMock.Models;
using Newtonsoft.Json;

namespace KylinMock.Kylin4;

/// <summary>
/// Kylin 4's ProjectController, ModelController, TableController, QueryController (tables_and_columns), CacheController and
/// UserController.authenticatedUser (PC, MC, TC, QC, CAC, UC): bind, one backend call, write.
/// </summary>
internal sealed class EstateControllerV1(ServerContext server)
{

    /// <summary><c>GET /projects</c> and <c>/projects/readable</c> (PC:93-98, 112-145); kylinpy's pageOffset/pageSize are not Kylin 4's and are ignored.</summary>
    public KylinAnswer Projects(KylinRequest request, RequestContext context) =>
        Kylin4Operation.Json(EstateJson.Array(server.Backend.ListProjectInstances(Kylin4Binding.Int(request, "limit", null), Kylin4Binding.Int(request, "offset", null)), WriteProject));

    /// <summary><c>GET /models</c> (MC:91-103).</summary>
    public KylinAnswer Models(KylinRequest request, RequestContext context) => Kylin4Operation.Json(EstateJson.Array(
        server.Backend.ListDataModels(Kylin4Binding.String(request, "modelName"), Kylin4Binding.String(request, "projectName"), Kylin4Binding.Int(request, "limit", null), Kylin4Binding.Int(request, "offset", null)),
        EstateJson.ModelDesc));

    /// <summary><c>GET /tables_and_columns?project=P</c> (QC:191-199): TableMeta items in DOC31's order.</summary>
    public KylinAnswer TablesAndColumns(KylinRequest request, RequestContext context) =>
        Kylin4Operation.Json(EstateJson.Array(server.Backend.ListExposedTables(Kylin4Binding.String(request, "project")), WriteTableMeta));

    /// <summary>
    /// <c>GET /tables?project=P&amp;ext=B</c> (TC:85-95): the project's TableDescs, with <c>ext</c> TableService.cloneTableDesc's
    /// TableDescResponse; no project is Spring's missing-parameter 500.
    /// </summary>
    public KylinAnswer Tables(KylinRequest request, RequestContext context)
    {
        var ext = Kylin4Binding.Bool(request, "ext");
        return Kylin4Operation.Json(EstateJson.Array(server.Backend.ListTableDescs(RequiredProject(request)), ext ? WriteTableDescResponse : WriteTableDesc));
    }

    /// <summary><c>GET /tables/{project}/{tableName}</c> (TC:117-125): 404 <c>Could not find Hive table: &lt;t&gt;</c>.</summary>
    public KylinAnswer Table(KylinRequest request, RequestContext context)
    {
        var name = context.Path["tableName"];
        var table = server.Backend.ListTableDescs(context.Path["project"]).FirstOrDefault(t => string.Equals(t.Identity, name, StringComparison.OrdinalIgnoreCase) || string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw Kylin4Error.Missing("Could not find Hive table: " + name);
        return Kylin4Operation.Json(EstateJson.One(table, WriteTableDesc));
    }

    /// <summary><c>GET /tables/hive?project=P</c> (TC:209-223): the source's databases.</summary>
    public KylinAnswer HiveDatabases(KylinRequest request, RequestContext context) => Kylin4Operation.Json(EstateJson.Array(
        server.Backend.ListTableDescs(RequiredProject(request)).Select(t => t.Database.ToUpperInvariant()).Distinct().Order(StringComparer.Ordinal), (w, name) => w.WriteValue(name)));

    /// <summary><c>GET /tables/hive/{database}?project=P</c> (TC:225-237): the database's tables.</summary>
    public KylinAnswer HiveTables(KylinRequest request, RequestContext context) => Kylin4Operation.Json(EstateJson.Array(
        server.Backend.ListTableDescs(RequiredProject(request)).Where(t => string.Equals(t.Database, context.Path["database"], StringComparison.OrdinalIgnoreCase)).Select(t => t.Name.ToUpperInvariant()),
        (w, name) => w.WriteValue(name)));

    /// <summary><c>POST /tables/{tables}/{project}</c> (TC:128-152): the estate's tables in request order loaded, the others not.</summary>
    public KylinAnswer LoadTables(KylinRequest request, RequestContext context)
    {
        var known = server.Backend.ListTableDescs(context.Path["project"]);
        var asked = context.Path["tables"].Split(',', StringSplitOptions.RemoveEmptyEntries);
        bool Known(string t) => known.Any(k => string.Equals(k.Identity, t, StringComparison.OrdinalIgnoreCase));
        return Kylin4Operation.Json(EnvelopeJson.Write(Formatting.None, w =>
        {
            w.WriteStartObject();
            w.Property("result.loaded", asked.Where(Known));
            w.Property("result.unloaded", asked.Where(t => !Known(t)));
            w.WriteEndObject();
        }));
    }

    /// <summary><c>PUT /cache/{entity}/{cacheKey}/{event}</c> (CAC:65-70): permitAll, an empty 200.</summary>
    public KylinAnswer Cache(KylinRequest request, RequestContext context) => Kylin4Operation.Empty();

    /// <summary><c>GET</c>/<c>POST /user/authentication</c> (UC:107-132): <c>{"userDetails":{…}}</c>, or <c>{}</c> when not authenticated.</summary>
    public KylinAnswer Authentication(KylinRequest request, RequestContext context) => Kylin4Operation.Json(EnvelopeJson.Write(Formatting.None, w =>
    {
        w.WriteStartObject();
        if (context.User is { } user)
        {
            w.WritePropertyName("userDetails");
            w.WriteStartObject();
            w.Property("username", user.User.Username);
            w.Property("password", "$2a$10$" + Convert.ToBase64String(user.PasswordDigest)[..31].Replace('+', '.'));
            w.WritePropertyName("authorities");
            w.WriteStartArray();
            foreach (var authority in user.User.Authorities.Where(a => a != "ALL_USERS").Order(StringComparer.Ordinal).Append("ALL_USERS"))
            {
                w.WriteStartObject();
                w.Property("authority", authority);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.Property("disabled", user.User.Disabled);
            w.Property("defaultPassword", false);
            w.Property("locked", false);
            w.Property("lockedTime", 0L);
            w.Property("wrongTime", 0);
            EstateJson.Root(w, user.Uuid, user.LastModified);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }));

    private static string RequiredProject(KylinRequest request) => Kylin4Binding.String(request, "project")
        ?? throw Kylin4Error.Plain("org.springframework.web.bind.MissingServletRequestParameterException", "Required String parameter 'project' is not present");

    // ProjectInstance (ProjectInstance.java:82-115); last_update_time is a string (RootPersistentEntity.java:44).
    private static void WriteProject(JsonWriter w, ProjectView p)
    {
        w.WriteStartObject();
        EstateJson.Root(w, EstateJson.Uuid("project:" + p.Name), p.CreateTime);
        w.Property("name", p.Name);
        w.Property("tables", p.Tables);
        w.Property("owner", "ADMIN");
        w.Property("status", "ENABLED");
        w.Property("create_time_utc", p.CreateTime);
        w.Property("last_update_time", DateTimeOffset.FromUnixTimeMilliseconds(p.CreateTime).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC");
        w.Property("description", string.Empty);
        w.WritePropertyName("realizations");
        w.WriteStartArray();
        foreach (var cube in p.Cubes)
        {
            w.WriteStartObject();
            w.Property("type", "CUBE");
            w.Property("realization", cube);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.Property("models", p.Cubes);
        w.Property("ext_filters", []);
        w.WritePropertyName("override_kylin_properties");
        w.WriteStartObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    // TableDesc (TableDesc.java:115-125,285-288).
    private static void WriteTableDesc(JsonWriter w, TableDesc t)
    {
        w.WriteStartObject();
        TableDescFields(w, t);
        w.WriteEndObject();
    }

    // TableDescResponse (TableDescResponse.java): TableDesc's fields, then exd (the source's dataSourceProp, a HashMap: Java's
    // iteration order of HiveMetadataExplorer's nine keys; values inferred for an unpartitioned managed text table), cardinality
    // and sample_rows, which stay empty until a cardinality job ran (the mock runs none).
    private static void WriteTableDescResponse(JsonWriter w, TableDesc t)
    {
        w.WriteStartObject();
        TableDescFields(w, t);
        w.WritePropertyName("exd");
        w.WriteStartObject();
        w.Property("owner", "hive");
        w.Property("skip_header_line_count", "0");
        w.Property("total_file_size", "0");
        w.Property("hive_inputFormat", "org.apache.hadoop.mapred.TextInputFormat");
        w.Property("hive_outputFormat", "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat");
        w.Property("location", $"hdfs://localhost:8020/user/hive/warehouse/{t.Database.ToLowerInvariant()}.db/{t.Name.ToLowerInvariant()}");
        w.Property("partition_column", string.Empty);
        w.Property("total_file_number", "0");
        w.Property("last_access_time", "0");
        w.WriteEndObject();
        w.WritePropertyName("cardinality");
        w.WriteStartObject();
        w.WriteEndObject();
        w.Property("sample_rows", System.Array.Empty<string>());
        w.WriteEndObject();
    }

    private static void TableDescFields(JsonWriter w, TableDesc t)
    {
        EstateJson.Root(w, EstateJson.Uuid("table:" + t.Project + ":" + t.Identity), 0L);
        w.Property("name", t.Name.ToUpperInvariant());
        w.WritePropertyName("columns");
        w.WriteStartArray();
        for (var i = 0; i < t.Columns.Count; i++)
        {
            w.WriteStartObject();
            w.Property("id", (i + 1).ToString(CultureInfo.InvariantCulture));
            w.Property("name", t.Columns[i].Name);
            w.Property("datatype", t.Columns[i].Datatype);
            w.Null("min_value");
            w.Null("max_value");
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.Property("source_type", 0);
        w.Property("table_type", "MANAGED");
        w.Property("database", t.Database.ToUpperInvariant());
    }

    // TableMeta and ColumnMeta in DOC31's order (contract §2.7, open question 8.3).
    private static void WriteTableMeta(JsonWriter w, TableDesc t)
    {
        var (schema, name) = (t.Database.ToUpperInvariant(), t.Name.ToUpperInvariant());
        w.WriteStartObject();
        w.WritePropertyName("columns");
        w.WriteStartArray();
        for (var i = 0; i < t.Columns.Count; i++)
        {
            var type = SqlType.Of(t.Columns[i].Datatype);
            w.WriteStartObject();
            w.Property("table_NAME", name);
            w.Property("table_SCHEM", schema);
            w.Property("column_NAME", t.Columns[i].Name);
            w.Property("data_TYPE", type.JdbcType);
            w.Property("nullable", 1);
            w.Property("column_SIZE", type.ColumnSize);
            w.Property("buffer_LENGTH", -1);
            w.Property("decimal_DIGITS", type.DecimalDigits);
            w.Property("num_PREC_RADIX", 10);
            w.Null("column_DEF");
            w.Property("sql_DATA_TYPE", -1);
            w.Property("sql_DATETIME_SUB", -1);
            w.Property("char_OCTET_LENGTH", -1);
            w.Property("ordinal_POSITION", i + 1);
            w.Property("is_NULLABLE", "YES");
            w.Null("scope_CATLOG");
            w.Null("scope_SCHEMA");
            w.Null("scope_TABLE");
            w.Property("source_DATA_TYPE", -1);
            w.Null("is_AUTOINCREMENT");
            w.Property("table_CAT", "defaultCatalog");
            w.Null("remarks");
            w.Property("type_NAME", TypeName(type));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.Property("table_NAME", name);
        w.Property("table_SCHEM", schema);
        w.Null("ref_GENERATION");
        w.Null("self_REFERENCING_COL_NAME");
        w.Null("type_SCHEM");
        w.Property("table_TYPE", "TABLE");
        w.Property("table_CAT", "defaultCatalog");
        w.Null("remarks");
        w.Null("type_CAT");
        w.Null("type_NAME");
        w.WriteEndObject();
    }

    // Calcite's type text: VARCHAR(256), DECIMAL(19, 4), CHAR(1); the others bare.
    private static string TypeName(SqlType type) => type.TypeName switch
    {
        "VARCHAR" or "CHAR" => $"{type.TypeName}({type.ColumnSize})",
        "DECIMAL" => $"DECIMAL({type.ColumnSize}, {type.DecimalDigits})",
        _ => type.TypeName,
    };
}
