using System.Globalization;

namespace KylinMock.Cli;

/// <summary>
/// What the process inherited about signals. A process started with SIGINT ignored (a background
/// job of a shell without job control: <c>kylin-mock serve &amp;</c> in a script) keeps it ignored:
/// .NET's <c>PosixSignalRegistration</c> does not take over an ignored SIGINT, so that children it
/// starts do not lose the ignore on exec. Linux only (<c>/proc/self/status</c>); false elsewhere.
/// </summary>
internal static class InheritedSignals
{
    private const int Sigint = 2;

    public static bool SigintIgnored()
    {
        try
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
            return line is not null
                && ulong.TryParse(line["SigIgn:".Length..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var mask)
                && (mask & (1UL << (Sigint - 1))) != 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
