using KylinMock.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace KylinMock.Tests.Faces.Kylin5Models;

/// <summary>The cosmetic rows of issue 20's part A: <c>max_bucket_id</c> and the version new jobs carry.</summary>
public class CosmeticFieldsTests : ModelEstateTest
{
    private const long Day = ModelEstates.Day;
    private static readonly long T = ModelEstates.T;

    [Test]
    public void Segments_BuiltSegment_MaxBucketIdIsMinusOne()
    {
        // NDataSegment.maxBucketId is -1 unless a multi-level partition build computed buckets.
        var build = Http.Send(HttpMethod.Post, "/kylin/api/models/kylin_sales_model/segments",
            $"{{\"project\":\"learn_kylin\",\"start\":\"{T + (5 * Day)}\",\"end\":\"{T + (6 * Day)}\"}}");
        Assert.That(build.Status, Is.EqualTo(200), build.Text);
        ((FakeTimeProvider)Kylin.Clock).Advance(TimeSpan.FromMinutes(10));
        var rows = Http.Get("/kylin/api/models/kylin_sales_model/segments?project=learn_kylin&page_size=100").Data["value"]!;
        Assert.Multiple(() =>
        {
            Assert.That(rows.Select(r => (string?)r["status"]), Has.Some.EqualTo("READY"));
            Assert.That(rows.Select(r => (long)r["max_bucket_id"]!), Has.All.EqualTo(-1L));
        });
    }

    [Test]
    public void Jobs_MadeByTheApi_CarryTheRunningVersion()
    {
        // A new ExecutablePO takes KylinVersion.getCurrentVersion, not the "4.0.0.0" of metadata written by older versions.
        var build = Http.Send(HttpMethod.Post, "/kylin/api/models/kylin_sales_model/segments",
            $"{{\"project\":\"learn_kylin\",\"start\":\"{T + (5 * Day)}\",\"end\":\"{T + (6 * Day)}\"}}");
        var id = (string)build.Data["jobs"]![0]!["job_id"]!;

        // The v4 list leaves version null (ExecutableResponse.create); the job itself, as the control plane exports it, holds it.
        var exported = Newtonsoft.Json.Linq.JObject.Parse(Http.Send(HttpMethod.Get, "/__kylinmock/jobs", authorization: null, accept: "application/json").Text);
        var job = exported.SelectToken($"$..[?(@.id=='{id}')]")!;
        Assert.That((string?)job["version"], Is.EqualTo("5.0.0.0-SNAPSHOT"));
    }
}
