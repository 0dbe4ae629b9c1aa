using System.Diagnostics;

namespace KylinMock.Cli;

/// <summary>
/// Ends the mock when its launcher ends: a SIGTERM sent to <c>dotnet pwsh ./run-mock.ps1</c> stops
/// PowerShell without passing the signal on, and the mock must not be left running.
/// </summary>
internal static class ParentWatch
{
    public static async Task StopWhenGone(int parentId, CancellationTokenSource stop)
    {
        while (!stop.IsCancellationRequested)
        {
            if (!IsAlive(parentId))
            {
                await Console.Out.WriteLineAsync("kylin-mock: the launching process ended; stopping.");
                await stop.CancelAsync();
                return;
            }

            try
            {
                await Task.Delay(250, stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static bool IsAlive(int id)
    {
        try
        {
            using var process = Process.GetProcessById(id);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
