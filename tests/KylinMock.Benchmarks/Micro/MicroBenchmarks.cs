using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace KylinMock.Benchmarks.Micro;

/// <summary>
/// The in-process hot paths under BenchmarkDotNet (<c>--micro</c>): in this process, so both sides of a
/// ratio share it, with the memory diagnoser's bytes per operation.
/// </summary>
internal static class MicroBenchmarks
{
    /// <summary>Runs the suites; <paramref name="only"/> (<c>--micro --only pipeline,list,estate</c>) picks some.</summary>
    public static int Run(string artifacts, IReadOnlySet<string> only)
    {
        var config = ManualConfig.CreateEmpty()
            .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddLogger(ConsoleLogger.Default)
            .AddExporter(MarkdownExporter.GitHub)
            .WithArtifactsPath(artifacts)
            .WithOptions(ConfigOptions.DisableOptimizationsValidator);
        var summaries = BenchmarkRunner.Run(
            new (string Name, Type Suite)[] { ("pipeline", typeof(PipelineBenchmarks)), ("list", typeof(ListQueryBenchmarks)), ("estate", typeof(EstateBenchmarks)) }
                .Where(s => only.Count == 0 || only.Contains(s.Name)).Select(s => s.Suite).ToArray(),
            config);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }
}
