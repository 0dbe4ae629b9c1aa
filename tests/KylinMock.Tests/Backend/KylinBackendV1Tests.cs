using KylinMock.Backend;
using KylinMock.Kylin4;
using KylinMock.Models;
using KylinMock.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace KylinMock.Tests.Backend;

/// <summary>The backend's Kylin 4 operations called directly, without HTTP (JobService, CubeService and CubeManager of Kylin 4).</summary>
public class KylinBackendV1Tests
{
    private const string Cube = "kylin_sales_model";

    // CC:408-424, JS:276-282: BuildCube adds one NEW segment and one PENDING job; SearchJobInstances finds it; a refused build changes nothing.
    [Test]
    public void BuildCube_ThenSearch_AndARefusalChangesNothing()
    {
        var (backend, clock) = Backend();
        var job = backend.BuildCube(Cube, new BuildRequest(ModelEstates.T + (2 * ModelEstates.Day), ModelEstates.T + (3 * ModelEstates.Day), "BUILD", false));
        var refused = Assert.Throws<Kylin4Error>(() => backend.BuildCube(Cube, new BuildRequest(ModelEstates.T, ModelEstates.T + ModelEstates.Day, "MERGE", false)));
        clock.Advance(TimeSpan.FromMinutes(5));
        var found = backend.SearchJobInstances(new JobListFilter(null, null, null, 1, 30, 0, "CUBING_ONLY"));
        Assert.Multiple(() =>
        {
            Assert.That(job.JobStatus, Is.EqualTo("PENDING"));
            Assert.That(refused!.Text, Does.StartWith("Range TSRange["));
            Assert.That(found.Select(j => (j.Uuid, j.JobStatus)), Is.EqualTo(new[] { (job.Uuid, "FINISHED") }));
            Assert.That(backend.GetCubeInstance(Cube).Segments.Select(s => s.Status), Is.EqualTo(new[] { "READY", "READY", "READY" }));
        });
    }

    // EM:629-652 and JS:839-851: PauseJobInstance stops a PENDING job; DropJobInstance refuses it while its cube exists.
    [Test]
    public void PauseThenDrop_PausedJobOfAnExistingCube_IsRefused()
    {
        var (backend, _) = Backend();
        var job = backend.BuildCube(Cube, new BuildRequest(ModelEstates.T + (2 * ModelEstates.Day), ModelEstates.T + (3 * ModelEstates.Day), "BUILD", false));
        Assert.Multiple(() =>
        {
            Assert.That(backend.PauseJobInstance(job.Uuid).JobStatus, Is.EqualTo("STOPPED"));
            Assert.That(Assert.Throws<Kylin4Error>(() => backend.DropJobInstance(job.Uuid))!.Status, Is.EqualTo(500));
            Assert.That(backend.GetJobInstance(job.Uuid), Is.Not.Null);
        });
    }

    // CM:106-124: one alias in two projects cannot be shown as Kylin 4 cubes.
    [Test]
    public void DuplicateCubeName_SameAliasInTwoProjects_IsNamed()
    {
        var twin = ModelEstates.Model("twin", "KYLIN_SALES_MODEL", partitioned: true) with { Project = "another" };
        Assert.Multiple(() =>
        {
            Assert.That(Backend().Backend.DuplicateCubeName(), Is.Null);
            Assert.That(Backend(twin).Backend.DuplicateCubeName(), Does.Contain("kylin_sales_model").And.Contain("another"));
        });
    }

    private static (KylinBackend Backend, FakeTimeProvider Clock) Backend(params DataModel[] more)
    {
        var clock = new FakeTimeProvider(Estates.Now);
        var estate = new KylinMock.Jobs.Estate([new KylinMock.Jobs.Project(ModelEstates.Project), new KylinMock.Jobs.Project("another")], [])
        {
            Models = new ModelEstate(
                ModelEstates.Tables,
                [ModelEstates.Model(ModelEstates.Partitioned, Cube, partitioned: true), .. more],
                [
                    ModelEstates.Seg(ModelEstates.Partitioned, "seg-1", ModelEstates.T, ModelEstates.T + ModelEstates.Day),
                    ModelEstates.Seg(ModelEstates.Partitioned, "seg-2", ModelEstates.T + ModelEstates.Day, ModelEstates.T + (2 * ModelEstates.Day)),
                ]),
        };
        return (new KylinBackend(new KylinMockOptions { Clock = clock, KylinVersion = 4 }, estate, null), clock);
    }
}
