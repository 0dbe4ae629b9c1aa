namespace KylinMock.Tests.Kylin4;

/// <summary>Kylin 4's CubeController over the one estate: cubes, their actions and builds (contract §2.4, §2.5, §4; CubeController.java, CubeService.java, CubeManager.java).</summary>
public class Kylin4CubesTests : Kylin4Test
{
    // CC:1138-1144, MSG:40: an unknown cube is NotFoundException, 404, answered directly.
    [Test]
    public void GetCube_Unknown_Is404() => AssertError(Get("/cubes/nope"), 404, "Cannot find cube 'nope'.");

    // CC:144-174, CubeInstanceResponse.java:31-84: items add project, model and the partition fields; names are looked up ignoring case (CM:106).
    [Test]
    public void ListCubes_ItemsAreCubeInstanceResponses_FilteredBySubstring()
    {
        var items = Array(Get("/cubes?cubeName=SALES_M&projectName=learn_kylin"));
        var one = Get("/cubes/KYLIN_SALES_MODEL").Json;
        Assert.Multiple(() =>
        {
            Assert.That(items.Select(c => (string)c["name"]!), Is.EqualTo(new[] { Cube }));
            Assert.That(((string?)items[0]["project"], (string?)items[0]["model"], (string?)items[0]["display_name"]), Is.EqualTo(("learn_kylin", Cube, (string?)null)));
            Assert.That((string?)one["status"], Is.EqualTo("READY"));
            Assert.That(one["segments"]!.Select(s => (string)s["name"]!).First(), Does.Match("^[0-9]{14}_[0-9]{14}$"));
            Assert.That(Array(Get("/cubes?projectName=no_such")), Is.Empty);
        });
    }

    // CS:414-510 with CC's "Failed to <op> cube: <c> Caused by: <message>" (CC:604-613, 677-687): disable READY, enable DISABLED only.
    [Test]
    public void DisableThenEnable_AndTheirRefusals()
    {
        var enabledWhileReady = Put($"/cubes/{Cube}/enable");
        var disabled = Put($"/cubes/{Cube}/disable");
        var again = Put($"/cubes/{Cube}/disable");
        var enabled = Put($"/cubes/{Cube}/enable");
        Assert.Multiple(() =>
        {
            AssertError(enabledWhileReady, 500, $"Failed to enable cube: {Cube} Caused by: Only disabled cube can be enabled, status of '{Cube}' is READY.");
            Assert.That((string?)disabled.Json["status"], Is.EqualTo("DISABLED"));
            AssertError(again, 500, $"Failed to disable cube: {Cube} Caused by: Only ready cube can be disabled, status of '{Cube}' is DISABLED.");
            Assert.That((string?)enabled.Json["status"], Is.EqualTo("READY"));
            AssertError(Put("/cubes/nope/disable"), 500, "Failed to disable cube: nope Caused by: Cannot find cube 'nope'.");
        });
    }

    // CS:385-405, CM:273-284: purge needs no live job and DISABLED; it answers the cube as it was, and a later GET has no segments.
    [Test]
    public void Purge_RefusedWhileReady_ThenAnswersTheCubeBefore()
    {
        var refused = Put($"/cubes/{Cube}/purge");
        Put($"/cubes/{Cube}/disable");
        var purged = Put($"/cubes/{Cube}/purge");
        Assert.Multiple(() =>
        {
            AssertError(refused, 500, $"Failed to purge cube: {Cube} Caused by: Only disabled cube can be purged, status of '{Cube}' is READY.");
            Assert.That(purged.Json["segments"]!.Count(), Is.EqualTo(2));
            Assert.That(Get("/cubes/" + Cube).Json["segments"]!.Count(), Is.Zero);
        });
    }

    // CC:631-672 (not wrapped): name rule 400, unknown project 404, another project 400, a taken name 400; success is a DISABLED cube without segments.
    [Test]
    public void Clone_RulesInOrder_ThenANewDisabledCube()
    {
        var badName = Put($"/cubes/{Cube}/clone", "{\"cubeName\":\"a-b\",\"project\":\"learn_kylin\"}");
        var noProject = Put($"/cubes/{Cube}/clone", "{\"cubeName\":\"c2\",\"project\":\"nope\"}");
        var across = Put($"/cubes/{Cube}/clone", "{\"cubeName\":\"c2\",\"project\":\"another\"}");
        var taken = Put($"/cubes/{Cube}/clone", "{\"cubeName\":\"SALES_FULL_MODEL\",\"project\":\"learn_kylin\"}");
        var clone = Put($"/cubes/{Cube}/clone", "{\"cubeName\":\"c2\",\"project\":\"learn_kylin\"}");
        Assert.Multiple(() =>
        {
            AssertError(badName, 400, "Invalid Cube name, only letters, numbers and underscore supported.");
            AssertError(noProject, 404, "Project nope doesn't exist");
            AssertError(across, 400, "Cloning cubes across projects is not supported.");
            AssertError(taken, 400, "The cube named 'SALES_FULL_MODEL' already exists.");
            Assert.That(((string?)clone.Json["name"], (string?)clone.Json["status"], clone.Json["segments"]!.Count()), Is.EqualTo(("c2", "DISABLED", 0)));
        });
    }

    // CS:314-366: DELETE is refused while a READY/RUNNING/ERROR job exists (the double-space template, CC:697-702); otherwise an empty 200.
    [Test]
    public void DeleteCube_RefusedWithALiveJob_ThenGone()
    {
        var id = BuildThirdDay();
        var refused = Delete("/cubes/" + Cube);
        Put($"/jobs/{id}/cancel");
        var deleted = Delete("/cubes/" + Cube);
        Assert.Multiple(() =>
        {
            AssertError(refused, 500, $"Failed to delete cube.  Caused by: The cube '{Cube}' has running or failed job, please discard it and try again.");
            Assert.That((deleted.Status, deleted.Text), Is.EqualTo((200, string.Empty)));
            Assert.That(Get("/cubes/" + Cube).Status, Is.EqualTo(404));
        });
    }

    // CC:359-377, CS:621-663: an unknown segment is 404 without a period; a READY cube's segment is refused; a DISABLED cube's goes.
    [Test]
    public void DeleteSegment_NotFoundReadyCubeThenDeleted()
    {
        var name = (string)Get("/cubes/" + Cube).Json["segments"]![0]!["name"]!;
        var unknown = Delete($"/cubes/{Cube}/segs/nope");
        var ready = Delete($"/cubes/{Cube}/segs/{name}");
        Put($"/cubes/{Cube}/disable");
        var deleted = Delete($"/cubes/{Cube}/segs/{name}");
        Assert.Multiple(() =>
        {
            AssertError(unknown, 404, "Cannot find segment 'nope'");
            AssertError(ready, 500, $"Cannot delete segment '{name}' from ready cube '{Cube}'. Please disable the cube first.");
            Assert.That(deleted.Json["segments"]!.Count(), Is.EqualTo(1));
        });
    }

    // CM:1043-1077: a gap between two segments is a hole with only name and range set.
    [Test]
    public void Holes_GapBetweenSegments_IsAHole()
    {
        Build(Cube, T + (4 * Day), T + (5 * Day));
        var holes = Array(Get($"/cubes/{Cube}/holes"));
        Assert.That(holes.Select(h => ((long)h["date_range_start"]!, (long)h["date_range_end"]!, (string?)h["uuid"])), Is.EqualTo(new[] { (T + (2 * Day), T + (4 * Day), (string?)null) }));
    }

    // CC:444-458 (everything wrapped as InternalErrorException(message, e)): an unknown cube is an NPE with msg null; SegmentRange's start after end
    // a bare IllegalStateException (§9); JobTypeEnum.valueOf; Segments.validate's overlap; nothing changes.
    [Test]
    public void Build_Refusals_InKylinsOrder_ChangeNothing()
    {
        Assert.Multiple(() =>
        {
            AssertError(Build("nope", T, T + Day), 500, null);
            AssertError(Build(Cube, T + Day, T), 500, null);
            AssertError(Build(Cube, T + (2 * Day), T + (3 * Day), "build"), 500, "No enum constant org.apache.kylin.common.constant.JobTypeEnum.build");
            AssertError(Build(Cube, T + (2 * Day), T + (3 * Day), "OPTIMIZE"), 500, "Invalid build type: 'OPTIMIZE'.");
            AssertError(Build(Cube, T + (Day / 2), T + (3 * Day)), 500, $"Segments overlap: {Cube}[{Name(T, T + Day)}] and {Cube}[{Name(T + (Day / 2), T + (3 * Day))}]");
            AssertError(Put($"/cubes/{Cube}/build2", "{}"), 500, "Unsupported in Kylin 4.0 .");
            Assert.That((string?)Put($"/cubes/{Cube}/rebuild2", "{}").Json["stacktrace"], Does.StartWith("java.lang.UnsupportedOperationException: Unsupported in Kylin 4.0 ."));
            Assert.That(Get("/cubes/" + Cube).Json["segments"]!.Count(), Is.EqualTo(2));
            Assert.That(Array(Get("/jobs")), Is.Empty);
        });
    }

    // CM:782-872: MERGE of the two READY days: one NEW merged segment and a MERGE job with NSparkMergingJob's three steps; fewer than two is refused.
    [Test]
    public void Merge_TwoReadyDays_MergingJob_AndTooFewIsRefused()
    {
        var tooFew = Build(Cube, T, T + Day, "MERGE");
        var merge = Build(Cube, T, T + (2 * Day), "MERGE");
        Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Multiple(() =>
        {
            AssertError(tooFew, 500, $"Range TSRange[{T},{T + Day}) must contain at least 2 segments, but there is 1");
            Assert.That((string?)merge.Json["name"], Does.StartWith($"MERGE CUBE - {Cube} - "));
            Assert.That(merge.Json["steps"]!.Select(s => (string)s["name"]!), Is.EqualTo(new[] { "Detect Resource", "Merge Segment Data", "Clean Up Old Segment for merging job" }));
            Assert.That((string?)merge.Json["type"], Is.EqualTo("BUILD"));
            Assert.That(Get("/cubes/" + Cube).Json["segments"]!.Select(s => ((bool)s["is_merged"]!, (string)s["status"]!)), Is.EqualTo(new[] { (true, "READY") }));
        });
    }

    // CM:717-759: REFRESH must start and end on existing segment bounds; it replaces the segment at the end.
    [Test]
    public void Refresh_OnSegmentBounds_Replaces_OffBoundsRefused()
    {
        var off = Build(Cube, T + 1, T + Day, "REFRESH");
        var refresh = Build(Cube, T, T + Day, "REFRESH");
        Clock.Advance(TimeSpan.FromMinutes(5));
        var segments = Get("/cubes/" + Cube).Json["segments"]!;
        Assert.Multiple(() =>
        {
            AssertError(off, 500, $"The new refreshing segment {Cube}[{Name(T + 1, T + Day)}] does not match any existing segment in cube CUBE[name={Cube}]");
            Assert.That((string?)refresh.Json["job_status"], Is.EqualTo("PENDING"));
            Assert.That(segments.Select(s => (string)s["last_build_job_id"]!).First(), Is.EqualTo((string)refresh.Json["uuid"]!));
            Assert.That(segments.Count(), Is.EqualTo(2));
        });
    }

    private static string Name(long start, long end) =>
        DateTimeOffset.FromUnixTimeMilliseconds(start).UtcDateTime.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture) + "_"
        + DateTimeOffset.FromUnixTimeMilliseconds(end).UtcDateTime.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
}
