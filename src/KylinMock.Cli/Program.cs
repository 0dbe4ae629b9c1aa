using System.CommandLine;
using KylinMock.Cli;

var root = new RootCommand("KylinMock: an in-memory Apache Kylin 5 Job API for testing Kylin clients.");
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(GenerateCommand.Create());
root.Subcommands.Add(CaptureCommand.Create());
var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    // A bad argument is one line per problem and exit code 2, as every other refusal of input.
    foreach (var error in parse.Errors)
    {
        await Console.Error.WriteLineAsync("kylin-mock: " + string.Join(' ', error.Message.Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
    }

    await Console.Error.WriteLineAsync($"kylin-mock: see '{parse.CommandResult.Command.Name} --help'.");
    return 2;
}

return await parse.InvokeAsync();
