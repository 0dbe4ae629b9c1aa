using KylinMock.Tests.Support;
using Newtonsoft.Json.Linq;

namespace KylinMock.Tests.Faces.Kylin5Models;

/// <summary>
/// Every project answer carries <c>override_kylin_properties</c> (issue 20, contract "Third pass" A; corrects the build
/// contract's 10.3 "omitted when null"): ProjectInstance.init makes the map, ProjectService.createProject stores
/// <c>kylin.metadata.semi-automatic-mode</c> and <c>kylin.query.metadata.expose-computed-column</c>, and
/// ProjectService.updateSnapshotConfig adds <c>kylin.snapshot.manual-management-enabled</c>.
/// </summary>
public class ProjectOverridePropertiesTests : ModelEstateTest
{
    private const string V2 = "application/vnd.apache.kylin-v2+json";

    private JObject V4Project() => (JObject)Http.Get("/kylin/api/projects?project=learn_kylin&exact=true").Data["value"]!.Single();

    private JObject V2Project() => (JObject)Http.Get("/kylin/api/projects?projectName=learn_kylin", accept: V2).Data["projects"]!.Single();

    private static Dictionary<string, string> Map(JObject project) =>
        ((JObject)project["override_kylin_properties"]!).Properties().ToDictionary(p => p.Name, p => (string)p.Value!);

    [Test]
    public void Projects_NewProject_CarryTheCreatedOverrides_OnV4AndV2()
    {
        var expected = new Dictionary<string, string>
        {
            ["kylin.metadata.semi-automatic-mode"] = "false",
            ["kylin.query.metadata.expose-computed-column"] = "true",
        };
        var v4 = V4Project();
        Assert.Multiple(() =>
        {
            Assert.That(Map(v4), Is.EqualTo(expected));
            Assert.That(v4.Properties().Select(p => p.Name).SkipWhile(n => n != "maintain_model_type").Take(3),
                Is.EqualTo(new[] { "maintain_model_type", "override_kylin_properties", "segment_config" }), "ProjectInstance field order");
            Assert.That(Map(V2Project()), Is.EqualTo(expected));
        });
    }

    [Test]
    public void Projects_SnapshotConfigSet_ReflectTheManualManagementFlag()
    {
        // updateSnapshotConfig: manual-management-enabled as sent; auto-refresh-enabled (default false) only when on.
        var on = Http.Put("/kylin/api/projects/learn_kylin/snapshot_config", "{\"snapshot_manual_management_enabled\":true}");
        Assert.That(on.Status, Is.EqualTo(200), on.Text);
        var enabled = Map(V4Project());
        var off = Http.Put("/kylin/api/projects/learn_kylin/snapshot_config", "{\"snapshot_manual_management_enabled\":false}");
        Assert.That(off.Status, Is.EqualTo(200), off.Text);
        var disabled = Map(V2Project());
        Assert.Multiple(() =>
        {
            Assert.That(enabled["kylin.snapshot.manual-management-enabled"], Is.EqualTo("true"));
            Assert.That(enabled["kylin.snapshot.auto-refresh-enabled"], Is.EqualTo("false"));
            Assert.That(disabled["kylin.snapshot.manual-management-enabled"], Is.EqualTo("false"));
            Assert.That(disabled.Keys, Has.Count.EqualTo(4), "putOverrideKylinProps never removes a key");
        });
    }
}
