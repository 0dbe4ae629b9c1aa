using System.Security.Cryptography;
using System.Text;
using KylinMock.Tests.Support;
using Newtonsoft.Json.Linq;

namespace KylinMock.Tests.Faces.Kylin5Studio;

/// <summary>What kystudio reads before it renders a page (kylin5-job-api.md, "Sessions, kystudio"): permission, project config, servers.</summary>
public class StudioStartupTests : ModelEstateTest
{
    private const string Project = ModelEstates.Project;
    private const string V4 = "application/vnd.apache.kylin-v4+json";

    private static string Error(KylinHttp.Answer answer) => (string)answer.Json["msg"]!;

    [Test]
    public void ProjectExtPermission_Admin_IsGlobalAdminWithDataQuery()
    {
        // NAccessController.getUserExtPermissionInPrj: ROLE_ADMIN is GLOBAL_ADMIN; AccessService.getUserNormalExtPermissions
        // gives the super admin (kylin.security.acl.super-admin-username "admin", ignoring case) DATA_QUERY.
        var answer = Http.Get($"/kylin/api/access/permission/project_ext_permission?project={Project}", accept: V4);
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
            Assert.That(answer.Data.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo("{\"permission\":\"GLOBAL_ADMIN\",\"ext_permissions\":[\"DATA_QUERY\"]}"));
        });
    }

    [Test]
    public void ProjectExtPermission_UserWithoutRoleAdmin_HasTheProjectsPermissionAndNoExtPermission()
    {
        // NAccessController: convertToAclPermission of the user's project permission (ADMINISTRATION, as the project list shows
        // it); no project ACL gives ext permissions, so the set is empty.
        var analyst = new KylinUser("ANALYST", "Analyst1!") { Authorities = ["ALL_USERS"] };
        using var kylin = KylinMockServer.Start(new KylinMockOptions
        {
            Users = [KylinUser.Admin, analyst],
            Estate = new KylinMock.Jobs.Estate([new KylinMock.Jobs.Project(Project)], []),
        });
        using var http = new KylinHttp(kylin.Url);
        var answer = http.Get($"/kylin/api/access/permission/project_ext_permission?project={Project}", authorization: KylinHttp.Basic("ANALYST", "Analyst1!"));
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
            Assert.That((string?)answer.Data["permission"], Is.EqualTo("ADMINISTRATION"));
            Assert.That(answer.Data["ext_permissions"], Is.EqualTo(new JArray()));
        });
    }

    [Test]
    public void ProjectExtPermission_MissingOrUnknownProject_AnswersKylinsErrors()
    {
        // NBasicController.handleInvalidRequestParam (400 KE-010000003); checkProjectName (KE-010001002, KE-010001201).
        var missing = Http.Get("/kylin/api/access/permission/project_ext_permission");
        var empty = Http.Get("/kylin/api/access/permission/project_ext_permission?project=");
        var unknown = Http.Get("/kylin/api/access/permission/project_ext_permission?project=nope");
        Assert.Multiple(() =>
        {
            Assert.That((missing.Status, Error(missing)), Is.EqualTo((400, "KE-010000003(Invalid Parameter):Required request parameter 'project' for method parameter type String is not present")));
            Assert.That((empty.Status, (string?)empty.Json["error_code"]), Is.EqualTo((500, "KE-010001002")));
            Assert.That((unknown.Status, Error(unknown)), Is.EqualTo((500, "KE-010001201: Can't find project \"nope\". Please check and try again.")));
        });
    }

    [Test]
    public void ProjectConfig_AnswersProjectConfigResponse_InItsDeclaredOrderWithKylinsDefaults()
    {
        // ProjectService.getProjectConfig0 into ProjectConfigResponse; KylinConfigBase defaults (quota 10240 GB, threshold 20,
        // MONTH window, yarn queue "default", converters); project init exposes computed columns; no commit file gives "-".
        var answer = Http.Get($"/kylin/api/projects/{Project}/project_config", accept: V4);
        var data = (JObject)answer.Data;
        var keys = data.Properties().Select(p => p.Name).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
            Assert.That(keys.Take(4), Is.EqualTo(new[] { "project", "description", "default_database", "semi_automatic_mode" }));
            Assert.That(keys.Last(), Is.EqualTo("package_version"));
            Assert.That(keys, Has.Length.EqualTo(48), "every @JsonProperty of ProjectConfigResponse");
            Assert.That((long)data["storage_quota_size"]!, Is.EqualTo(10_995_116_277_760L));
            Assert.That(((bool)data["push_down_enabled"]!, (bool)data["snapshot_manual_management_enabled"]!), Is.EqualTo((true, false)));
            Assert.That(((int)data["threshold"]!, (string?)data["frequency_time_window"], (string?)data["yarn_queue"]), Is.EqualTo((20, "MONTH", "default")));
            Assert.That((bool)data["expose_computed_column"]!, Is.True);
            Assert.That((string?)data["converter_class_names"], Does.StartWith("org.apache.kylin.source.adhocquery.DoubleQuotePushDownConverter,org.apache.kylin.query.util.PowerBIConverter,"));
            Assert.That(data["volatile_range"]!.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo("{\"volatile_range_number\":0,\"volatile_range_enabled\":false,\"volatile_range_type\":\"DAY\"}"));
            Assert.That(keys.SkipWhile(k => k != "volatile_range").Take(3), Is.EqualTo(new[] { "volatile_range", "create_empty_segment_enabled", "retention_range" }));
            Assert.That(((string?)data["jdbc_source_pass"], (string?)data["git_commit"], data["favorite_rules"]!.Type), Is.EqualTo(("*****", "-", JTokenType.Null)));
        });
    }

    [Test]
    public void ProjectConfig_ReflectsPushDownAndSnapshotSettings_AndEchoesThePathsProject()
    {
        // getProjectConfig0: response.setProject(project) is the path as sent; the project's overrides are read back.
        Assert.That(Http.Put($"/kylin/api/projects/{Project}/push_down_config", "{\"push_down_enabled\":false}").Status, Is.EqualTo(200));
        Assert.That(Http.Put($"/kylin/api/projects/{Project}/snapshot_config", "{\"snapshot_manual_management_enabled\":true}").Status, Is.EqualTo(200));
        var answer = Http.Get("/kylin/api/projects/LEARN_KYLIN/project_config");
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
            Assert.That((string?)answer.Data["project"], Is.EqualTo("LEARN_KYLIN"));
            Assert.That(((bool)answer.Data["push_down_enabled"]!, (bool)answer.Data["snapshot_manual_management_enabled"]!), Is.EqualTo((false, true)));
        });
    }

    [Test]
    public void ProjectConfig_UnknownProject_Is500ProjectNotExist()
    {
        // AclEvaluate.getProjectInstance: KylinException(PROJECT_NOT_EXIST).
        var answer = Http.Get("/kylin/api/projects/nope/project_config");
        Assert.That((answer.Status, Error(answer)), Is.EqualTo((500, "KE-010001201: Can't find project \"nope\". Please check and try again.")));
    }

    [Test]
    public void SystemServers_AnswersTheOneServerAndNoMaintenance()
    {
        // NSystemController.getServers: ServersResponse {status: MaintenanceModeResponse, servers: hosts}; DefaultClusterManager
        // has the one local server; EpochManager.getMaintenanceModeDetail is (false, null) outside maintenance.
        var answer = Http.Get("/kylin/api/system/servers", accept: V4);
        var host = "localhost:" + new Uri(Kylin.Url).Port;
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
            Assert.That(answer.Data.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo($"{{\"status\":{{\"maintenance_mode\":false,\"maintenance_mode_reason\":null}},\"servers\":[\"{host}\"]}}"));
        });
    }

    [Test]
    public void SystemServers_Ext_WritesServerExtInfoWithKylinsEncodedHost()
    {
        // ServerExtInfoResponse (host, mode, secretName); NBasicController.encodeHost: Base64(EncryptUtil.encrypt("http://" + host)),
        // EncryptUtil AES/ECB/PKCS5Padding under "thisIsAsecretKey".
        var answer = Http.Get("/kylin/api/system/servers?ext=true");
        var server = answer.Data["servers"]![0]!;
        using var aes = Aes.Create();
        aes.Key = "thisIsAsecretKey"u8.ToArray();
        var inner = Encoding.UTF8.GetString(Convert.FromBase64String((string)server["secretName"]!));
        var decrypted = Encoding.UTF8.GetString(aes.DecryptEcb(Convert.FromBase64String(inner), PaddingMode.PKCS7));
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
            Assert.That(((JObject)server).Properties().Select(p => p.Name), Is.EqualTo(new[] { "host", "mode", "secretName" }));
            Assert.That((string?)server["mode"], Is.EqualTo("all"));
            Assert.That(decrypted, Is.EqualTo("http://" + (string)server["host"]!));
        });
    }

    [Test]
    public void SystemServers_ExtNotABoolean_Is400()
    {
        // Spring's MethodArgumentTypeMismatchException through NBasicController.handleInvalidRequestParam.
        var answer = Http.Get("/kylin/api/system/servers?ext=maybe");
        Assert.That((answer.Status, (string?)answer.Json["error_code"]), Is.EqualTo((400, "KE-010000003")));
    }

    [Test]
    public void QueryServers_AnswersTheBareHostList()
    {
        // NQueryController.getServers: EnvelopeResponse<List>, the hosts without a status.
        var answer = Http.Get("/kylin/api/query/servers");
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
            Assert.That(answer.Data.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo($"[\"localhost:{new Uri(Kylin.Url).Port}\"]"));
        });
    }
}
