using System.Net.Http.Headers;
using System.Text;
using KylinMock.Benchmarks.Harness;

namespace KylinMock.Benchmarks.Scenarios;

/// <summary>
/// Issue 23, item 13: one 30 MB JSON array sent to a build endpoint (<c>POST /kylin/api/models/{m}/segments</c>), and a valid
/// build request carrying a 30 MB unknown field: the bytes the whole process allocates for the request (client and embedded
/// server) and its resident memory after it, against the body's own size.
/// </summary>
internal static class HugeBody
{
    public static async Task<IEnumerable<ScenarioRow>> Run(BenchSettings settings)
    {
        var size = settings.Pick(30_000_000, 3_000_000);
        var array = Array(size);
        var (kylinServer, aliases, _) = BuildCycle.StartWithModels(Reference.Now, 1);
        using var kylin = kylinServer;
        using var client = LoadLoop.Client(kylin.Url, 1);
        var day = Reference.Now.ToUnixTimeMilliseconds() / 86_400_000 * 86_400_000;
        var valid = $"{{\"project\":\"bench\",\"start\":\"{day - 86_400_000}\",\"end\":\"{day}\",\"padding\":{array}}}";
        var arrayAllocated = new List<double>();
        var fieldAllocated = new List<double>();
        for (var i = 0; i < settings.Pick(3, 1); i++)
        {
            arrayAllocated.Add(await Allocated(client, aliases[0], array, 500) / (double)size);
            fieldAllocated.Add(await Allocated(client, aliases[0], valid, i == 0 ? 200 : 500) / (double)size);
        }

        GC.Collect();
        var rss = LongRun.RssMiB(Environment.ProcessId, "VmHWM");
        Bench.Log($"huge body: array {arrayAllocated.Min():0.0}x its size allocated, unknown field {fieldAllocated.Min():0.0}x, peak RSS {rss:0} MiB");
        return
        [
            new ScenarioRow("huge_body_array", $"Bytes allocated per body byte: one {size / 1_000_000} MB JSON array to a build endpoint (client + server)",
                new Measurement("allocated / body size", "x", Summary.Of(arrayAllocated)), null, null, null) { Note = $"peak RSS (VmHWM) {rss:0} MiB" },
            new ScenarioRow("huge_body_unknown_field", $"Bytes allocated per body byte: a build request with a {size / 1_000_000} MB unknown field (it builds)",
                new Measurement("allocated / body size", "x", Summary.Of(fieldAllocated)), null, null, null),
        ];
    }

    private static async Task<long> Allocated(HttpClient client, string alias, string body, int expected)
    {
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var (status, answer) = await LoadLoop.Once(client, new HttpRequestMessage(HttpMethod.Post, $"/kylin/api/models/{alias}/segments") { Content = content });
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        if ((int)status != expected)
        {
            throw new InvalidOperationException($"answered {(int)status}, expected {expected}: {Encoding.UTF8.GetString(answer)[..Math.Min(300, answer.Length)]}");
        }

        return allocated;
    }

    private static string Array(int size)
    {
        var text = new StringBuilder(size + 64).Append('[');
        while (text.Length < size)
        {
            text.Append("{\"id\":\"abcdefghijklmnop\",\"n\":[1,2,3]},");
        }

        return text.Append("0]").ToString();
    }
}
