using System.Globalization;
using KylinMock.Benchmarks;
using KylinMock.Benchmarks.Harness;
using KylinMock.Benchmarks.Scenarios;

// dotnet run -c Release --project tests/KylinMock.Benchmarks -- [--smoke] [--out results.json] [--only a,b] [--long-run-requests N]
// dotnet run -c Release --project tests/KylinMock.Benchmarks -- --micro   (BenchmarkDotNet, in-process hot paths)
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var options = HarnessOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(HarnessOptions.Usage);
    return 2;
}

if (options.Micro)
{
    return KylinMock.Benchmarks.Micro.MicroBenchmarks.Run(Path.GetFullPath("BenchmarkDotNet.Artifacts"), options.Only);
}

var settings = new BenchSettings(options.Smoke, options.LongRunRequests ?? (options.Smoke ? 20_000 : 1_000_000));
var scenarios = new (string Name, Func<BenchSettings, Task<IEnumerable<ScenarioRow>>> Run)[]
{
    ("list", ListThroughput.Run),
    ("scale", ListAtScale.Run),
    ("operate", Operate.Run),
    ("build", BuildCycle.Run),
    ("startup", Startup.Run),
    ("generation", Generation.Run),
    ("fixture", FixtureLoad.Run),
    ("handwritten", HandWritten.Run),
    ("longrun", LongRun.Run),
    ("container", Container.Run),
    ("sql", SqlQueries.Run),
    ("history", SegmentHistory.Run),
    ("builds100k", ManyBuilds.Run),
    ("body", HugeBody.Run),
};

// Scenarios that need more than this process (Docker and the built image) run only when named.
var onlyWhenNamed = new HashSet<string>(StringComparer.Ordinal) { "container" };

var unknown = options.Only.Except(scenarios.Select(s => s.Name)).ToArray();
if (unknown.Length > 0)
{
    Console.Error.WriteLine($"unknown scenario(s): {string.Join(", ", unknown)}; known: {string.Join(", ", scenarios.Select(s => s.Name))}");
    return 2;
}

var started = DateTimeOffset.UtcNow;
var rows = new List<ScenarioRow>();
foreach (var (name, run) in scenarios)
{
    if ((options.Only.Count > 0 || onlyWhenNamed.Contains(name)) && !options.Only.Contains(name))
    {
        continue;
    }

    Bench.Settle();
    rows.AddRange(await run(settings));

    // Written after every scenario, so a run cut short still leaves what it measured.
    new Report(settings, started, DateTimeOffset.UtcNow, Environment.CommandLine, rows).Write(options.Out);
}

var report = new Report(settings, started, DateTimeOffset.UtcNow, Environment.CommandLine, rows);
Console.WriteLine(report.Table());
report.Write(options.Out);
Console.WriteLine($"results written to {Path.GetFullPath(options.Out)}");
return 0;
