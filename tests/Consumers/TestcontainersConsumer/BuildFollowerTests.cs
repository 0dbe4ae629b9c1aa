using System.Text.Json.Nodes;
using KylinMock.Testcontainers;

public class BuildFollowerTests
{
    [Test]
    public async Task Build_OnTheMocksClock_GoesFromPendingToFinished()
    {
        var start = DateTimeOffset.Parse("2026-03-15T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        await using var kylin = new KylinMockBuilder()
            .WithManualClock(start)  // time stands still until the test moves it
            .WithHostNetwork()       // CI's Docker daemon has no bridge; elsewhere leave it out (a mapped port)
            .Build();
        await kylin.StartAsync();

        // Picked up after 1 s; three steps of 10 s each.
        var job = await kylin.Control.SubmitJobAsync(new JsonObject
        {
            ["project"] = "learn_kylin",
            ["target_model"] = "sales_model",
            ["plan"] = new JsonObject { ["pickup_delay_ms"] = 1_000, ["step_durations_ms"] = new JsonArray(10_000, 10_000, 10_000) },
        });

        using var http = kylin.CreateKylinClient();  // Kylin's URL, ADMIN/KYLIN, Kylin 5's Accept header
        async Task<string> StatusOf(string id)
        {
            var list = JsonNode.Parse(await http.GetStringAsync($"jobs?time_filter=4&project=learn_kylin&key={id}"))!;
            return (string)list["data"]!["value"]![0]!["job_status"]!;
        }

        var id = (string)job["id"]!;
        Assert.That(await StatusOf(id), Is.EqualTo("PENDING"));
        await kylin.Control.AdvanceClockAsync(TimeSpan.FromSeconds(5));
        Assert.That(await StatusOf(id), Is.EqualTo("RUNNING"));
        await kylin.Control.AdvanceClockAsync(TimeSpan.FromSeconds(30));
        Assert.That(await StatusOf(id), Is.EqualTo("FINISHED"));

        await kylin.StopAsync();
        Assert.That(await kylin.GetExitCodeAsync(), Is.Zero);
    }
}
