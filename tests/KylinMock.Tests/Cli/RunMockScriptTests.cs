using System.Diagnostics;
using System.Net.Sockets;
using KylinMock.Tests.Support;

namespace KylinMock.Tests.Cli;

/// <summary>run-mock.ps1 as the README runs it: <c>dotnet pwsh ./run-mock.ps1</c>.</summary>
[NonParallelizable]
public class RunMockScriptTests
{
    private static string Root => Path.GetFullPath(Path.Combine(TestContext.CurrentContext.TestDirectory, "..", "..", "..", "..", ".."));

    [Test]
    public void RunMock_ServesThenStopsWithItsLauncher_LeavingThePortFree()
    {
        using var mock = MockProcess.StartCommand("dotnet", ["pwsh", "-NoProfile", Path.Combine(Root, "run-mock.ps1"), "-Port", "0", "-Jobs", "25", "-Clock", "manual", "-Now", "2026-03-15T12:00:00Z", "-MaxPageSize", "10"], TimeSpan.FromMinutes(5));
        var port = new Uri(mock.Url).Port;
        using (var http = new KylinHttp(mock.Url))
        {
            Assert.That((int)http.Get("/kylin/api/jobs?time_filter=4").Data["total_size"]!, Is.EqualTo(25));
            Assert.That(http.Get("/kylin/api/jobs?time_filter=4&page_size=11").Status, Is.EqualTo(400), "-MaxPageSize reaches the mock");
        }

        mock.Stop();
        Assert.That(() => PortIsFree(port), Is.True.After(10_000, 200), "the mock stopped with its launcher:\n" + mock.Output);
    }

    // Each case names its own message: PowerShell's parameter validation names the parameter, the
    // script's own fixture check names the file.
    [TestCase("-Clock", "sundial", "Cannot validate argument on parameter 'Clock'")]
    [TestCase("-Port", "99999", "Cannot validate argument on parameter 'Port'")]
    [TestCase("-Fixture", "/no/such/file.json", "run-mock: fixture file '/no/such/file.json' does not exist.")]
    [TestCase("-MaxPageSize", "0", "Cannot validate argument on parameter 'MaxPageSize'")]
    public void RunMock_BadArgument_FailsWithAClearMessage(string name, string value, string message)
    {
        var (exit, output) = Pwsh("-NoProfile", Path.Combine(Root, "run-mock.ps1"), name, value);
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Not.Zero);
            Assert.That(output, Does.Contain(message));
        });
    }

    [Test]
    public void RunMock_PortTaken_FailsWithTheMocksOneLineError()
    {
        using var taken = new TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (exit, output) = Pwsh("-NoProfile", Path.Combine(Root, "run-mock.ps1"), "-Port", port, "-Jobs", "1");
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(3));
            Assert.That(output, Does.Contain($"kylin-mock: cannot listen on 127.0.0.1:{port}"));
        });
    }

    private static bool PortIsFree(int port)
    {
        try
        {
            using var probe = new TcpListener(System.Net.IPAddress.Loopback, port);
            probe.Start();
            probe.Stop();
            return !Process.GetProcesses().Any(p => SafeName(p) == "dotnet" && CommandLine(p).Contains($"--port 0", StringComparison.Ordinal) && CommandLine(p).Contains("--jobs 25", StringComparison.Ordinal));
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static string SafeName(Process p)
    {
        try
        {
            return p.ProcessName;
        }
        catch (InvalidOperationException)
        {
            return string.Empty;
        }
    }

    private static string CommandLine(Process p)
    {
        try
        {
            return File.ReadAllText($"/proc/{p.Id}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return string.Empty;
        }
        catch (UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }

    private static (int ExitCode, string Output) Pwsh(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Root };
        info.ArgumentList.Add("pwsh");
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(300_000))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException("run-mock.ps1 did not exit within 300 s:\n" + stdout.Result + stderr.Result);
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
