using System.Diagnostics;
using System.Text.RegularExpressions;

namespace KylinMock.Tests.Support;

/// <summary>The standalone mock as a child process: started, waited for, stopped with a signal.</summary>
internal sealed partial class MockProcess : IDisposable
{
    private readonly Process process;
    private readonly List<string> output = [];

    private MockProcess(Process process)
    {
        this.process = process;
    }

    public static string CliDll => Path.Combine(TestContext.CurrentContext.TestDirectory, "kylin-mock.dll");

    public string Url { get; private set; } = string.Empty;

    /// <summary>The child's process id.</summary>
    public int ProcessId => process.Id;

    public string Output
    {
        get
        {
            lock (output)
            {
                return string.Join('\n', output);
            }
        }
    }

    /// <summary>Runs <c>dotnet kylin-mock.dll args</c> and waits for its readiness line.</summary>
    public static MockProcess Start(params string[] args) => StartCommand("dotnet", [CliDll, .. args]);

    /// <summary>Runs any command that ends by starting the mock, and waits for the readiness line.</summary>
    public static MockProcess StartCommand(string fileName, IEnumerable<string> args, TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var mock = new MockProcess(Process.Start(info)!);
        var ready = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        mock.process.OutputDataReceived += (_, e) => mock.Collect(e.Data, ready);
        mock.process.ErrorDataReceived += (_, e) => mock.Collect(e.Data, ready);
        mock.process.BeginOutputReadLine();
        mock.process.BeginErrorReadLine();
        var finished = Task.WhenAny(ready.Task, mock.process.WaitForExitAsync(), Task.Delay(timeout ?? TimeSpan.FromSeconds(120))).GetAwaiter().GetResult();
        if (finished != ready.Task)
        {
            mock.Dispose();
            throw new InvalidOperationException("the mock did not become ready:\n" + mock.Output);
        }

        mock.Url = ready.Task.Result;
        return mock;
    }

    /// <summary>Runs the CLI to completion and returns its exit code and output.</summary>
    public static (int ExitCode, string Output) Run(params string[] args) => RunCommand("dotnet", [CliDll, .. args], TimeSpan.FromMinutes(2));

    /// <summary>Runs any command to completion (killed after <paramref name="timeout"/>) and returns its exit code and output.</summary>
    public static (int ExitCode, string Output) RunCommand(string fileName, IEnumerable<string> args, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            // A hang is the finding: fail with what it printed, never hand back a killed process's exit code.
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"{fileName} did not exit within {timeout.TotalSeconds:0} s:\n" + stdout.Result + stderr.Result);
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    /// <summary>The process id (the mock's own when started through <c>env</c>, which execs).</summary>
    public int Id => process.Id;

    /// <summary>Sends SIGTERM (or SIGINT) and returns the exit code; throws when the mock is still running 30 s later.</summary>
    public int Stop(bool interrupt = false)
    {
        var signal = interrupt ? "INT" : "TERM";
        using (var kill = Process.Start("kill", ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        if (!process.WaitForExit(30_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the mock did not exit within 30 s of SIG{signal}:\n" + Output);
        }

        process.WaitForExit();
        return process.ExitCode;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }

        process.Dispose();
    }

    private void Collect(string? line, TaskCompletionSource<string> ready)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Add(line);
        }

        var match = Readiness().Match(line);
        if (match.Success)
        {
            ready.TrySetResult(match.Groups["url"].Value);
        }
    }

    [GeneratedRegex("KylinMock listening on (?<url>http://\\S+)")]
    private static partial Regex Readiness();
}
