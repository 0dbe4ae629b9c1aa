using System.CommandLine;

namespace KylinMock.Cli;

/// <summary><c>kylin-mock capture</c>: writes a fixture file from a running Kylin's jobs (or a running KylinMock's).</summary>
internal static class CaptureCommand
{
    /// <summary>Exit code when the Kylin server refused or could not be reached.</summary>
    public const int KylinFailed = 4;

    public static Command Create()
    {
        var from = new Option<string>("--from") { Description = "The Kylin base URL, for example http://kylin:7070.", Required = true };
        var user = new Option<string>("--user") { Description = "Kylin user.", DefaultValueFactory = _ => "ADMIN" };
        var password = new Option<string>("--password") { Description = "Kylin password.", DefaultValueFactory = _ => "KYLIN" };
        var project = new Option<string?>("--project") { Description = "Only this project's jobs (all projects by default)." };
        var output = new Option<FileInfo>("--out") { Description = "The fixture file to write.", Required = true };
        var command = new Command("capture", "Capture a Kylin's jobs (list pages and each job's steps) into a fixture file to serve later.")
        {
            from, user, password, project, output,
        };
        command.SetAction(async (parse, cancel) =>
        {
            if (!Uri.TryCreate(parse.GetValue(from), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            {
                await Console.Error.WriteLineAsync($"kylin-mock: --from \"{parse.GetValue(from)}\" is not an http(s) URL.");
                return ServeCommand.BadInput;
            }

            using var http = KylinCapture.Client(url.ToString(), parse.GetValue(user)!, parse.GetValue(password)!);
            try
            {
                var fixture = await new KylinCapture(http, Console.Error).Capture(parse.GetValue(project), cancel);
                var file = parse.GetValue(output)!;
                file.Directory?.Create();
                await File.WriteAllTextAsync(file.FullName, fixture.ToString(Newtonsoft.Json.Formatting.Indented) + "\n", cancel);
                await Console.Error.WriteLineAsync($"kylin-mock: wrote {((Newtonsoft.Json.Linq.JArray)fixture["jobs"]!).Count} jobs to {file.FullName}");
                return 0;
            }
            catch (Exception e) when (e is CaptureException or HttpRequestException or TaskCanceledException)
            {
                await Console.Error.WriteLineAsync("kylin-mock: capture failed: " + e.Message);
                return KylinFailed;
            }
        });
        return command;
    }
}
