using System.CommandLine;
using System.Diagnostics;
using KylinMock.Fixtures;
using KylinMock.Jobs;

namespace KylinMock.Cli;

/// <summary><c>kylin-mock generate</c>: writes a fixture file from a seed, a job count and a reference instant.</summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var seed = new Option<int>("--seed") { Description = "Seed of the generated estate.", DefaultValueFactory = _ => 42 };
        var jobs = new Option<int>("--jobs") { Description = "How many jobs to generate.", DefaultValueFactory = _ => 500 }.Within(0, 10_000_000);
        var now = new Option<string>("--now") { Description = "The reference instant (ISO-8601 or epoch ms) the jobs are generated relative to.", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "The fixture file to write.", Required = true };
        var command = new Command("generate", "Write a fixture file from a seed: the same inputs give the same bytes on any machine.")
        {
            seed, jobs, now, output,
        };
        command.SetAction(parse =>
        {
            if (!InstantParser.TryParse("--now", parse.GetValue(now)!, out var reference, out var error))
            {
                Console.Error.WriteLine("kylin-mock: " + error);
                return ServeCommand.BadInput;
            }

            var count = parse.GetValue(jobs);
            if (count < 0)
            {
                Console.Error.WriteLine("kylin-mock: --jobs must not be negative.");
                return ServeCommand.BadInput;
            }

            var file = parse.GetValue(output)!;
            if (Directory.Exists(file.FullName))
            {
                Console.Error.WriteLine($"kylin-mock: --out {file.FullName} is a directory; name the fixture file to write.");
                return ServeCommand.BadInput;
            }

            var clock = Stopwatch.StartNew();
            Estate estate;
            try
            {
                estate = JobGenerator.Generate(parse.GetValue(seed), count, reference);
            }
            catch (ArgumentOutOfRangeException e) when (e.ParamName == "referenceTime")
            {
                Console.Error.WriteLine("kylin-mock: --now: " + e.Message);
                return ServeCommand.BadInput;
            }

            Console.Error.WriteLine($"kylin-mock: generated {count} jobs in {clock.Elapsed.TotalSeconds:0.0} s; writing {file.FullName}");
            try
            {
                file.Directory?.Create();
                FixtureWriter.Write(file.FullName, new Fixture(estate, new FixtureOrigin(parse.GetValue(seed), count, reference)), reference.ToUnixTimeMilliseconds(),
                    written => Console.Error.WriteLine($"kylin-mock: wrote {written} of {count} jobs"));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"kylin-mock: --out {file.FullName} cannot be written: {e.Message}");
                return ServeCommand.BadInput;
            }

            Console.Error.WriteLine($"kylin-mock: wrote {new FileInfo(file.FullName).Length / 1024 / 1024.0:0.0} MiB in {clock.Elapsed.TotalSeconds:0.0} s");
            return 0;
        });
        return command;
    }
}
