using System.Diagnostics;

namespace KylinMock.Testcontainers.Tests;

/// <summary>The Docker daemon the tests run on (DOCKER_HOST, as Testcontainers finds it) and the repository's scripts.</summary>
internal static class Docker
{
    public static string Root => Path.GetFullPath(Path.Combine(TestContext.CurrentContext.TestDirectory, "..", "..", "..", "..", ".."));

    /// <summary>
    /// A builder for this machine's daemon: .ci/docker.sh's makes no bridge, so the container shares the
    /// host's network and the mock listens on loopback. Ryuk (an image from a registry) is off
    /// (TESTCONTAINERS_RYUK_DISABLED); each test disposes what it starts, which removes the container.
    /// </summary>
    public static KylinMockBuilder Builder() => new KylinMockBuilder().WithHostNetwork();

    /// <summary>Runs the docker CLI on the same daemon; returns its exit code and what it printed.</summary>
    public static (int ExitCode, string Output) Cli(params string[] args) => Run("docker", args);

    /// <summary>Runs a repository script and returns what it printed on stdout (it must succeed).</summary>
    public static string Script(params string[] args)
    {
        var (exit, output) = Run("bash", args);
        Assert.That(exit, Is.Zero, output);
        return output;
    }

    private static (int ExitCode, string Output) Run(string command, string[] args)
    {
        var info = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Root };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, process.ExitCode == 0 ? output.Trim() : output + stderr.Result);
    }
}
