using System.Diagnostics;
using System.Globalization;
using KylinMock.Benchmarks.Harness;

namespace KylinMock.Benchmarks.Scenarios;

/// <summary>
/// The image against the single binary it is made of (both from <c>bash .ci/docker.sh build</c>): start to the
/// first answered <c>GET /__kylinmock/health</c> (500 jobs; the binary a process, the image <c>docker run</c> on
/// the host's network), and <c>docker stop</c> (SIGTERM) to the container's end, against SIGTERM to the
/// binary's. Needs Docker (DOCKER_HOST): it runs only when named, <c>--only container</c>.
/// </summary>
internal static class Container
{
    /// <summary>The stated bound on a stop: SIGTERM to the container's end.</summary>
    public const double StopBoundMs = 2000;

    public static async Task<IEnumerable<ScenarioRow>> Run(BenchSettings settings)
    {
        var root = Root();
        var binary = Path.Combine(root, "dist", "linux-x64", "kylin-mock");
        var image = Output("bash", Path.Combine(root, ".ci", "docker.sh"), "tag");
        if (!File.Exists(binary) || Run("docker", "image", "inspect", image).ExitCode != 0)
        {
            throw new InvalidOperationException($"{binary} or {image} is missing: run `bash .ci/docker.sh build` (with DOCKER_HOST from `bash .ci/docker.sh start`)");
        }

        var binaryStops = new List<double>();
        var imageStops = new List<double>();
        var round = 0;
        using var http = new HttpClient();

        async Task<double> Ready(string command, string[] args, Func<Process, double> stop, List<double> stops)
        {
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(Info(command, args)) ?? throw new InvalidOperationException("cannot start " + command);
            double ms;
            try
            {
                var url = await LongRun.Ready(process);
                using var health = await http.GetAsync(url + "/__kylinmock/health");
                ms = clock.Elapsed.TotalMilliseconds;
                health.EnsureSuccessStatusCode();
            }
            catch
            {
                LongRun.Stop(process);
                throw;
            }

            stops.Add(stop(process));
            return ms;
        }

        double StopBinary(Process process) => Bench.Ms(() => LongRun.Stop(process));

        Task<double> Binary() => Ready(binary, ["serve", "--port", "0"], StopBinary, binaryStops);

        Task<double> Image()
        {
            var name = $"kylinmock-bench-{Environment.ProcessId}-{round++}";
            double StopContainer(Process process) => Bench.Ms(() =>
            {
                Run("docker", "stop", "--time", "10", name);
                process.WaitForExit();
            });
            return Ready("docker", ["run", "--rm", "--name", name, "--network", "host", image, "serve", "--host", "127.0.0.1", "--port", "0"], StopContainer, imageStops);
        }

        Bench.Log("container: alternating docker run of the image / the single binary, each to its first health answer");
        var warmups = settings.Pick(1, 0);
        var r = await Bench.Alternate(warmups, settings.Pick(10, 1), Image, Binary);
        var extra = new Dictionary<string, object>
        {
            ["image"] = image,
            ["image_bytes"] = long.Parse(Output("docker", "image", "inspect", "-f", "{{.Size}}", image), CultureInfo.InvariantCulture),
            ["binary_bytes"] = new FileInfo(binary).Length,
        };
        return
        [
            new ScenarioRow("container_startup", "Start to first health answer: the image (docker run, host network) vs the single binary", new Measurement("docker run to health", "ms", Summary.Of(r[0])), new Measurement("kylin-mock serve to health", "ms", Summary.Of(r[1])), Bench.Ratios(r[0], r[1]), null)
            {
                Extra = extra,
                Note = $"image {(long)extra["image_bytes"] / 1_000_000.0:0.0} MB, binary {(long)extra["binary_bytes"] / 1_000_000.0:0.0} MB",
            },
            new ScenarioRow("container_stop", $"docker stop (SIGTERM) to the container's end (bound {StopBoundMs} ms)", new Measurement("docker stop", "ms", Summary.Of(imageStops.Skip(warmups))), new Measurement("SIGTERM to the binary's end", "ms", Summary.Of(binaryStops.Skip(warmups))), null, Target.MaxAtMost(StopBoundMs, "ms")),
        ];
    }

    private static ProcessStartInfo Info(string command, IEnumerable<string> args)
    {
        var info = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return info;
    }

    private static (int ExitCode, string Output) Run(string command, params string[] args)
    {
        using var process = Process.Start(Info(command, args)) ?? throw new InvalidOperationException("cannot start " + command);
        var stderr = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Trim() + stderr.Result);
    }

    private static string Output(string command, params string[] args)
    {
        var (exit, output) = Run(command, args);
        return exit == 0 ? output : throw new InvalidOperationException($"{command} {string.Join(' ', args)} failed ({exit}): {output}");
    }

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KylinMock.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("KylinMock.sln not found above " + AppContext.BaseDirectory);
    }
}
