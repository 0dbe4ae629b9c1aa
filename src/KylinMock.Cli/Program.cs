using System.CommandLine;
using KylinMock.Cli;

var root = new RootCommand("KylinMock: an in-memory Apache Kylin 5 Job API for testing Kylin clients.");
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(GenerateCommand.Create());
root.Subcommands.Add(CaptureCommand.Create());
return await root.Parse(args).InvokeAsync();
