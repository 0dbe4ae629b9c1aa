using System.CommandLine;
using System.Diagnostics;
using KylinMock.Fixtures;

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
            var nowText = parse.GetValue(now)!;
            if (!InstantParser.TryParse(nowText, out var reference))
            {
                Console.Error.WriteLine($"kylin-mock: --now \"{nowText}\" is neither an ISO-8601 instant nor epoch milliseconds.");
                return ServeCommand.BadInput;
            }

            var count = parse.GetValue(jobs);
            if (count < 0)
            {
                Console.Error.WriteLine("kylin-mock: --jobs must not be negative.");
                return ServeCommand.BadInput;
            }

            var file = parse.GetValue(output)!;
            var clock = Stopwatch.StartNew();
            var estate = JobGenerator.Generate(parse.GetValue(seed), count, reference);
            Console.Error.WriteLine($"kylin-mock: generated {count} jobs in {clock.Elapsed.TotalSeconds:0.0} s; writing {file.FullName}");
            file.Directory?.Create();
            FixtureWriter.Write(file.FullName, new Fixture(estate, new FixtureOrigin(parse.GetValue(seed), count, reference)), reference.ToUnixTimeMilliseconds(),
                written => Console.Error.WriteLine($"kylin-mock: wrote {written} of {count} jobs"));
            Console.Error.WriteLine($"kylin-mock: wrote {new FileInfo(file.FullName).Length / 1024 / 1024.0:0.0} MiB in {clock.Elapsed.TotalSeconds:0.0} s");
            return 0;
        });
        return command;
    }
}
