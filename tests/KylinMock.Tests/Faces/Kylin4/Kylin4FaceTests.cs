using Newtonsoft.Json.Linq;
using KylinMock.Jobs;
using KylinMock.Tests.Support;

namespace KylinMock.Tests.Kylin4;

/// <summary>What a Kylin 4 server is before and around its controllers: security, Spring's pages, the estate endpoints, the mock's own planes (contract §1, §2).</summary>
public class Kylin4FaceTests : Kylin4Test
{
    // SEC:233-266 (inferred, §1.2): no credentials on a protected path is the form-login entry point's 302 to /kylin/login.
    [Test]
    public void NoCredentials_ProtectedPath_Is302ToLogin()
    {
        var answer = Send(HttpMethod.Get, "/jobs", authorization: null);
        Assert.That((answer.Status, answer.Response.Headers.Location?.AbsolutePath), Is.EqualTo((302, "/kylin/login")));
    }

    // UnauthorisedEntryPoint.java:40-42: a wrong password is sendError(401), Tomcat's HTML page, even on a permitAll path.
    [Test]
    public void WrongPassword_Is401HtmlPage()
    {
        var answer = Send(HttpMethod.Get, "/user/authentication", authorization: KylinHttp.Basic("ADMIN", "wrong"));
        Assert.That((answer.Status, answer.ContentType, answer.Text.Contains("HTTP Status 401", StringComparison.Ordinal)), Is.EqualTo((401, "text/html; charset=utf-8", true)));
    }

    // SEC:164-198, ManagedUser.java:59-68: Kylin 4 has no login lockout (nothing increments wrongTime); after failed logins the right password still works.
    [Test]
    public void WrongPasswords_NeverLockTheUser()
    {
        var failures = Enumerable.Range(0, 5).Select(_ => Send(HttpMethod.Get, "/cubes", authorization: KylinHttp.Basic("ADMIN", "wrong")).Status).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(failures, Is.All.EqualTo(401));
            Assert.That(Get("/cubes").Status, Is.EqualTo(200));
        });
    }

    // UC:107-132: authenticated, {"userDetails":{…}} with the sorted authorities and ALL_USERS last; anonymous, {} (kylinpy reads it as unauthorised).
    [Test]
    public void Authentication_UserDetailsOrEmptyObject()
    {
        var user = Get("/user/authentication").Json["userDetails"]!;
        var anonymous = Send(HttpMethod.Get, "/user/authentication", authorization: null);
        Assert.Multiple(() =>
        {
            Assert.That((string?)user["username"], Is.EqualTo("ADMIN"));
            Assert.That(user["authorities"]!.Select(a => (string)a["authority"]!).Last(), Is.EqualTo("ALL_USERS"));
            Assert.That((anonymous.Status, anonymous.Text), Is.EqualTo((200, "{}")));
        });
    }

    // §1.3, §1.5 (Spring MVC, inferred): Kylin 5's paths have no handler (404 HTML), a wrong method is 405 with Allow, a Kylin 5 Accept is 406.
    [Test]
    public void SpringPages_404For405And406()
    {
        var kylin5 = Send(HttpMethod.Post, "/models/kylin_sales_model/segments", "{}");
        var method = Send(HttpMethod.Post, "/jobs/x/resume");
        var accept = Send(HttpMethod.Get, "/jobs", accept: "application/vnd.apache.kylin-v4-public+json");
        Assert.Multiple(() =>
        {
            Assert.That((kylin5.Status, kylin5.ContentType), Is.EqualTo((404, "text/html; charset=utf-8")));
            Assert.That((method.Status, method.Response.Content.Headers.Allow.Single()), Is.EqualTo((405, "PUT")));
            Assert.That((accept.Status, accept.ContentType), Is.EqualTo((406, "text/html; charset=utf-8")));
            Assert.That(Send(HttpMethod.Get, "/jobs", accept: "text/html, image/gif, image/jpeg, *; q=.2, */*; q=.2").Status, Is.EqualTo(200));
        });
    }

    // PC:93-98, ProjectService.java:146-161: sorted by name ignoring case, with the project's cubes as CUBE realizations.
    [Test]
    public void Projects_SortedWithRealizations()
    {
        var projects = Array(Get("/projects"));
        Assert.Multiple(() =>
        {
            Assert.That(projects.Select(p => (string)p["name"]!), Is.EqualTo(new[] { "another", "learn_kylin" }));
            Assert.That(projects[1]["realizations"]!.Select(r => (string)r["realization"]!), Is.EquivalentTo(new[] { Cube, "sales_full_model" }));
            Assert.That(Array(Get("/projects?limit=1&offset=1")).Single()["name"]!.ToString(), Is.EqualTo("learn_kylin"));
        });
    }

    // MC:91-103, CDC:56-109 and QC:191-199 (what kylinpy's get_datasource reads): the data model, the cube desc (array and object), the tables of READY cubes.
    [Test]
    public void DatasourceCalls_ModelCubeDescAndTablesAndColumns()
    {
        var model = Array(Get($"/models?projectName=learn_kylin&modelName={Cube}")).Single();
        var desc = Get($"/cube_desc/{Cube}/desc").Json;
        var tables = Array(Get("/tables_and_columns?project=learn_kylin"));
        Assert.Multiple(() =>
        {
            Assert.That(((string?)model["fact_table"], (string?)model["lookups"]![0]!["join"]!["type"]), Is.EqualTo(("DEFAULT.KYLIN_SALES", "left")));
            Assert.That(((string?)desc["model_name"], (int)desc["engine_type"]!, (int)desc["storage_type"]!), Is.EqualTo((Cube, 6, 4)));
            Assert.That(Array(Get($"/cube_desc/{Cube}")).Count, Is.EqualTo(1));
            Assert.That((Get("/cube_desc/nope/desc").Status, Get("/cube_desc/nope/desc").Text), Is.EqualTo((200, string.Empty)));
            Assert.That(tables.Select(t => $"{t["table_SCHEM"]}.{t["table_NAME"]}"), Is.EquivalentTo(new[] { "DEFAULT.KYLIN_SALES", "DEFAULT.KYLIN_ACCOUNT" }));
            Assert.That(tables.SelectMany(t => t["columns"]!).Select(c => (string)c["type_NAME"]!), Does.Contain("DECIMAL(19, 4)"));
        });
    }

    // TC:85-152, CAC:65-70: tables need a project; load echoes known tables; the cache endpoint is permitAll and empty.
    [Test]
    public void TablesAndCache()
    {
        var load = Send(HttpMethod.Post, "/tables/DEFAULT.KYLIN_SALES,DEFAULT.NOPE/learn_kylin", "{\"calculate\":false}").Json;
        var cache = Send(HttpMethod.Put, "/cache/all/all/update", authorization: null);
        Assert.Multiple(() =>
        {
            Assert.That(Array(Get("/tables?project=learn_kylin")).Count, Is.EqualTo(2));
            AssertError(Get("/tables"), 500, "Required String parameter 'project' is not present");
            Assert.That(load["result.loaded"]!.Select(t => (string)t!), Is.EqualTo(new[] { "DEFAULT.KYLIN_SALES" }));
            AssertError(Get("/tables/learn_kylin/NOPE"), 404, "Could not find Hive table: NOPE");
            Assert.That((cache.Status, cache.Text), Is.EqualTo((200, string.Empty)));
        });
    }

    // TC:85-95 with ext=true: TableService.cloneTableDesc gives TableDescResponse, TableDesc's fields then exd (HiveMetadataExplorer's
    // dataSourceProp, in Java HashMap order), cardinality and sample_rows (empty: no cardinality job ran).
    [Test]
    public void Tables_WithExt_AreTableDescResponses()
    {
        var plain = (JObject)Array(Get("/tables?project=learn_kylin&ext=false"))[0];
        var ext = (JObject)Array(Get("/tables?project=learn_kylin&ext=true"))[0];
        Assert.Multiple(() =>
        {
            Assert.That(ext.Properties().Select(p => p.Name), Is.EqualTo(plain.Properties().Select(p => p.Name).Concat(["exd", "cardinality", "sample_rows"])));
            Assert.That(((JObject)ext["exd"]!).Properties().Select(p => p.Name), Is.EqualTo(new[]
            {
                "owner", "skip_header_line_count", "total_file_size", "hive_inputFormat", "hive_outputFormat", "location", "partition_column", "total_file_number", "last_access_time",
            }));
            Assert.That((ext["cardinality"]!.ToString(Newtonsoft.Json.Formatting.None), ext["sample_rows"]!.ToString(Newtonsoft.Json.Formatting.None)), Is.EqualTo(("{}", "[]")));
        });
    }

    // @RequestParam(required = false) boolean ext: Spring's StringToBooleanConverter; another value is a type mismatch (500).
    [Test]
    public void Tables_ExtNotABoolean_IsTypeMismatch()
    {
        AssertError(Get("/tables?project=learn_kylin&ext=maybe"), 500, "Failed to convert value of type 'java.lang.String' to required type 'boolean'; nested exception is java.lang.IllegalArgumentException: Invalid boolean value [maybe]");
    }

    // An embedded server without KylinMock.Sql: the query fails as any query does in Kylin 4 (doQueryWithCache rethrows the
    // failure as an InternalErrorException, a 500), and the message says how to add the engine.
    [Test]
    public void Query_WithoutAnEngine_Is500SayingHowToAddOne()
    {
        var answer = Send(HttpMethod.Post, "/query", "{\"sql\":\"select 1\",\"project\":\"learn_kylin\"}");
        Assert.That((answer.Status, (string?)answer.Json["msg"]), Is.EqualTo((500, KylinMock.Sql.QueryService.NoEngine)));
    }

    // QueryController.query's @RequestBody SQLRequest: a body Jackson cannot read is HttpMessageNotReadableException, a 500 (BasicController), never a .NET message.
    [Test]
    public void Query_BodyNotJson_Is500HttpMessageNotReadable()
    {
        var answer = Send(HttpMethod.Post, "/query", "select 1");
        Assert.That(answer.Status, Is.EqualTo(500));
        Assert.That((string?)answer.Json["msg"], Does.StartWith("JSON parse error: "));
    }

    // Kylin 4's @RequestBody goes through the same binder: a body sent as text/plain is Spring's HttpMediaTypeNotSupportedException, BasicController's 500; nothing builds.
    [Test]
    public void Build_BodyNotDeclaredAsJson_Is500ContentTypeNotSupported()
    {
        var jobs = Kylin.Jobs.Snapshot().Count;
        var answer = Send(HttpMethod.Put, $"/cubes/{Cube}/rebuild", $"{{\"startTime\":{T + (5 * Day)},\"endTime\":{T + (6 * Day)},\"buildType\":\"BUILD\"}}", contentType: "text/plain");
        Assert.That((answer.Status, (string?)answer.Json["msg"], Kylin.Jobs.Snapshot().Count), Is.EqualTo((500, "Content type 'text/plain' not supported", jobs)));
    }

    // The mock's own planes work as in Kylin 5 mode: the journal records the call, an armed error fault answers Kylin 4's ErrorResponse.
    [Test]
    public void ControlPlane_JournalAndFaults()
    {
        Get("/cubes");
        Kylin.Faults.Add(new KylinMock.Control.FaultRule { PathPrefix = "/kylin/api/jobs", Kind = KylinMock.Control.FaultKind.Error, ErrorCode = "KE-000000001", HttpStatus = 503, Message = "down" });
        var faulted = Get("/jobs");
        Assert.Multiple(() =>
        {
            Assert.That(Kylin.Journal.Entries().Any(e => e.Path == "/kylin/api/cubes"), Is.True);
            AssertError(faulted, 503, "down");
        });
    }

    // Contract §7: a generated Kylin 4 estate holds only Kylin 4's job types, each with Kylin 4's plan.
    [Test]
    public void GeneratedKylin4Estate_HasOnlyKylin4JobTypesAndPlans()
    {
        using var kylin = KylinMockServer.Start(new KylinMockOptions { KylinVersion = 4, JobCount = 300, Clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Estates.Now) });
        var jobs = kylin.Jobs.Snapshot();
        Assert.Multiple(() =>
        {
            Assert.That(jobs.Select(j => j.JobName).Distinct(), Is.SubsetOf(new[] { JobType.INC_BUILD, JobType.INDEX_MERGE, JobType.INDEX_REFRESH, JobType.TABLE_SAMPLING }));
            Assert.That(jobs.Where(j => j.JobName == JobType.INC_BUILD).SelectMany(j => j.Steps).Select(s => s.Name).Distinct(), Is.EquivalentTo(new[] { "Detect Resource", "Build Cube with Spark" }));
        });
    }

    // CM:106-124 (cube names are global) and contract §7: an estate with one alias in two projects cannot be served as Kylin 4.
    [Test]
    public void Start_SameAliasInTwoProjects_IsRefused()
    {
        var a = Support.ModelEstates.Model("m-1", "same_name", partitioned: true);
        var b = a with { Uuid = "m-2", Project = "another", Alias = "SAME_NAME" };
        var estate = new Estate([new Project(Support.ModelEstates.Project), new Project("another")], []) { Models = new KylinMock.Models.ModelEstate(Support.ModelEstates.Tables, [a, b], []) };
        var refused = Assert.Throws<ArgumentException>(() => KylinMockServer.Start(new KylinMockOptions { KylinVersion = 4, Estate = estate }).Dispose());
        Assert.That(refused!.Message, Does.Contain("same_name"));
    }

    // KylinMockOptions.KylinVersion: 4 or 5.
    [Test]
    public void Options_KylinVersionThree_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new KylinMockOptions { KylinVersion = 3 }.Validate());
}
